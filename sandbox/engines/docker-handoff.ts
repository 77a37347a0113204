import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, type Stats } from 'node:fs';
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
