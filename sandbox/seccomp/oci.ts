import type { SandboxProfile } from '../profile/types.js';
import { CLONE_NAMESPACE_FLAGS, ERRNO, type SyscallName } from './syscalls-x86_64.js';

/** The subset of the OCI runtime-spec `linux.seccomp` object that podman, docker and runc read. */
export interface OciSeccomp {
  readonly defaultAction: 'SCMP_ACT_ERRNO';
  readonly defaultErrnoRet: number;
  readonly architectures: readonly ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'];
  readonly syscalls: readonly OciSyscallRule[];
}

export interface OciSyscallRule {
  readonly names: readonly SyscallName[];
  readonly action: 'SCMP_ACT_ERRNO' | 'SCMP_ACT_ALLOW';
  readonly errnoRet?: number;
  readonly args?: readonly { readonly index: number; readonly value: number; readonly valueTwo: number; readonly op: 'SCMP_CMP_MASKED_EQ' }[];
}

/**
 * The profile's start-up seccomp rules as an OCI/Docker seccomp profile (the `startup` stage:
 * execve stays allowed for the container's entrypoint; node adds the exec lock itself), default
 * deny like the BPF program: unlisted calls answer ENOSYS, the deny list EPERM, the allowlist
 * passes. The i386 and x32 ABIs are listed too, so their calls meet the same rules by name (unlisted:
 * ENOSYS): with x86_64 alone, libseccomp's bad-arch action kills only the calling thread, and an
 * x32 call left a zombie container that podman and docker could not stop. A masked-equal rule
 * matches one flag, so each clone flag is its own EPERM rule, and clone is allowed only when none
 * of the flags is set (mask → 0).
 */
export function compileOciSeccomp(profile: SandboxProfile): OciSeccomp {
  const rules = profile.seccomp;
  const errnoRet = ERRNO[rules.errno];
  const cloneRules: OciSyscallRule[] = rules.denyCloneFlags.map((flag) => ({
    names: ['clone'],
    action: 'SCMP_ACT_ERRNO',
    errnoRet,
    args: [{ index: 0, value: CLONE_NAMESPACE_FLAGS[flag], valueTwo: CLONE_NAMESPACE_FLAGS[flag], op: 'SCMP_CMP_MASKED_EQ' }],
  }));
  const cloneMask = rules.denyCloneFlags.reduce((mask, flag) => mask | CLONE_NAMESPACE_FLAGS[flag], 0);
  const denied = new Set<SyscallName>([...rules.deny, ...rules.enosys, ...(cloneMask === 0 ? [] : ['clone' as const])]);
  const allowed = [...rules.allow, ...rules.denyAfterStart].filter((name) => !denied.has(name));
  // clone without any namespace flag: the only clone the allowlist passes.
  const cloneAllowed: OciSyscallRule[] = cloneMask === 0 ? [] : [{ names: ['clone'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: cloneMask, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }] }];
  return {
    defaultAction: 'SCMP_ACT_ERRNO',
    defaultErrnoRet: ERRNO[rules.unlisted],
    architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'],
    syscalls: [
      { names: allowed, action: 'SCMP_ACT_ALLOW' },
      { names: [...rules.deny], action: 'SCMP_ACT_ERRNO', errnoRet },
      { names: [...rules.enosys], action: 'SCMP_ACT_ERRNO', errnoRet: ERRNO.ENOSYS },
      ...cloneRules,
      ...cloneAllowed,
    ],
  };
}
