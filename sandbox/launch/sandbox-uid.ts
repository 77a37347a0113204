import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * A host uid/gid of its own for one sandbox (issue 12, round four): a root operator's sandbox
 * shares its uid with no host process and no concurrent sandbox, so no process of that uid can
 * open /proc/<pid>/mem or ptrace it (same-uid access is what ptrace_may_access allows), and
 * RLIMIT_NPROC, which the kernel counts per real uid, counts this sandbox's processes only.
 *
 * The range is 0x70000000–0x7FFDFFFF: above the ranges distributions, systemd (dynamic users,
 * nspawn containers up to 0x6FFFFFFF) and subordinate-id allocations hand out, below 2^31 (code
 * that reads a uid as a signed int), and below systemd's reserved 0x7FFE0000+ "foreign" range.
 * An id is taken only when no account, no group, no subordinate range and no running process
 * (real, effective, saved or filesystem uid/gid, or a supplementary group) uses it.
 */
export const SANDBOX_ID_RANGE = { first: 0x70000000, last: 0x7ffdffff } as const;

export interface SandboxIdentity {
  readonly uid: number;
  readonly gid: number;
}

const ATTEMPTS = 64;

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Ids named by the account databases: passwd/group entries and subordinate ranges (start:count). */
function accountIds(): { ids: Set<number>; ranges: Array<[number, number]> } {
  const ids = new Set<number>();
  for (const file of ['/etc/passwd', '/etc/group']) {
    for (const line of readOrEmpty(file).split('\n')) {
      const id = Number(line.split(':')[2]);
      if (Number.isSafeInteger(id)) ids.add(id);
    }
  }
  const ranges: Array<[number, number]> = [];
  for (const file of ['/etc/subuid', '/etc/subgid']) {
    for (const line of readOrEmpty(file).split('\n')) {
      const [, start, count] = line.split(':').map(Number);
      if (start !== undefined && count !== undefined && Number.isSafeInteger(start) && Number.isSafeInteger(count)) ranges.push([start, start + count - 1]);
    }
  }
  return { ids, ranges };
}

/** Every uid, gid and supplementary group of every process this launcher can see. */
export function idsInUse(procRoot = '/proc'): Set<number> {
  const used = new Set<number>();
  let entries: string[] = [];
  try {
    entries = readdirSync(procRoot).filter((name) => /^\d+$/.test(name));
  } catch {
    return used;
  }
  for (const pid of entries) {
    for (const line of readOrEmpty(`${procRoot}/${pid}/status`).split('\n')) {
      if (!/^(Uid|Gid|Groups):/.test(line)) continue;
      for (const field of line.split(/\s+/).slice(1)) if (field !== '') used.add(Number(field));
    }
  }
  return used;
}

/** A fresh identity for one sandbox, or undefined when no free id was found (then the caller refuses). */
export function pickSandboxIdentity(pick: () => number = () => randomInt(SANDBOX_ID_RANGE.first, SANDBOX_ID_RANGE.last + 1)): SandboxIdentity | undefined {
  const { ids, ranges } = accountIds();
  const used = idsInUse();
  const free = (id: number): boolean => !ids.has(id) && !used.has(id) && !ranges.some(([start, end]) => id >= start && id <= end);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const id = pick();
    if (id >= SANDBOX_ID_RANGE.first && id <= SANDBOX_ID_RANGE.last && free(id)) return { uid: id, gid: id };
  }
  return undefined;
}
