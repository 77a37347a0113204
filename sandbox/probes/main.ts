import { applyExecLock } from '../lock.js';
import { runSelfCheck } from '../self-check/index.js';
import { runProbes } from './index.js';

/**
 * The probe runner, started inside the sandbox by `tki attest`. It locks itself exactly as
 * `tki inspect` does, runs P1 and the twelve probes, and prints one JSON object on stdout.
 * Arguments: host paths that must be unreachable from inside.
 */
process.exitCode = 3;
const lock = applyExecLock();
const selfCheck = runSelfCheck();
const probes = await runProbes({ hostPaths: process.argv.slice(2) });
process.stdout.write(`${JSON.stringify({ lock, selfCheck: selfCheck.results, probes })}\n`);
process.exitCode = 2;
