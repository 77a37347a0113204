import { applyExecLock } from '../lock.js';
import { runSelfCheck } from '../self-check/index.js';
import { openChannel, sendEvidence } from './channel-probe.js';
import { runProbes } from './index.js';

/**
 * The probe runner, started inside the sandbox by `tki attest`. It locks itself exactly as
 * `tki inspect` does, runs P1 and the probes, and sends its evidence over the report channel (the
 * same framing and descriptor as the inspector's report, so every engine carries it the same way).
 * Arguments: `--report-fd <n>`, then host paths that must be unreachable from inside.
 */
process.exitCode = 3;
const [flag, fdText, ...hostPaths] = process.argv.slice(2);
const reportFd = flag === '--report-fd' && /^\d+$/.test(fdText ?? '') ? Number(fdText) : 3;
const lock = applyExecLock();
const selfCheck = runSelfCheck();
openChannel(reportFd);
const probes = await runProbes({ hostPaths, reportFd });
sendEvidence(reportFd, { lock, selfCheck: selfCheck.results, probes });
process.exitCode = 2;
