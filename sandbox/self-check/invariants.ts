import type { SandboxProfile } from '../profile/types.js';
import { describeMounts, parseMountInfo } from './mountinfo.js';
import { mountTableViolation } from './mount-rules.js';
import { hasNoCapabilities, parseNetDev, parseThreadStatus } from './proc-status.js';
import { hostUids, statusUidLine } from './uid-map.js';

/** What P1 looked at. `undefined` means it could not be read, which is never a confirmation. */
export interface SelfCheckObservation {
  readonly mountInfo: string | undefined;
  readonly threadStatuses: readonly string[] | undefined;
  readonly netDev: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** errno of a real execve attempt on an impossible path (EPERM = locked, ENOENT = not). */
  readonly execErrno: number | undefined;
  /** errno of a real socket(AF_INET) attempt. */
  readonly socketErrno: number | undefined;
  /** Open descriptors as `fd -> link target`, with whether the target path exists in this mount namespace. */
  readonly openFds: readonly OpenFd[] | undefined;
  /** The text of /proc/self/limits. */
  readonly limits: string | undefined;
  /** The text of /proc/self/uid_map. */
  readonly uidMap: string | undefined;
  /** The error code of a real open(O_WRONLY) of a /proc/sys file (`EROFS`, `EACCES`…; `ok` when it opened). */
  readonly procSysWrite: string | undefined;
}

export interface OpenFd {
  readonly fd: number;
  readonly target: string;
  readonly pathVisible: boolean;
}

export const INVARIANTS = {
  'not-host-root': 'the real, effective, saved and filesystem uids map to a host uid other than 0',
  'proc-sys-read-only': '/proc/sys cannot be opened for writing',
  'net-lo-only': 'network interfaces are lo only',
  'mounts-exact': 'exactly the packet mount (ro) besides the read-only runtime; no writable host path',
  'env-clean': 'the environment holds only the profile keys and no secret-like key',
  'seccomp-every-thread': 'a seccomp filter is active on every thread (Seccomp: 2)',
  'exec-locked': 'execve is denied in this process (EPERM)',
  'socket-denied': 'socket() is denied (EPERM)',
  'no-capabilities': 'no capabilities in any set',
  'no-new-privs': 'no_new_privs is set (NoNewPrivs: 1)',
  'no-inherited-fds': 'no descriptor refers to a host file outside the sandbox',
  'resource-limits': "the profile's resource limits are in force (open files, processes)",
  'node-hardening': "node's permission model and code-generation ban are on, as the profile says (inspector only)",
} as const;

export type InvariantId = keyof typeof INVARIANTS;

export interface InvariantResult {
  readonly id: InvariantId;
  readonly confirmed: boolean;
  /** What was observed, for the evidence bundle and the one-line refusal. */
  readonly observed: string;
}

const EPERM = 1;

function result(id: InvariantId, confirmed: boolean, observed: string): InvariantResult {
  return { id, confirmed, observed };
}

/** Pure: every invariant judged from one observation, in a fixed order. */
export function judgeInvariants(observation: SelfCheckObservation, profile: SandboxProfile): InvariantResult[] {
  const results: InvariantResult[] = [judgeHostUid(observation)];
  const procSys = observation.procSysWrite;
  results.push(result('proc-sys-read-only', procSys !== undefined && procSys !== 'ok', `open(/proc/sys/kernel/core_pattern, O_WRONLY): ${procSys ?? 'not attempted'}`));
  const interfaces = observation.netDev === undefined ? undefined : parseNetDev(observation.netDev);
  results.push(interfaces === undefined
    ? result('net-lo-only', false, '/proc/self/net/dev unreadable')
    : result('net-lo-only', interfaces.length === 1 && interfaces[0] === 'lo', `interfaces: ${interfaces.join(',') || '(none)'}`));

  const mounts = observation.mountInfo === undefined ? undefined : parseMountInfo(observation.mountInfo);
  if (mounts === undefined) results.push(result('mounts-exact', false, '/proc/self/mountinfo unreadable'));
  else if (!mounts.ok) results.push(result('mounts-exact', false, `unparsable mountinfo line: ${mounts.line}`));
  else {
    const violation = mountTableViolation(mounts.entries, profile);
    results.push(result('mounts-exact', violation === undefined, violation ?? describeMounts(mounts.entries).join('; ')));
  }

  // Only key names reach the evidence: a value could be the very secret being refused.
  const envKeys = Object.keys(observation.env).sort();
  const secret = profile.secretKeyPatterns.map((source) => new RegExp(source, 'i'));
  const unexpected = envKeys.filter((key) => !Object.hasOwn(profile.env, key) || observation.env[key] !== profile.env[key] || secret.some((pattern) => pattern.test(key)));
  results.push(result('env-clean', unexpected.length === 0, unexpected.length === 0 ? `keys: [${envKeys.join(',')}]` : `unexpected keys or values: ${unexpected.join(',')}`));

  const statuses = observation.threadStatuses?.map(parseThreadStatus);
  if (statuses === undefined || statuses.length === 0) {
    for (const id of ['seccomp-every-thread', 'no-capabilities', 'no-new-privs'] as const) results.push(result(id, false, '/proc/self/task/*/status unreadable'));
  } else {
    const modes = statuses.map((status) => status.seccompMode ?? 'unknown');
    // The same filter count on every thread is what TSYNC leaves behind; a thread started before the
    // lock and missed by it would show one filter fewer (and could still exec).
    const filterCounts = new Set(statuses.map((status) => status.seccompFilters ?? 'unknown'));
    results.push(result('seccomp-every-thread', modes.every((mode) => mode === 2) && filterCounts.size === 1, `${statuses.length} threads, Seccomp: ${[...new Set(modes)].join(',')}, Seccomp_filters: ${[...filterCounts].join(',')}`));
    results.push(result('no-capabilities', statuses.every(hasNoCapabilities), `CapEff: ${[...new Set(statuses.map((status) => status.capabilities.CapEff ?? 'unknown'))].join(',')}`));
    const flags = statuses.map((status) => status.noNewPrivs ?? 'unknown');
    results.push(result('no-new-privs', flags.every((flag) => flag === 1), `NoNewPrivs: ${[...new Set(flags)].join(',')}`));
  }
  results.push(result('exec-locked', observation.execErrno === EPERM, `execve errno: ${observation.execErrno ?? 'not attempted'}`));
  results.push(result('socket-denied', observation.socketErrno === EPERM, `socket errno: ${observation.socketErrno ?? 'not attempted'}`));
  // A descriptor inherited from the host points at a path this mount namespace cannot see.
  if (observation.openFds === undefined) results.push(result('no-inherited-fds', false, '/proc/self/fd unreadable'));
  else {
    const leaked = observation.openFds.filter((entry) => entry.target.startsWith('/') && !entry.pathVisible);
    results.push(result('no-inherited-fds', leaked.length === 0, leaked.length === 0 ? `${observation.openFds.length} fds, none from the host` : `host descriptors: ${leaked.map((entry) => `${entry.fd}->${entry.target}`).join(', ')}`));
  }
  results.push(judgeLimits(observation.limits, profile));
  return results;
}

function judgeHostUid(observation: SelfCheckObservation): InvariantResult {
  const uidLine = observation.threadStatuses?.[0] === undefined ? undefined : statusUidLine(observation.threadStatuses[0]);
  if (observation.uidMap === undefined || uidLine === undefined) return result('not-host-root', false, '/proc/self/uid_map or the status Uid line unreadable');
  const mapped = hostUids(observation.uidMap, uidLine);
  if (mapped === undefined) return result('not-host-root', false, `unparsable uid_map: ${observation.uidMap.trim().replace(/\s+/g, ' ')}`);
  const shown = mapped.ids.map((id, index) => `${id}->${mapped.host[index] ?? 'unmapped'}`).join(' ');
  // Unmapped is refused too: it says nothing about the host identity.
  return result('not-host-root', mapped.host.every((id) => id !== undefined && id !== 0), `uids (real effective saved fs) inside->host: ${shown}`);
}

/** /proc/self/limits rows for the profile's limits (`Max open files  1024  4096  files`). */
const LIMIT_ROWS: Readonly<Record<keyof SandboxProfile['rlimits'], string>> = {
  nofile: 'Max open files',
  nproc: 'Max processes',
  cpu: 'Max cpu time',
  fsize: 'Max file size',
  core: 'Max core file size',
  data: 'Max data size',
};

function judgeLimits(text: string | undefined, profile: SandboxProfile): InvariantResult {
  if (text === undefined) return result('resource-limits', false, '/proc/self/limits unreadable');
  const seen: string[] = [];
  let confirmed = true;
  for (const [name, limit] of Object.entries(profile.rlimits) as Array<[keyof SandboxProfile['rlimits'], { soft: number; hard: number }]>) {
    const row = text.split('\n').find((line) => line.startsWith(LIMIT_ROWS[name]));
    const [soft, hard] = (row?.slice(LIMIT_ROWS[name].length).trim().split(/\s+/) ?? []).map((value) => (value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value)));
    seen.push(`${name} ${soft ?? '?'}/${hard ?? '?'}`);
    if (soft === undefined || hard === undefined || !(soft <= limit.soft && hard <= limit.hard)) confirmed = false;
  }
  return result('resource-limits', confirmed, seen.join(', '));
}
