import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { untrusted } from '../../src/text/untrusted-span.js';

/**
 * How the stage reaches the packet without ever resolving a path component through a link (issue 12,
 * round six: a packet owner exchanged a packet directory with a symlink to a root-only directory between
 * the walk and the copy). Every entry is reached from a directory descriptor the launcher holds, as
 * `/proc/self/fd/<dirfd>/<name>`: the kernel resolves that magic link to the very directory the
 * descriptor holds, whatever its path names now, and only the last component, `<name>`, is looked up
 * (with `O_NOFOLLOW`, or by a call that does not follow it: lstat, readlink, link). A directory or file
 * opened that way is checked to be the inode the walk measured. Node has no `openat`; this is its
 * equivalent, one magic link deep.
 */

/** Linux's `O_PATH` (x86, arm, arm64, ppc, s390: the generic value); Node does not export it. */
const O_PATH = 0o10000000;

/** What a descriptor-relative open refuses when the entry moved, vanished or became a link: the packet changed. */
const CHANGED_CODES = new Set(['ELOOP', 'ENOTDIR', 'ENOENT', 'ENXIO', 'EINVAL', 'EISDIR']);

/** A one-line refusal (the stage's `StageError` and `ChangedError` both end here). */
export class StageError extends Error {}

/** The packet changed under the walk: refused with the one line the whole stage uses for it. */
export class ChangedError extends StageError {
  constructor(display: string) {
    super(`${untrusted(display)} changed while tki staged the packet (it is no longer the file measured); run again once nothing modifies the packet`);
  }
}

const PROC_FD = '/proc/self/fd';

/** `<name>` inside the directory `dirFd` holds, never through the path that directory had. */
export function atDescriptor(dirFd: number, name?: string): string {
  return name === undefined ? `${PROC_FD}/${String(dirFd)}` : `${PROC_FD}/${String(dirFd)}/${name}`;
}

function modeText(stats: Stats): string {
  return `0${(stats.mode & 0o7777).toString(8).padStart(3, '0')}`;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * One line for a failed call on `display` (the packet path the operator knows), reached at `access`:
 * a change of the packet for what only a change explains, the mode and owner when the operator may not
 * read it, the error code otherwise.
 */
export function stageFailure(display: string, access: string, error: unknown): StageError {
  if (error instanceof StageError) return error;
  const code = codeOf(error) ?? (error instanceof Error ? error.message : String(error));
  if (CHANGED_CODES.has(code)) return new ChangedError(display);
  if (code === 'EACCES' || code === 'EPERM') {
    try {
      const stats = lstatSync(access);
      return new StageError(`${untrusted(display)} (mode ${modeText(stats)}, owner uid ${String(stats.uid)}) cannot be read by the operator: ${code}`);
    } catch {
      // The entry itself is out of reach: its code says enough.
    }
  }
  return new StageError(`${untrusted(display)}: ${code}`);
}

/** Runs one call on a packet entry; what it throws becomes the entry's one line. */
export function onEntry<T>(display: string, access: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw stageFailure(display, access, error);
  }
}

function sameInode(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

/** Opens the directory `name` in `dirFd` (no link followed) and checks it is the one measured. */
export function openMeasuredDirectory(dirFd: number, name: string, measured: Stats, display: string): number {
  const access = atDescriptor(dirFd, name);
  const fd = onEntry(display, access, () => openSync(access, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW));
  if (!sameInode(fstatSync(fd), measured)) {
    closeSync(fd);
    throw new ChangedError(display);
  }
  return fd;
}

/** Opens the regular file `name` in `dirFd` (no link followed, no FIFO waited on) and checks it is the inode measured. */
export function openMeasuredFile(dirFd: number, name: string, measured: Stats, display: string): number {
  const access = atDescriptor(dirFd, name);
  const fd = onEntry(display, access, () => openSync(access, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK));
  const now = fstatSync(fd);
  if (!now.isFile() || !sameInode(now, measured)) {
    closeSync(fd);
    throw new ChangedError(display);
  }
  return fd;
}

/**
 * The packet the operator named: its path resolved once (the operator typed it; a link in it is
 * followed here, as typed), then its directory reached from `/` one component at a time, each opened
 * with `O_PATH|O_DIRECTORY|O_NOFOLLOW` through the previous one's descriptor. A component exchanged
 * for a link after `realpath` is refused as a change, never followed. `O_PATH` needs search rights
 * only, so a `0711` ancestor the operator may pass but not list still works.
 */
export interface PacketRoot {
  /** The packet's directory, held: the walk and the placement start from it. */
  readonly parentFd: number;
  /** The packet's name in that directory. */
  readonly name: string;
  /** The path as the operator typed it, for the lines they read. */
  readonly display: string;
}

export function openPacketRoot(source: string): PacketRoot {
  // Without /proc every descriptor-relative lookup would fail as ENOENT, which reads as a change of the packet.
  if (process.platform !== 'linux' || !existsSync(PROC_FD)) throw new StageError(`staging the packet needs Linux's /proc/self/fd, which is missing here (mount /proc)`);
  let real: string;
  try {
    real = realpathSync(source);
  } catch (error) {
    // Before anything is measured, a missing or unreadable path is just that, not a change.
    throw new StageError(`${untrusted(source)}: ${codeOf(error) ?? untrusted(String(error))}`);
  }
  if (real === sep) throw new StageError(`${untrusted(source)} is the root directory, which cannot be a packet`);
  return { parentFd: openResolvedDirectory(dirname(real), source), name: basename(real), display: source };
}

/** Opens `resolved` (an absolute path without links) component by component, never following one. */
export function openResolvedDirectory(resolved: string, display: string): number {
  let fd = onEntry('/', '/', () => openSync(sep, O_PATH | constants.O_DIRECTORY));
  try {
    for (const component of resolved.split(sep).filter((part) => part !== '')) {
      const next = onEntry(display, atDescriptor(fd, component), () => openSync(atDescriptor(fd, component), O_PATH | constants.O_DIRECTORY | constants.O_NOFOLLOW));
      closeSync(fd);
      fd = next;
    }
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
