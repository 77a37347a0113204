import { spawnSync } from 'node:child_process';
import { syscallProbe } from './syscall-probe.js';
import { errorCode, type Probe } from './types.js';

/**
 * Probes of the process boundary. They really attempt the act: spawnSync goes through libuv's
 * fork + execve, and the addon calls ptrace(PTRACE_SEIZE) on the parent (syscall-probe.ts).
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

export const PTRACE_PROBE: Probe = syscallProbe('PR-PTRACE-1', 'ptrace(PTRACE_SEIZE, parent pid)', 'ptrace');
