import { closeSync, constants, fstatSync, mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { untraversableBySandbox } from './readable-by.js';
import { OWNER_FILE } from './sweep/owner-record.js';
import { inDirectory, openDirectoryNoFollow, removeDirectoryAt } from './sweep/remove-tree.js';
import { cleanUpOnSignal } from './sweep/signal-cleanup.js';
import { processAlive, sweepStaleTempDirs, type TempDirPrefix } from './sweep/sweep-stale.js';

export { processAlive };

export interface TempDir {
  readonly path: string;
  /** Removes the directory (through the descriptors held since its creation) and drops its signal clean-up. */
  readonly release: () => void;
}

export type TempDirResult = { readonly ok: true; readonly value: TempDir } | { readonly ok: false; readonly line: string };

export interface TempDirOptions {
  /** Where to create it; TMPDIR by default. */
  readonly root?: string;
  /** A host user (the sandbox's, when bwrap binds from here as that user) who must be able to pass through `root`. */
  readonly traverser?: { readonly uid: number; readonly gid: number };
}

let noted = false;

/** A failed sweep or clean-up never ends a run: one line on stderr, once per process. */
function noteOnce(line: string): void {
  if (noted) return;
  noted = true;
  process.stderr.write(`${line}\n`);
}

/** Removes this user's stale `tki-engine-*`/`tki-attest-*` directories under `root`; returns those removed. */
export function sweepStaleWorkDirs(root: string = tmpdir()): string[] {
  const outcome = sweepStaleTempDirs(root);
  const first = outcome.failed[0];
  if (first !== undefined) noteOnce(`tki: note: a stale temporary directory could not be removed: ${first.path} (${first.code}); remove it by hand`);
  return [...outcome.removed];
}

/**
 * A private (0700) temporary directory for this process, its pid on record in `owner.pid`, after a
 * sweep of stale ones. It is removed by `release` and on SIGINT/SIGTERM (then the process exits 3),
 * both through descriptors opened at creation, so a path renamed or swapped meanwhile is never walked.
 */
/** What is wrong with TMPDIR as the place for the launcher's directories, if anything (red team round 6: an internal error before). */
function tempRootProblem(root: string): string | undefined {
  if (!isAbsolute(root)) return 'is not an absolute path';
  const stats = statSync(root, { throwIfNoEntry: false });
  if (stats === undefined) return 'does not exist';
  return stats.isDirectory() ? undefined : 'is not a directory';
}

export function createTempDir(prefix: TempDirPrefix, options: TempDirOptions = {}): TempDirResult {
  const root = options.root ?? tmpdir();
  const problem = tempRootProblem(root);
  if (problem !== undefined) return { ok: false, line: `tki: BLOCKED: TMPDIR ${root} ${problem}; set TMPDIR to an existing directory, such as /tmp` };
  sweepStaleWorkDirs(root);
  if (options.traverser !== undefined) {
    const blocked = untraversableBySandbox(root, options.traverser);
    if (blocked !== undefined) return { ok: false, line: `tki: BLOCKED: the sandbox runs as its own unprivileged uid ${String(options.traverser.uid)} and cannot pass through TMPDIR ${root}: ${blocked.path} has mode ${blocked.mode} (owner uid ${String(blocked.uid)}); set TMPDIR to a directory every user may enter, such as /tmp` };
  }
  // The signal handlers go live before the directory exists: a signal between mkdtemp and their
  // installation would end the process by its default action and leave the directory (CI, stop 20).
  // Node runs the JS handlers only after this synchronous function returns, when `remove` is set.
  let remove: () => void = () => undefined;
  const unregister = cleanUpOnSignal(() => remove());
  let path: string;
  try {
    path = mkdtempSync(join(root, prefix));
  } catch (error) {
    unregister();
    return { ok: false, line: `tki: BLOCKED: cannot create a temporary directory in TMPDIR ${root} (${error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'})` };
  }
  const parentFd = openSync(dirname(path), constants.O_RDONLY | constants.O_DIRECTORY);
  const fd = openDirectoryNoFollow(path);
  writeFileSync(inDirectory(fd, OWNER_FILE), `${String(process.pid)}\n`, { flag: 'wx', mode: 0o600 });
  let removed = false;
  remove = (): void => {
    if (removed) return;
    removed = true;
    try {
      if (fstatSync(fd).nlink > 0) removeDirectoryAt(parentFd, basename(path), fd);
    } catch (error) {
      noteOnce(`tki: note: the temporary directory ${path} could not be removed (${error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'}); the next run removes it`);
    } finally {
      closeSync(fd);
      closeSync(parentFd);
    }
  };
  return {
    ok: true,
    value: {
      path,
      release: () => {
        unregister();
        remove();
      },
    },
  };
}

/** The engine's work directory for one run (see createTempDir). */
export function createWorkDir(options: TempDirOptions = {}): TempDirResult {
  return createTempDir('tki-engine-', options);
}
