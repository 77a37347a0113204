import { closeSync, constants, fstatSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readOwnerPid } from './owner-record.js';
import { inDirectory, openDirectoryNoFollow, removeDirectoryAt } from './remove-tree.js';

/** The names of tki's temporary directories under TMPDIR: the engine's work directory and the attestation's scratch. */
export const TEMP_DIR_PREFIXES = ['tki-engine-', 'tki-attest-'] as const;
export type TempDirPrefix = (typeof TEMP_DIR_PREFIXES)[number];
/** A directory without a readable owner record (an older tki, or one being created) counts as stale after this long. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** Whether a process exists (EPERM: it exists but is someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

export interface SweepOutcome {
  readonly removed: readonly string[];
  /** Directories of this operator that could not be removed, with the error code. */
  readonly failed: readonly { readonly path: string; readonly code: string }[];
}

type Verdict = 'removed' | 'kept';

/**
 * One candidate, held by a descriptor opened O_NOFOLLOW|O_DIRECTORY: kept unless it is a directory this
 * process's user owns whose owner process is gone (or, without a record, untouched for an hour).
 */
function sweepOne(rootFd: number, name: string, operatorUid: number): Verdict {
  let fd: number;
  try {
    fd = openDirectoryNoFollow(inDirectory(rootFd, name));
  } catch {
    return 'kept'; // a symlink, not a directory, or gone
  }
  try {
    const stats = fstatSync(fd);
    // Another user's directory is theirs to clean: never entered, never removed.
    if (stats.uid !== operatorUid) return 'kept';
    const owner = readOwnerPid(fd);
    const live = owner === undefined ? Date.now() - stats.mtimeMs < ORPHAN_AGE_MS : owner === 0 || processAlive(owner);
    if (live) return 'kept';
    removeDirectoryAt(rootFd, name, fd);
    return 'removed';
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes tki's temporary directories a killed run left under `root`, through directory descriptors
 * only (sweep/remove-tree.ts): only this user's, never a concurrent run's (its owner alive), never
 * through a symlink or a renamed component. Never throws: what fails is reported in `failed`.
 */
export function sweepStaleTempDirs(root: string): SweepOutcome {
  const removed: string[] = [];
  const failed: { path: string; code: string }[] = [];
  let rootFd: number;
  try {
    rootFd = openSync(root, constants.O_RDONLY | constants.O_DIRECTORY);
  } catch {
    return { removed, failed };
  }
  try {
    const operatorUid = process.geteuid?.() ?? -1;
    const names = readdirSync(inDirectory(rootFd)).filter((name) => TEMP_DIR_PREFIXES.some((prefix) => name.startsWith(prefix)));
    for (const name of names) {
      try {
        if (sweepOne(rootFd, name, operatorUid) === 'removed') removed.push(join(root, name));
      } catch (error) {
        failed.push({ path: join(root, name), code: error instanceof Error && 'code' in error ? String(error.code) : 'unknown error' });
      }
    }
  } catch (error) {
    failed.push({ path: root, code: error instanceof Error && 'code' in error ? String(error.code) : 'unknown error' });
  } finally {
    closeSync(rootFd);
  }
  return { removed, failed };
}
