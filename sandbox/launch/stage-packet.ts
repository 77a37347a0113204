import { chmodSync, chownSync, closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, rmSync, statfsSync, statSync, symlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_LIMITS, type InspectorLimits } from '../../src/pipeline/limits.js';
import type { EngineResult } from '../engines/engine-types.js';

/**
 * The launcher hands the packet in as a private, read-only stage in its own work directory, under
 * every engine (issue 12: "the launcher opens the packet ... and hands it in"): the operator reads
 * the packet with their own rights — root, or the owner of a 0700 home — so the packet's location
 * and modes never decide what the sandbox's unprivileged user can read, and the sandbox's mount
 * table shows the stage, never the packet's host path.
 *
 * A file is hard-linked only when the operator owns it (nobody else can change it during the run)
 * and the sandbox's user may read it as it is (it is the operator, or the file is world-readable),
 * on the same filesystem: no byte is copied. Otherwise it is copied — opened without following a
 * link, checked to be the very inode the walk measured, and never more than the size measured, so
 * the stage's bound holds even when the file's owner appends while tki stages it (round four).
 * For a root operator (`group`: the sandbox's own gid) the stage is root:<gid>, directories 0750
 * and copies 0440: readable by the sandbox's uid and root only, in a work directory only they may
 * enter. Otherwise copies are 0444 (0400 when the sandbox is the operator), directories 0755 (0700);
 * the work directory around them is the operator's 0700. Symlinks are
 * copied as links (their text verbatim), never followed: an escaping link reaches the inspector as
 * the link it is. FIFOs, sockets and devices cannot be handed in. Before anything is written, the
 * packet is measured against the limits table (what the inspector reads at most) and the bytes to
 * copy against the free space of the work directory's filesystem, so a huge packet ends in one line
 * naming the limit instead of filling the disk.
 */
export interface StageOptions {
  /** `operator`: the sandbox runs as the operator (bwrap, non-root). `others`: as another uid (root operator's 65534, containers). */
  readonly reader: 'operator' | 'others';
  /** A root operator's sandbox gid: the stage is then root:<group>, 0750/0440 (no other host user reads it). */
  readonly group?: number;
  readonly limits?: InspectorLimits;
}

export interface StagedPacket {
  readonly path: string;
  readonly linked: number;
  readonly copied: number;
  readonly copiedBytes: number;
}

interface StageModes {
  readonly dir: number;
  readonly file: number;
  readonly group: number | undefined;
}

function stageModes(options: StageOptions): StageModes {
  if (options.group !== undefined) return { dir: 0o750, file: 0o440, group: options.group };
  return options.reader === 'operator' ? { dir: 0o700, file: 0o400, group: undefined } : { dir: 0o755, file: 0o444, group: undefined };
}
/** Left free on the work directory's filesystem after the copy. */
const FREE_SPACE_MARGIN = 64 * 1024 * 1024;

interface Entry {
  readonly source: string;
  readonly destination: string;
  readonly stats: Stats;
}

class StageError extends Error {}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device node';
  return 'a special file';
}

function modeText(stats: Stats): string {
  return `0${(stats.mode & 0o7777).toString(8).padStart(3, '0')}`;
}

function walk(source: string, destination: string, into: Entry[], maxEntries: number): void {
  const stats = lstatSync(source);
  if (!stats.isFile() && !stats.isDirectory() && !stats.isSymbolicLink()) throw new StageError(`${source} is ${kindOf(stats)}, which cannot be handed into the sandbox`);
  into.push({ source, destination, stats });
  if (into.length > maxEntries) throw new StageError(`the packet has more than ${maxEntries} entries (twice the limits table's maxItems)`);
  if (stats.isDirectory()) for (const name of readdirSync(source)) walk(join(source, name), join(destination, name), into, maxEntries);
}

/**
 * Whether a hard link serves: the operator owns the file (no one else can change the staged inode
 * mid-run), the sandbox's user may read it as it is, and the stage is on the same filesystem.
 */
function linkable(entry: Entry, reader: StageOptions['reader'], stageDevice: number): boolean {
  const uid = process.getuid?.() ?? -1;
  const readable = reader === 'operator' || (entry.stats.mode & 0o004) !== 0;
  return readable && entry.stats.dev === stageDevice && entry.stats.uid === uid;
}

class ChangedError extends Error {}

/** The walked file, opened without following a link; refused when it is no longer that inode. */
function openWalked(entry: Entry): number {
  const fd = openSync(entry.source, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const now = fstatSync(fd);
  if (!now.isFile() || now.ino !== entry.stats.ino || now.dev !== entry.stats.dev) {
    closeSync(fd);
    throw new ChangedError(`${entry.source} changed while tki staged the packet (it is no longer the file measured); run again once nothing modifies the packet`);
  }
  return fd;
}

/** Copies at most the measured size: bytes appended after the walk are not handed in. */
function boundedCopy(entry: Entry, mode: number): number {
  const source = openWalked(entry);
  try {
    const target = openSync(entry.destination, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, Math.max(entry.stats.size, 1)));
      let copied = 0;
      while (copied < entry.stats.size) {
        const read = readSync(source, buffer, 0, Math.min(buffer.length, entry.stats.size - copied), null);
        if (read === 0) break;
        let written = 0;
        while (written < read) written += writeSync(target, buffer, written, read - written);
        copied += read;
      }
      return copied;
    } finally {
      closeSync(target);
      chmodSync(entry.destination, mode);
    }
  } finally {
    closeSync(source);
  }
}

/** A hard link of the operator's own file, checked afterwards to be the inode the walk measured. */
function linkWalked(entry: Entry): void {
  linkSync(entry.source, entry.destination);
  const linked = lstatSync(entry.destination);
  if (linked.ino !== entry.stats.ino || linked.dev !== entry.stats.dev) {
    rmSync(entry.destination, { force: true });
    throw new ChangedError(`${entry.source} changed while tki staged the packet (it is no longer the file measured); run again once nothing modifies the packet`);
  }
}

function describeFsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const path = 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  if (path === undefined) return error.message;
  try {
    const stats = lstatSync(path);
    return `${path} (mode ${modeText(stats)}, owner uid ${stats.uid}) cannot be read by the operator: ${code}`;
  } catch {
    return `${path}: ${code}`;
  }
}

function place(entry: Entry, link: boolean, modes: StageModes): 'linked' | 'copied' | 'other' {
  const { source, destination, stats } = entry;
  if (stats.isSymbolicLink()) {
    symlinkSync(readlinkSync(source), destination);
    return 'other';
  }
  if (stats.isDirectory()) {
    mkdirSync(destination, { mode: modes.dir });
    if (modes.group !== undefined) chownSync(destination, 0, modes.group);
    chmodSync(destination, modes.dir);
    return 'other';
  }
  if (link) {
    linkWalked(entry);
    return 'linked';
  }
  boundedCopy(entry, modes.file);
  if (modes.group !== undefined) chownSync(destination, 0, modes.group);
  return 'copied';
}

/** Stages `source` (a packet directory or one file) at `destination`, which must not exist; its parent must. */
export function stagePacket(source: string, destination: string, options: StageOptions): EngineResult<StagedPacket> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const refuse = (reason: string): EngineResult<StagedPacket> => ({ ok: false, error: { code: 'engine/unusable', line: `tki: BLOCKED: cannot hand the packet in: ${reason}` } });
  const entries: Entry[] = [];
  try {
    walk(source, destination, entries, limits.maxItems * 2);
  } catch (error) {
    return refuse(error instanceof StageError ? error.message : describeFsError(error));
  }
  const files = entries.filter((entry) => entry.stats.isFile());
  const total = files.reduce((sum, entry) => sum + entry.stats.size, 0);
  const readLimit = limits.maxPacketJsonBytes + limits.maxPacketContentBytes;
  if (total > readLimit) return refuse(`the packet holds ${total} bytes, more than the inspector reads (maxPacketJsonBytes + maxPacketContentBytes = ${readLimit}, src/pipeline/limits.ts)`);
  const stageDevice = statSync(dirname(destination)).dev;
  const link = new Set(files.filter((entry) => linkable(entry, options.reader, stageDevice)));
  const toCopy = files.filter((entry) => !link.has(entry)).reduce((sum, entry) => sum + entry.stats.size, 0);
  const space = statfsSync(dirname(destination));
  const free = space.bavail * space.bsize;
  if (toCopy + FREE_SPACE_MARGIN > free) return refuse(`staging needs ${toCopy} bytes of copies in ${dirname(dirname(destination))}, which has ${free} bytes free (less a ${FREE_SPACE_MARGIN}-byte margin); free space or set TMPDIR to a larger filesystem`);
  let linked = 0;
  let copied = 0;
  let copiedBytes = 0;
  const modes = stageModes(options);
  try {
    for (const entry of entries) {
      const how = place(entry, link.has(entry), modes);
      if (how === 'linked') linked += 1;
      if (how === 'copied') {
        copied += 1;
        copiedBytes += entry.stats.size;
      }
    }
  } catch (error) {
    return refuse(error instanceof ChangedError ? error.message : describeFsError(error));
  }
  return { ok: true, value: { path: destination, linked, copied, copiedBytes } };
}
