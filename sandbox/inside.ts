/**
 * The part of the sandbox that runs inside it, as its own public entry: `tki inspect` needs the
 * profile, the exec lock and P1 — and must not reach the launchers (EXEC) or the probes (NETWORK)
 * that sandbox/index.ts also exports for the operator side.
 */
export { DEFAULT_PROFILE, type SandboxProfile } from './profile/index.js';
export { applyExecLock, type ExecLockResult } from './lock.js';
export { judgeNodeHardening, runSelfCheck, selfCheckRefusalLine, type SelfCheckOutcome } from './self-check/index.js';
export { takeResourceLimits } from './profile/rlimit-text.js';
export { refusedCallsLine } from './seccomp/refused-calls.js';
