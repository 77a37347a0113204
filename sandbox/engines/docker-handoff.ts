import { chmodSync, chownSync, copyFileSync, lchownSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, symlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { ContainerUser } from './docker-user.js';
import type { EngineResult } from './engine-types.js';

/**
 * The launcher hands the packet to Docker's unprivileged sandbox user as a private copy: the
 * operator (root, or the owner of a 0700 home) reads it with their own rights, and the copy
 * belongs to the sandbox user, so the packet's file modes never decide what the inspector can
 * read. Symlinks are copied as links (their text verbatim), never followed: an escaping link must
 * reach the inspector as the link it is, exactly as under bwrap, which mounts the packet itself.
 */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device node';
  return 'a special file';
}

/** chown is only possible (and only needed) for a root launcher: otherwise the user is the operator. */
function own(path: string, user: ContainerUser, isLink: boolean): void {
  if (process.getuid?.() !== 0) return;
  if (isLink) lchownSync(path, user.uid, user.gid);
  else chownSync(path, user.uid, user.gid);
}

function copyEntry(source: string, destination: string, user: ContainerUser): void {
  const stats = lstatSync(source);
  if (stats.isSymbolicLink()) {
    symlinkSync(readlinkSync(source), destination);
    own(destination, user, true);
  } else if (stats.isDirectory()) {
    mkdirSync(destination, { mode: 0o700 });
    for (const name of readdirSync(source)) copyEntry(join(source, name), join(destination, name), user);
    own(destination, user, false);
  } else if (stats.isFile()) {
    copyFileSync(source, destination);
    chmodSync(destination, 0o400);
    own(destination, user, false);
  } else {
    throw new HandoffError(`${source} is ${kindOf(stats)}, which cannot be handed into a container`);
  }
}

class HandoffError extends Error {}

/** Copies `source` (a directory or one file) to `destination`, owned by `user`; `label` names it in the error line. */
export function handIn(source: string, destination: string, user: ContainerUser, label = 'the packet'): EngineResult<string> {
  try {
    copyEntry(source, destination, user);
    return { ok: true, value: destination };
  } catch (error) {
    const reason = error instanceof HandoffError ? error.message : describeFsError(error);
    return { ok: false, error: { code: 'engine/unusable', line: `tki: docker: cannot hand ${label} in: ${reason}` } };
  }
}

function describeFsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const path = 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  if (path === undefined) return error.message;
  try {
    const stats = lstatSync(path);
    return `${path} (mode ${(stats.mode & 0o7777).toString(8).padStart(4, '0')}, owner uid ${stats.uid}): ${error.message}`;
  } catch {
    return error.message;
  }
}

/**
 * Docker's /out until the report channel replaces it: a directory the sandbox user can write,
 * holding a copy of what the operator's output directory holds now (so the inspector's rules on
 * a non-empty output directory see the same entries). Returns each copied file's mtime.
 */
export function handOutputIn(outputDir: string, destination: string, user: ContainerUser): EngineResult<ReadonlyMap<string, number>> {
  const handed = handIn(outputDir, destination, user, 'the output directory');
  if (!handed.ok) return handed;
  const mtimes = new Map<string, number>();
  for (const name of readdirSync(destination)) {
    const stats = lstatSync(join(destination, name));
    if (stats.isFile()) mtimes.set(name, stats.mtimeMs);
  }
  chmodSync(destination, 0o700);
  return { ok: true, value: mtimes };
}

/**
 * The regular files the run wrote or replaced in `from`, copied into the operator's `to` (temp
 * name, then rename), mode 0644 and owned by the launcher whatever the inside set (never setuid).
 * Links and anything else stay behind.
 */
export function collectOutput(from: string, to: string, before: ReadonlyMap<string, number>): void {
  for (const name of readdirSync(from)) {
    const stats = lstatSync(join(from, name));
    if (!stats.isFile() || before.get(name) === stats.mtimeMs) continue;
    const temporary = join(to, `.${name}.tki-copy`);
    copyFileSync(join(from, name), temporary);
    chmodSync(temporary, 0o644);
    renameSync(temporary, join(to, name));
  }
}
