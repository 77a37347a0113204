import { writeFileSync } from 'node:fs';
import { loadSeccompAddon } from '../native/addon.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { refusedUnlistedCalls, syscallLabel } from '../seccomp/refused-calls.js';
import { X86_64_SYSCALLS } from '../seccomp/syscalls-x86_64.js';
import { errnoName, errorCode, type Probe } from './types.js';

/** The packet-supplied shared object the attestation puts into its scratch packet (a copy of tki's own addon: a valid, loadable ELF). */
export const PACKET_NATIVE_MODULE = 'probe.node';

function attemptWrite(path: string): string {
  try {
    writeFileSync(path, '\u007fELF', { flag: 'wx' });
    return 'ok';
  } catch (error) {
    return errorCode(error);
  }
}

function attemptDlopen(path: string): { loaded: boolean; observed: string } {
  try {
    process.dlopen({ exports: {} }, path);
    return { loaded: true, observed: 'loaded' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { loaded: false, observed: message.replace(/^.*?: /, '').slice(0, 160) };
  }
}

/**
 * PR-DLOPEN-1: native code is outside node's permission model, so it must not load at all. Three
 * ways in, each really tried: write an ELF anywhere (no writable path), an anonymous memfd
 * (memfd_create refused), and a shared object the packet itself carries (mapping a file
 * executable is refused by the locked seccomp filter, whatever the mount's flags).
 */
export const DLOPEN_PROBE: Probe = {
  id: 'PR-DLOPEN-1',
  attempt: `write an ELF to /tmp, /dev/shm, /in and /; memfd_create; process.dlopen(/in/${PACKET_NATIVE_MODULE}) (a valid shared object supplied in the packet)`,
  expected: 'every write fails, memfd_create is refused, the dlopen fails to map the object',
  run() {
    const writes = ['/tmp/tki.node', '/dev/shm/tki.node', `${DEFAULT_PROFILE.packet.target}/tki.node`, '/tki.node'].map((path) => `${path} ${attemptWrite(path)}`);
    const addon = loadSeccompAddon();
    const memfd = addon.ok ? addon.addon.attemptSyscall('memfd_create') : -1;
    const dlopen = attemptDlopen(`${DEFAULT_PROFILE.packet.target}/${PACKET_NATIVE_MODULE}`);
    const pass = writes.every((entry) => !entry.endsWith(' ok')) && memfd > 0 && !dlopen.loaded && /map|not permitted/i.test(dlopen.observed);
    return Promise.resolve({ observed: `${writes.join('; ')}; memfd_create ${memfd < 0 ? 'not attempted' : errnoName(memfd)}; dlopen ${dlopen.observed}`, pass });
  },
};

/** PR-PIDS-1: fork until refused (the children only pause and are killed at once). */
export const PIDS_PROBE: Probe = {
  id: 'PR-PIDS-1',
  attempt: `fork ${DEFAULT_PROFILE.rlimits.nproc.hard + 64} children that only pause`,
  expected: `refused before ${DEFAULT_PROFILE.rlimits.nproc.hard} processes: EPERM at once (no new process once locked), or EAGAIN (the nproc ceiling)`,
  run() {
    const addon = loadSeccompAddon();
    if (!addon.ok) return Promise.resolve({ observed: `addon unavailable: ${addon.error.message}`, pass: false });
    const wanted = DEFAULT_PROFILE.rlimits.nproc.hard + 64;
    const [created, errno] = addon.addon.attemptProcesses(wanted);
    return Promise.resolve({ observed: `${created} created, then ${errno === 0 ? 'no refusal' : errnoName(errno)}`, pass: created < DEFAULT_PROFILE.rlimits.nproc.hard && (errno === 11 || (errno === 1 && created === 0)) });
  },
};

/** PR-SYSCALL-1: calls that exist on this kernel but are on no allowlist. */
export const UNLISTED_SYSCALL_PROBE: Probe = {
  id: 'PR-SYSCALL-1',
  attempt: 'mbind(0, 0, MPOL_DEFAULT) and memfd_secret(0): system calls off the allowlist',
  expected: 'ENOSYS for both (the allowlist default), each named by the SIGSYS handler that answered it (the operator\'s diagnostic)',
  run() {
    const addon = loadSeccompAddon();
    if (!addon.ok) return Promise.resolve({ observed: `addon unavailable: ${addon.error.message}`, pass: false });
    const answers = (['mbind', 'memfd_secret'] as const).map((name) => [name, addon.addon.attemptSyscall(name)] as const);
    const recorded = refusedUnlistedCalls().numbers;
    const named = [X86_64_SYSCALLS.mbind, X86_64_SYSCALLS.memfd_secret].every((number) => recorded.includes(number));
    return Promise.resolve({
      observed: `${answers.map(([name, errno]) => `${name} ${errnoName(errno)}`).join('; ')}; recorded as refused: ${recorded.length === 0 ? 'none' : recorded.map(syscallLabel).join(', ')}`,
      pass: answers.every(([, errno]) => errno === 38) && named,
    });
  },
};
