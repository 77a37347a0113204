import type { SandboxProfile } from '../profile/types.js';
import { CLONE_NAMESPACE_FLAGS, ERRNO, type SyscallName } from './syscalls-x86_64.js';

/** The subset of the OCI runtime-spec `linux.seccomp` object that podman, docker and runc read. */
export interface OciSeccomp {
  readonly defaultAction: 'SCMP_ACT_ALLOW';
  readonly architectures: readonly ['SCMP_ARCH_X86_64'];
  readonly syscalls: readonly OciSyscallRule[];
}

export interface OciSyscallRule {
  readonly names: readonly SyscallName[];
  readonly action: 'SCMP_ACT_ERRNO';
  readonly errnoRet: number;
  readonly args?: readonly { readonly index: number; readonly value: number; readonly valueTwo: number; readonly op: 'SCMP_CMP_MASKED_EQ' }[];
}

/**
 * The profile's start-up seccomp rules as an OCI/Docker seccomp profile (the `startup` stage:
 * execve must stay allowed for the container's entrypoint; node adds the exec lock itself).
 * Listing only x86_64 makes libseccomp kill calls from other ABIs, as the BPF compiler does.
 * A masked-equal rule matches one flag, so each clone flag is its own rule (rules are ORed).
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
  return {
    defaultAction: 'SCMP_ACT_ALLOW',
    architectures: ['SCMP_ARCH_X86_64'],
    syscalls: [
      { names: [...rules.deny], action: 'SCMP_ACT_ERRNO', errnoRet },
      { names: [...rules.enosys], action: 'SCMP_ACT_ERRNO', errnoRet: ERRNO.ENOSYS },
      ...cloneRules,
    ],
  };
}
