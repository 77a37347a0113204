import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { compileSeccompBpf, SECCOMP_RET } from '../../../sandbox/seccomp/bpf.js';
import { AUDIT_ARCH_X86_64, X86_64_SYSCALLS } from '../../../sandbox/seccomp/syscalls-x86_64.js';
import { runSeccompProgram } from '../helpers/bpf-interpreter.js';

const EPERM = SECCOMP_RET.ERRNO | 1;
const archPrctl = (option: number, stage: 'startup' | 'locked'): number => runSeccompProgram(compileSeccompBpf(DEFAULT_PROFILE, stage), { nr: X86_64_SYSCALLS.arch_prctl, arch: AUDIT_ARCH_X86_64, args: [option, 0x7f0000000000] });

describe('arch_prctl once the filter is locked (round five: ARCH_MAP_VDSO_64 mapped a fresh r-x vDSO)', () => {
  it('allows reading and setting the FS/GS bases', () => {
    for (const option of [0x1001, 0x1002, 0x1003, 0x1004]) expect(archPrctl(option, 'locked'), option.toString(16)).toBe(SECCOMP_RET.ALLOW);
  });

  it('refuses mapping a vDSO, CPUID faulting, AMX permission and unknown options with EPERM', () => {
    for (const option of [0x2001, 0x2002, 0x2003, 0x1011, 0x1012, 0x1023, 0x5001, 0, 0xffffffff]) expect(archPrctl(option, 'locked'), option.toString(16)).toBe(EPERM);
  });

  it('leaves the engine\'s start-up stage as it was (libc sets TLS there before node runs)', () => {
    expect(archPrctl(0x2003, 'startup')).toBe(SECCOMP_RET.ALLOW);
  });

  it('without the profile field, the allowlist alone decides', () => {
    const { archPrctlAfterStart: _dropped, ...seccomp } = DEFAULT_PROFILE.seccomp;
    const program = compileSeccompBpf({ ...DEFAULT_PROFILE, seccomp }, 'locked');
    expect(runSeccompProgram(program, { nr: X86_64_SYSCALLS.arch_prctl, arch: AUDIT_ARCH_X86_64, args: [0x2003] })).toBe(SECCOMP_RET.ALLOW);
  });
});
