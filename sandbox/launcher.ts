/**
 * What `tki run` needs and nothing more: the profile, the engine names, the launcher. A separate
 * entry from sandbox/index.ts because every module the operator's process evaluates before bwrap
 * starts is time the sandbox adds to a run (SPEC target: ≤ 100 ms), and index.ts also carries the
 * attestation and the compilers' test surface.
 */
export { DEFAULT_PROFILE } from './profile/default-profile.js';
export { ENGINE_NAMES, isEngineName, type EngineName } from './engines/engine-types.js';
export { runSandboxed, type SandboxedRun, type SandboxedRunResult } from './launch/run-sandboxed.js';
export { inspectInSandbox, type SandboxedInspection, type SandboxedInspectionResult } from './launch/inspect-in-sandbox.js';
export { withOperatorLimits, type OperatorLimits } from './profile/operator-limits.js';
export { formatInsideStartUp, type InsideStartUp } from './runtime/inside-snapshot.js';
