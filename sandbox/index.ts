/**
 * The L1 sandbox and the P1 self-check: the profile as data, its compilers, the engines, the
 * in-process lock, the probes and the attestation. Harness code, outside the inspector (src/).
 */
export { DEFAULT_PROFILE, type Namespace, type SandboxProfile, type SeccompRules } from './profile/index.js';
export { profileSha256, sha256Hex } from './profile/digest.js';
export { compileSeccompBpf, SECCOMP_DATA, SECCOMP_RET, type FilterStage } from './seccomp/bpf.js';
export { INSTRUCTION_BYTES } from './seccomp/bpf-assembler.js';
export { compileOciSeccomp, type OciSeccomp, type OciSyscallRule } from './seccomp/oci.js';
export { AUDIT_ARCH_X86_64, CLONE_NAMESPACE_FLAGS, ERRNO, X32_SYSCALL_BIT, X86_64_SYSCALLS, type SyscallName } from './seccomp/syscalls-x86_64.js';
export {
  BWRAP_SECCOMP_FD,
  compileBwrapArgs,
  compileContainerArgs,
  PODMAN_TIMEOUT_GRACE_SECONDS,
  compileNodeFlags,
  ENGINE_NAMES,
  engineVersion,
  isEngineName,
  packetMountTarget,
  prepareEngineCommand,
  type EngineError,
  type EngineName,
  type SandboxInvocation,
} from './engines/index.js';
export { recordedRuntimePackages, RUNTIME_PACKAGES_FILE, runtimePackages, SANDBOX_ENTRIES } from './runtime/runtime-packages.js';
export { packageRoot } from './runtime/package-root.js';
export { IMAGE_REPOSITORY, localImageTag, writeBuildContext } from './engines/local-image.js';
export { discoverRuntime, SANDBOX_TKI_ROOT, type RuntimeBinding, type RuntimeFiles } from './runtime/runtime-files.js';
export { runSandboxed, type SandboxedRun, type SandboxedRunResult } from './launch/run-sandboxed.js';
export { inspectInSandbox, type SandboxedInspection, type SandboxedInspectionResult } from './launch/inspect-in-sandbox.js';
export type { EngineExit } from './launch/spawn-engine.js';
export { applyExecLock, type ExecLockResult } from './lock.js';
export { loadSeccompAddon, type AttemptableSyscall, type SeccompAddon } from './native/addon.js';
export {
  describeMounts,
  INVARIANTS,
  judgeInvariants,
  judgeNodeHardening,
  mountTableViolation,
  observeSelf,
  parseMountInfo,
  runSelfCheck,
  selfCheckRefusalLine,
  type InvariantId,
  type InvariantResult,
  type OpenFd,
  type MountEntry,
  type SelfCheckObservation,
  type SelfCheckOutcome,
} from './self-check/index.js';
// The probes themselves (NETWORK, EXEC on purpose) are not re-exported: they run only inside,
// from sandbox/probes/main.ts; callers get their records through runAttestation.
export { PROBE_IDS, type ProbeId, type ProbeRecord } from './probes/types.js';
export { MATRIX_ROW_PROBES, renderAttestationMarkdown, runAttestation, type AttestationEvidence, type AttestationResult } from './attest/index.js';
