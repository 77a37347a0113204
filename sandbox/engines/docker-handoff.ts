import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, symlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { EngineResult } from './engine-types.js';

/**
 * The launcher hands the packet to Docker's unprivileged sandbox user as a private copy: the
 * operator (root, or the owner of a 0700 home) reads it with their own rights, and the copy is
 * world-readable inside the launcher's own 0700 work directory (no other host user can reach it;
 * inside the container there is no one else), so the packet's file modes never decide what the
 * inspector can read. Symlinks are copied as links (their text verbatim), never followed: an
 * escaping link must reach the inspector as the link it is, exactly as under bwrap, which mounts
 * the packet itself. Directories stay writable by the operator only so that the copy can be removed.
 */
const COPY_DIR_MODE = 0o755;
const COPY_FILE_MODE = 0o444;

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device node';
  return 'a special file';
}

class HandoffError extends Error {}

function copyEntry(source: string, destination: string): void {
  const stats = lstatSync(source);
  if (stats.isSymbolicLink()) {
    symlinkSync(readlinkSync(source), destination);
  } else if (stats.isDirectory()) {
    mkdirSync(destination);
    for (const name of readdirSync(source)) copyEntry(join(source, name), join(destination, name));
    chmodSync(destination, COPY_DIR_MODE);
  } else if (stats.isFile()) {
    copyFileSync(source, destination);
    chmodSync(destination, COPY_FILE_MODE);
  } else {
    throw new HandoffError(`${source} is ${kindOf(stats)}, which cannot be handed into a container`);
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

/** Copies `source` (a directory or one file) to `destination`; `label` names it in the error line. */
export function handIn(source: string, destination: string, label = 'the packet'): EngineResult<string> {
  try {
    copyEntry(source, destination);
    return { ok: true, value: destination };
  } catch (error) {
    const reason = error instanceof HandoffError ? error.message : describeFsError(error);
    return { ok: false, error: { code: 'engine/unusable', line: `tki: docker: cannot hand ${label} in: ${reason}` } };
  }
}

/**
 * Docker's /out until the report channel replaces it: a directory the sandbox user can write
 * (mode 0777 inside the launcher's private work directory), holding a copy of what the operator's
 * output directory holds now (so the inspector's rules on a non-empty output directory see the
 * same entries). Returns each copied file's mtime.
 */
export function handOutputIn(outputDir: string, destination: string): EngineResult<ReadonlyMap<string, number>> {
  const handed = handIn(outputDir, destination, 'the output directory');
  if (!handed.ok) return handed;
  const mtimes = new Map<string, number>();
  for (const name of readdirSync(destination)) {
    const path = join(destination, name);
    const stats = lstatSync(path);
    if (!stats.isFile()) continue;
    chmodSync(path, 0o666);
    mtimes.set(name, lstatSync(path).mtimeMs);
  }
  chmodSync(destination, 0o777);
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
