import type { SandboxProfile } from '../profile/types.js';
import { assemble, type Instruction } from './bpf-assembler.js';
import { ARCH_PRCTL_OPTIONS, AUDIT_ARCH_X86_64, CLONE_NAMESPACE_FLAGS, CLONE_THREAD, ERRNO, MAP_ANONYMOUS, MAP_UNCOUNTED_BY_DATA_LIMIT, OPEN_WRITE_FLAGS, PRCTL_OPTIONS, PROT_EXEC, X32_SYSCALL_BIT, X86_64_SYSCALLS, type ArchPrctlOptionName, type SyscallName } from './syscalls-x86_64.js';

export const SECCOMP_RET = { KILL_PROCESS: 0x80000000, TRAP: 0x00030000, ERRNO: 0x00050000, ALLOW: 0x7fff0000 } as const;

/** Offsets into `struct seccomp_data { int nr; u32 arch; u64 ip; u64 args[6]; }` (low words). */
export const SECCOMP_DATA = { nr: 0, arch: 4, arg0Low: 16, arg1Low: 24, arg2Low: 32, arg3Low: 40 } as const;

export type FilterStage = 'startup' | 'locked';

/** A jump of classic BPF reaches at most 255 instructions ahead: longer lists are cut into chunks with a return each. */
const CHUNK = 200;

/** `jeq` each call to a shared return placed right after its chunk, jumped over otherwise (keeps every jump short). */
function group(label: string, names: readonly SyscallName[], ret: number): Instruction[] {
  const program: Instruction[] = [];
  for (let start = 0; start < names.length; start += CHUNK) {
    const name = `${label}-${start}`;
    program.push(
      ...names.slice(start, start + CHUNK).map((call): Instruction => ({ op: 'jeq', k: X86_64_SYSCALLS[call], then: name })),
      { op: 'ja', to: `${name}-end` },
      { op: 'label', name },
      { op: 'ret', k: ret },
      { op: 'label', name: `${name}-end` },
    );
  }
  return program;
}

/**
 * Denies `call` when its argument word at `offset` matches (`jset`: any bit of `k`; `jeq`: equal to
 * `k`); otherwise reloads the call number and falls through to the next rule.
 */
function argumentRule(label: string, call: SyscallName, offset: number, test: 'jset' | 'jeq', k: number, deny: number): Instruction[] {
  return [
    { op: 'jeq', k: X86_64_SYSCALLS[call], then: label, else: `${label}-end` },
    { op: 'label', name: label },
    { op: 'load', offset },
    { op: test, k, then: `${label}-deny`, else: `${label}-pass` },
    { op: 'label', name: `${label}-deny` },
    { op: 'ret', k: deny },
    { op: 'label', name: `${label}-pass` },
    { op: 'load', offset: SECCOMP_DATA.nr },
    { op: 'label', name: `${label}-end` },
  ];
}

/** arch_prctl allowed for `options` only, any other option denied (ARCH_MAP_VDSO_* would map new executable memory). */
function archPrctlRule(options: readonly ArchPrctlOptionName[], allow: number, deny: number): Instruction[] {
  return [
    { op: 'jeq', k: X86_64_SYSCALLS.arch_prctl, then: 'arch_prctl', else: 'arch_prctl-end' },
    { op: 'label', name: 'arch_prctl' },
    { op: 'load', offset: SECCOMP_DATA.arg0Low },
    ...options.map((option): Instruction => ({ op: 'jeq', k: ARCH_PRCTL_OPTIONS[option], then: 'arch_prctl-allow' })),
    { op: 'ret', k: deny },
    { op: 'label', name: 'arch_prctl-allow' },
    { op: 'ret', k: allow },
    { op: 'label', name: 'arch_prctl-end' },
  ];
}

/**
 * The profile's seccomp rules as a BPF program, default deny. Order: other architectures (the
 * i386 `int 0x80` entry) are killed; x32 numbers and the deny list get `errno` (EPERM); the
 * ENOSYS list; clone with a namespace flag is denied; in the locked stage execve/execveat are
 * denied and so is mmap(PROT_EXEC) of anything but anonymous memory (with denyExecMemoryAfterStart:
 * mmap and mprotect asking for PROT_EXEC at all), an open for writing and
 * prctl(PR_SET_SECCOMP); then the allowlist; every other call answers `unlisted` (ENOSYS) — in the
 * locked stage through SECCOMP_RET_TRAP, whose SIGSYS handler (the addon) records the call first. `startup` is what the engine installs before node runs;
 * `locked` is what node installs on itself, holding on its own under any engine.
 */
export function compileSeccompBpf(profile: SandboxProfile, stage: FilterStage): Buffer {
  const rules = profile.seccomp;
  const denied: SyscallName[] = stage === 'locked' ? [...rules.deny, ...rules.denyAfterStart] : [...rules.deny];
  const deny = SECCOMP_RET.ERRNO | ERRNO[rules.errno];
  const allow = SECCOMP_RET.ALLOW;
  const cloneMask = rules.denyCloneFlags.reduce((mask, flag) => mask | CLONE_NAMESPACE_FLAGS[flag], 0);
  const execMemory = stage === 'locked' && rules.denyExecMemoryAfterStart;
  const uncounted = stage === 'locked' && rules.denyUncountedMemoryAfterStart;
  const execMappings = stage === 'locked' && rules.denyFileExecMappingsAfterStart && !execMemory;
  // Before the lock, exec stays allowed: the engine's last act is to exec node.
  const allowList = stage === 'startup' ? [...rules.allow, ...rules.denyAfterStart] : rules.allow;
  const archPrctlOptions = stage === 'locked' ? rules.archPrctlAfterStart : undefined;
  const allowed = allowList.filter((name) => !(archPrctlOptions !== undefined && name === 'arch_prctl') && !denied.includes(name) && !rules.enosys.includes(name) && !(cloneMask !== 0 && name === 'clone') && !((execMappings || execMemory) && name === 'mmap') && !(execMemory && name === 'mprotect'));
  const program: Instruction[] = [
    { op: 'load', offset: SECCOMP_DATA.arch },
    { op: 'jeq', k: AUDIT_ARCH_X86_64, then: 'arch-ok', else: 'kill' },
    { op: 'label', name: 'kill' },
    { op: 'ret', k: SECCOMP_RET.KILL_PROCESS },
    { op: 'label', name: 'arch-ok' },
    { op: 'load', offset: SECCOMP_DATA.nr },
    { op: 'jge', k: X32_SYSCALL_BIT, then: 'x32' },
    { op: 'ja', to: 'x32-end' },
    { op: 'label', name: 'x32' },
    { op: 'ret', k: deny },
    { op: 'label', name: 'x32-end' },
    ...group('deny', denied, deny),
    ...group('enosys', rules.enosys, SECCOMP_RET.ERRNO | ERRNO.ENOSYS),
  ];
  if (cloneMask !== 0) {
    program.push(
      { op: 'jeq', k: X86_64_SYSCALLS.clone, then: 'clone', else: 'clone-end' },
      { op: 'label', name: 'clone' },
      { op: 'load', offset: SECCOMP_DATA.arg0Low },
      { op: 'jset', k: cloneMask, then: 'clone-deny', else: uncounted ? 'clone-thread' : 'clone-allow' },
      // Once locked (denyUncountedMemoryAfterStart): threads only, no new process.
      ...(uncounted ? ([{ op: 'label', name: 'clone-thread' }, { op: 'jset', k: CLONE_THREAD, then: 'clone-allow', else: 'clone-deny' }] as Instruction[]) : []),
      { op: 'label', name: 'clone-deny' },
      { op: 'ret', k: deny },
      { op: 'label', name: 'clone-allow' },
      { op: 'ret', k: allow },
      { op: 'label', name: 'clone-end' },
    );
  }
  if (execMappings) {
    program.push(
      { op: 'jeq', k: X86_64_SYSCALLS.mmap, then: 'mmap', else: 'mmap-end' },
      { op: 'label', name: 'mmap' },
      { op: 'load', offset: SECCOMP_DATA.arg2Low },
      { op: 'jset', k: PROT_EXEC, then: 'mmap-exec', else: 'mmap-allow' },
      { op: 'label', name: 'mmap-exec' },
      { op: 'load', offset: SECCOMP_DATA.arg3Low },
      { op: 'jset', k: MAP_ANONYMOUS, then: 'mmap-allow', else: 'mmap-deny' },
      { op: 'label', name: 'mmap-deny' },
      { op: 'ret', k: deny },
      { op: 'label', name: 'mmap-allow' },
      { op: 'ret', k: allow },
      { op: 'label', name: 'mmap-end' },
    );
  }
  // Before the PROT_EXEC rules: an mmap RLIMIT_DATA would not count is refused whatever its prot.
  if (uncounted) program.push(...argumentRule('mmap-uncounted', 'mmap', SECCOMP_DATA.arg3Low, 'jset', MAP_UNCOUNTED_BY_DATA_LIMIT, deny));
  if (execMemory) {
    // PROT_EXEC in mmap's or mprotect's prot (the third argument of both): refused whatever the memory is.
    for (const call of ['mmap', 'mprotect'] as const) {
      program.push(...argumentRule(`${call}-exec`, call, SECCOMP_DATA.arg2Low, 'jset', PROT_EXEC, deny));
      // Without PROT_EXEC: the allowlist decides (the call was taken out of the allow group above).
      if (allowList.includes(call)) program.push({ op: 'jeq', k: X86_64_SYSCALLS[call], then: `${call}-allow`, else: `${call}-allow-end` }, { op: 'label', name: `${call}-allow` }, { op: 'ret', k: allow }, { op: 'label', name: `${call}-allow-end` });
    }
  }
  if (stage === 'locked' && rules.denyWriteOpensAfterStart) {
    program.push(...argumentRule('open', 'open', SECCOMP_DATA.arg1Low, 'jset', OPEN_WRITE_FLAGS, deny), ...argumentRule('openat', 'openat', SECCOMP_DATA.arg2Low, 'jset', OPEN_WRITE_FLAGS, deny));
  }
  if (stage === 'locked') {
    for (const option of rules.denyPrctlAfterStart) program.push(...argumentRule(`prctl-${option}`, 'prctl', SECCOMP_DATA.arg0Low, 'jeq', PRCTL_OPTIONS[option], deny));
  }
  if (archPrctlOptions !== undefined && allowList.includes('arch_prctl')) program.push(...archPrctlRule(archPrctlOptions, allow, deny));
  // The errno travels in the trap's data bits (si_errno): the handler answers exactly `unlisted`.
  const unlisted = stage === 'locked' && rules.reportUnlistedAfterStart ? SECCOMP_RET.TRAP | ERRNO[rules.unlisted] : SECCOMP_RET.ERRNO | ERRNO[rules.unlisted];
  program.push(...group('allow', allowed, allow), { op: 'ret', k: unlisted });
  return assemble(program);
}
