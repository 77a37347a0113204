import type { SandboxProfile } from '../profile/types.js';
import { assemble, type Instruction } from './bpf-assembler.js';
import { AUDIT_ARCH_X86_64, CLONE_NAMESPACE_FLAGS, ERRNO, X32_SYSCALL_BIT, X86_64_SYSCALLS, type SyscallName } from './syscalls-x86_64.js';

export const SECCOMP_RET = { KILL_PROCESS: 0x80000000, ERRNO: 0x00050000, ALLOW: 0x7fff0000 } as const;

/** Offsets into `struct seccomp_data { int nr; u32 arch; u64 ip; u64 args[6]; }`. */
export const SECCOMP_DATA = { nr: 0, arch: 4, arg0Low: 16 } as const;

export type FilterStage = 'startup' | 'locked';

/**
 * The profile's seccomp rules as a BPF program. `startup` is what the engine installs before node
 * runs; `locked` adds the after-start denials (execve, execveat) and is what node installs on
 * itself — it repeats the whole deny list so the in-process filter holds on its own under any engine.
 * Other architectures (the i386 `int 0x80` entry) are killed; x32 numbers are denied.
 */
export function compileSeccompBpf(profile: SandboxProfile, stage: FilterStage): Buffer {
  const rules = profile.seccomp;
  const denied: SyscallName[] = stage === 'locked' ? [...rules.deny, ...rules.denyAfterStart] : [...rules.deny];
  const cloneMask = rules.denyCloneFlags.reduce((mask, flag) => mask | CLONE_NAMESPACE_FLAGS[flag], 0);
  const program: Instruction[] = [
    { op: 'load', offset: SECCOMP_DATA.arch },
    { op: 'jeq', k: AUDIT_ARCH_X86_64, then: 'arch-ok', else: 'kill' },
    { op: 'label', name: 'arch-ok' },
    { op: 'load', offset: SECCOMP_DATA.nr },
    { op: 'jge', k: X32_SYSCALL_BIT, then: 'deny' },
    ...denied.map((name): Instruction => ({ op: 'jeq', k: X86_64_SYSCALLS[name], then: 'deny' })),
    ...rules.enosys.map((name): Instruction => ({ op: 'jeq', k: X86_64_SYSCALLS[name], then: 'enosys' })),
  ];
  if (cloneMask !== 0) program.push({ op: 'jeq', k: X86_64_SYSCALLS.clone, then: 'clone' });
  program.push({ op: 'ret', k: SECCOMP_RET.ALLOW });
  if (cloneMask !== 0) {
    // Placed before the shared returns because classic BPF only jumps forward.
    program.push(
      { op: 'label', name: 'clone' },
      { op: 'load', offset: SECCOMP_DATA.arg0Low },
      { op: 'jset', k: cloneMask, then: 'deny' },
      { op: 'ret', k: SECCOMP_RET.ALLOW },
    );
  }
  program.push(
    { op: 'label', name: 'deny' },
    { op: 'ret', k: SECCOMP_RET.ERRNO | ERRNO[rules.errno] },
    { op: 'label', name: 'enosys' },
    { op: 'ret', k: SECCOMP_RET.ERRNO | ERRNO.ENOSYS },
    { op: 'label', name: 'kill' },
    { op: 'ret', k: SECCOMP_RET.KILL_PROCESS },
  );
  return assemble(program);
}
