import { readFileSync } from 'node:fs';
import { applyExecLock } from '../lock.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { takeResourceLimits } from '../profile/rlimit-text.js';
import { runSelfCheck } from '../self-check/index.js';
import { openChannel, sendEvidence } from './channel-probe.js';
import { isCeilingAttack, runCeilingAttack } from './ceiling-attacks.js';
import { runProbes } from './index.js';
import { HOST_PATHS_FILE, PROFILE_FILE } from './types.js';
import type { SandboxProfile } from '../profile/types.js';

function readProfile(path: string): SandboxProfile | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && 'seccomp' in value && 'rlimits' in value ? (value as SandboxProfile) : undefined;
  } catch {
    return undefined;
  }
}

function readHostPaths(path: string): string[] {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The probe runner, started inside the sandbox by `tki attest`. It locks itself exactly as
 * `tki inspect` does, runs P1 and the probes, and sends its evidence over the report channel (the
 * same framing and descriptor as the inspector's report, so every engine carries it the same way).
 * Arguments: `[--rlimits <limits>] --report-fd <n> [--ceiling <attack>]`; the host paths that must be unreachable from inside
 * are read from the scratch packet's host-paths.json.
 */
process.exitCode = 3;
// The profile under attestation (the launcher's own scratch packet carries it; a deviating profile
// in the tests must reach the lock too, or the probes would attest the built-in one).
const attested = readProfile(`${DEFAULT_PROFILE.packet.target}/${PROFILE_FILE}`) ?? DEFAULT_PROFILE;
const limited = takeResourceLimits(process.argv.slice(2), attested);
const profile = 'error' in limited ? attested : limited.profile;
const [flag, fdText, ceilingFlag, attack] = 'error' in limited ? [] : limited.argv;
const reportFd = flag === '--report-fd' && /^\d+$/.test(fdText ?? '') ? Number(fdText) : 3;
const hostPaths = readHostPaths(`${profile.packet.target}/${HOST_PATHS_FILE}`);
const lock = applyExecLock(profile);
// `--ceiling <attack>` after the descriptor: a run that only tries to break one ceiling, once locked.
if (ceilingFlag === '--ceiling' && attack !== undefined && isCeilingAttack(attack)) runCeilingAttack(attack, reportFd);
const selfCheck = runSelfCheck(profile);
openChannel(reportFd);
const probes = await runProbes({ hostPaths, reportFd });
sendEvidence(reportFd, { lock, selfCheck: selfCheck.results, probes });
process.exitCode = 2;
