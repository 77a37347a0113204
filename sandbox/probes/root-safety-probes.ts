import { closeSync, constants, openSync, readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { hostUids, statusUidLine } from '../self-check/uid-map.js';
import { errorCode, type Probe } from './types.js';

/** PR-UID-1: the ids the kernel reports, mapped through this namespace's uid_map to the host's. */
export const UID_PROBE: Probe = {
  id: 'PR-UID-1',
  attempt: 'read /proc/self/uid_map and the real, effective, saved and filesystem uids; map each to the host uid',
  expected: 'none maps to host uid 0 (or is unmapped)',
  run() {
    const map = readFileSync('/proc/self/uid_map', 'utf8');
    const line = statusUidLine(readFileSync('/proc/self/status', 'utf8')) ?? '';
    const mapped = hostUids(map, line);
    if (mapped === undefined) return Promise.resolve({ observed: `unparsable: ${map.trim()} / ${line.trim()}`, pass: false });
    const shown = mapped.ids.map((id, index) => `${id}->${mapped.host[index] ?? 'unmapped'}`).join(' ');
    return Promise.resolve({ observed: `uid_map ${map.trim().replace(/\s+/g, ' ')}; inside->host ${shown}`, pass: mapped.host.every((id) => id !== undefined && id !== 0) });
  },
};

function openForWriting(path: string): string {
  try {
    closeSync(openSync(path, constants.O_WRONLY));
    return 'ok';
  } catch (error) {
    return errorCode(error);
  }
}

/** PR-PROCSYS-1: opening a sysctl for writing is the step the audit took before writing kernel.core_pattern. */
export const PROCSYS_PROBE: Probe = {
  id: 'PR-PROCSYS-1',
  attempt: 'open /proc/sys/kernel/core_pattern, /proc/sys/kernel/hostname, /proc/sys/vm/drop_caches and /proc/sysrq-trigger for writing',
  expected: 'EROFS, EACCES or ENOENT for each (nothing is written either way)',
  run() {
    const paths = ['/proc/sys/kernel/core_pattern', '/proc/sys/kernel/hostname', '/proc/sys/vm/drop_caches', '/proc/sysrq-trigger'];
    const codes = paths.map(openForWriting);
    return Promise.resolve({
      observed: paths.map((path, index) => `${path} ${codes[index]}`).join('; '),
      pass: codes.every((code) => code === 'EROFS' || code === 'EACCES' || code === 'ENOENT' || code === 'EPERM'),
    });
  },
};

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/**
 * PR-ENV-2: every process this sandbox can see, its environment, its command line and its mount
 * table. The operator's environment (any key beyond the profile's fixed ones) or a host path (the
 * host paths handed to the runner: project, home, the operator-side packet directory) in any of
 * them — in mountinfo, as a mount's root, the host source of a bind — fails the probe. An
 * unreadable entry is recorded as such: it shows nothing.
 */
export const PROCESS_ENV_PROBE: Probe = {
  id: 'PR-ENV-2',
  attempt: 'read /proc/<pid>/environ, /proc/<pid>/cmdline and /proc/<pid>/mountinfo of every process visible inside',
  expected: "only the profile's fixed environment keys and no host path in any process",
  run(context) {
    const allowed = new Set(Object.keys(DEFAULT_PROFILE.env));
    const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    const findings: string[] = [];
    const seen: string[] = [];
    for (const pid of pids) {
      const environ = readProc(`/proc/${pid}/environ`);
      const cmdline = readProc(`/proc/${pid}/cmdline`);
      const keys = environ === undefined ? [] : environ.split('\0').filter((entry) => entry !== '').map((entry) => entry.split('=')[0] ?? '');
      seen.push(`${pid}: env [${environ === undefined ? 'unreadable' : keys.join(',')}] argv0 ${(cmdline ?? '').split('\0')[0] ?? ''}`);
      const extra = keys.filter((key) => !allowed.has(key));
      if (extra.length > 0) findings.push(`${pid} has ${extra.join(',')}`);
      const mountinfo = readProc(`/proc/${pid}/mountinfo`);
      const text = `${environ ?? ''}\0${cmdline ?? ''}`;
      const host = context.hostPaths.find((path) => path.length > 1 && text.includes(path));
      if (host !== undefined) findings.push(`${pid} shows ${host}`);
      // Field 4 of each line is the mount's root within its filesystem: a bind's host source path.
      const roots = (mountinfo ?? '').split('\n').map((line) => line.split(' ')[3] ?? '');
      const mounted = context.hostPaths.find((path) => path.length > 1 && roots.some((root) => root.includes(path)));
      if (mounted !== undefined) findings.push(`${pid} mountinfo shows ${mounted}`);
    }
    return Promise.resolve({ observed: `${findings.length === 0 ? 'clean' : findings.join('; ')} :: ${seen.join(' | ')}`, pass: findings.length === 0 && pids.length > 0 });
  },
};
