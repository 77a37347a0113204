import { statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Unreadable {
  readonly path: string;
  /** `0700`-style octal permission bits. */
  readonly mode: string;
  readonly uid: number;
}

/** Whether `user` may read (and, for a directory, enter) an entry with these stats, by its mode bits alone. */
function allows(stats: Stats, user: { uid: number; gid: number }, needExecute: boolean, needRead: boolean): boolean {
  const shift = stats.uid === user.uid ? 6 : stats.gid === user.gid ? 3 : 0;
  const bits = (stats.mode >> shift) & 0o7;
  return (!needRead || (bits & 0o4) !== 0) && (!needExecute || (bits & 0o1) !== 0);
}

function describe(path: string, stats: Stats): Unreadable {
  return { path, mode: `0${(stats.mode & 0o7777).toString(8)}`, uid: stats.uid };
}

/**
 * The first path the sandbox's host user cannot reach: an ancestor it cannot enter, the packet
 * itself, or one of `files` inside it. Checked by the launcher before a root operator's sandbox
 * starts as an unprivileged user, so the failure is one line naming the host path and its mode
 * instead of an unreadable /in inside.
 */
export function unreadableBySandbox(path: string, files: readonly string[], user: { uid: number; gid: number }): Unreadable | undefined {
  const ancestors: string[] = [];
  for (let current = dirname(path); ; current = dirname(current)) {
    ancestors.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const ancestor of ancestors) {
    const stats = statSync(ancestor);
    if (!allows(stats, user, true, false)) return describe(ancestor, stats);
  }
  const stats = statSync(path);
  if (!allows(stats, user, stats.isDirectory(), true)) return describe(path, stats);
  for (const file of files) {
    const inside = join(path, file);
    const fileStats = statSync(inside);
    if (!allows(fileStats, user, false, true)) return describe(inside, fileStats);
  }
  return undefined;
}

/**
 * The first of `path` and its ancestors that `user` cannot enter (no search bit for them), or
 * undefined: bwrap, started as the sandbox's user for a root operator, binds from under TMPDIR by name.
 */
export function untraversableBySandbox(path: string, user: { uid: number; gid: number }): Unreadable | undefined {
  const chain: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    chain.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const entry of chain) {
    const stats = statSync(entry);
    if (!allows(stats, user, true, false)) return describe(entry, stats);
  }
  return undefined;
}

/**
 * The directory's owner and mode when a user other than this process's could write in it, or undefined.
 * It must be the operator's own (round five: a /tmp/out another user created first let them replace
 * report.json after a root operator's run), and nobody else may write it: not others, sticky or not, and
 * for a root operator not the group either (an unprivileged operator's private group, umask 002, stays
 * accepted).
 */
export function writableByAnotherUser(stats: Stats): Omit<Unreadable, 'path'> | undefined {
  const operator = process.geteuid?.() ?? stats.uid;
  const shared = operator === 0 ? 0o022 : 0o002;
  if (stats.uid === operator && (stats.mode & shared) === 0) return undefined;
  return { mode: `0${(stats.mode & 0o7777).toString(8)}`, uid: stats.uid };
}
