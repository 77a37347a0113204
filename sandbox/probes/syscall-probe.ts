import { loadSeccompAddon, type AttemptableSyscall } from '../native/addon.js';
import { errnoName, type Probe, type ProbeId } from './types.js';

/** A probe that makes one raw system call through the addon and expects EPERM from the filter. */
export function syscallProbe(id: ProbeId, attempt: string, syscall: AttemptableSyscall): Probe {
  return {
    id,
    attempt,
    expected: 'EPERM',
    run() {
      const addon = loadSeccompAddon();
      if (!addon.ok) return Promise.resolve({ observed: `addon unavailable: ${addon.error.message}`, pass: false });
      const errno = addon.addon.attemptSyscall(syscall);
      return Promise.resolve({ observed: errnoName(errno), pass: errno === 1 });
    },
  };
}
