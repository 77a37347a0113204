import { spawnSync } from 'node:child_process';
import { loadSeccompAddon } from '../native/addon.js';
import { errnoName, errorCode, type Probe } from './types.js';

/**
 * Probes of the process boundary. They really attempt the act: spawnSync goes through libuv's
 * fork + execve, and the addon calls ptrace(PTRACE_ATTACH) on the parent.
 */
export const EXEC_PROBE: Probe = {
  id: 'PR-EXEC-1',
  attempt: 'spawn /bin/sh -c true, then exec the node binary itself (which is present)',
  expected: 'no process starts: EPERM or ENOENT for both',
  run() {
    const observed: string[] = [];
    let pass = true;
    for (const [file, args] of [['/bin/sh', ['-c', 'true']], [process.execPath, ['-e', '0']]] as const) {
      const result = spawnSync(file, [...args], { stdio: 'ignore', timeout: 5000 });
      const code = errorCode(result.error);
      observed.push(`${file}: ${code}${result.status === null ? '' : ` (exit ${result.status})`}`);
      if (!(code === 'EPERM' || code === 'ENOENT' || code === 'EACCES')) pass = false;
    }
    return Promise.resolve({ observed: observed.join('; '), pass });
  },
};

export const PTRACE_PROBE: Probe = {
  id: 'PR-PTRACE-1',
  attempt: 'ptrace(PTRACE_ATTACH, parent pid)',
  expected: 'EPERM',
  run() {
    const addon = loadSeccompAddon();
    if (!addon.ok) return Promise.resolve({ observed: `addon unavailable: ${addon.error.message}`, pass: false });
    const errno = addon.addon.attemptSyscall('ptrace');
    return Promise.resolve({ observed: errnoName(errno), pass: errno === 1 });
  },
};
