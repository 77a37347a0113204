import { closeSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_LIMITS, type InspectorLimits } from '../../src/pipeline/limits.js';
import type { EngineResult } from '../engines/engine-types.js';
import { openPacketRoot, StageError, type PacketRoot } from './stage-handle.js';
import { placePacket, type StageModes } from './stage-place.js';
import { walkPacket, type WalkedEntry } from './stage-walk.js';
import { untrusted } from '../../src/text/untrusted-span.js';

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
 * the link it is. No path component of the packet is ever resolved through a link (round six): the
 * packet's path is resolved once, and every entry is walked and placed from directory descriptors
 * (stage-handle.ts, stage-walk.ts, stage-place.ts), each directory and file checked to be the inode
 * the walk measured. FIFOs, sockets and devices cannot be handed in. Before anything is written, the
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

export function stageModes(options: StageOptions): StageModes {
  if (options.group !== undefined) return { dir: 0o750, file: 0o440, group: options.group };
  return options.reader === 'operator' ? { dir: 0o700, file: 0o400, group: undefined } : { dir: 0o755, file: 0o444, group: undefined };
}
/** Left free on the work directory's filesystem after the copy. */
const FREE_SPACE_MARGIN = 64 * 1024 * 1024;

/**
 * Whether a hard link serves: the operator owns the file (no one else can change the staged inode
 * mid-run), the sandbox's user may read it as it is, and the stage is on the same filesystem.
 */
function linkable(entry: WalkedEntry, reader: StageOptions['reader'], stageDevice: number): boolean {
  const uid = process.getuid?.() ?? -1;
  const readable = reader === 'operator' || (entry.stats.mode & 0o004) !== 0;
  return readable && entry.stats.dev === stageDevice && entry.stats.uid === uid;
}

/** A failure on the stage's side (the launcher's own work directory): its path and code. */
function describeStageError(error: unknown): string {
  if (error instanceof StageError) return error.message;
  if (!(error instanceof Error)) return untrusted(String(error));
  const path = 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return path === undefined ? untrusted(error.message) : `${untrusted(path)}: ${untrusted(code)}`;
}

type Refuse = (reason: string) => EngineResult<StagedPacket>;

/** The walk's measure against the limits table and the free space, then the placement. */
function stageWalked(root: PacketRoot, destination: string, options: StageOptions, refuse: Refuse): EngineResult<StagedPacket> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const entries = walkPacket(root, destination, limits.maxItems * 2);
  const files = entries.filter((entry) => entry.stats.isFile());
  const total = files.reduce((sum, entry) => sum + entry.stats.size, 0);
  const readLimit = limits.maxPacketJsonBytes + limits.maxPacketContentBytes;
  if (total > readLimit) return refuse(`the packet holds ${String(total)} bytes, more than the inspector reads (maxPacketJsonBytes + maxPacketContentBytes = ${String(readLimit)}, src/pipeline/limits.ts)`);
  const stageDevice = statSync(dirname(destination)).dev;
  const link = new Set(files.filter((entry) => linkable(entry, options.reader, stageDevice)));
  const toCopy = files.filter((entry) => !link.has(entry)).reduce((sum, entry) => sum + entry.stats.size, 0);
  const space = statfsSync(dirname(destination));
  const free = space.bavail * space.bsize;
  if (toCopy + FREE_SPACE_MARGIN > free) return refuse(`staging needs ${String(toCopy)} bytes of copies in ${untrusted(dirname(dirname(destination)))}, which has ${String(free)} bytes free (less a ${String(FREE_SPACE_MARGIN)}-byte margin); free space or set TMPDIR to a larger filesystem`);
  const placed = placePacket(root, entries, link, stageModes(options));
  return { ok: true, value: { path: destination, ...placed } };
}

/** Stages `source` (a packet directory or one file) at `destination`, which must not exist; its parent must. */
export function stagePacket(source: string, destination: string, options: StageOptions): EngineResult<StagedPacket> {
  const refuse: Refuse = (reason) => ({ ok: false, error: { code: 'engine/unusable', line: `tki: BLOCKED: cannot hand the packet in: ${reason}` } });
  let root: PacketRoot | undefined;
  try {
    root = openPacketRoot(source);
    return stageWalked(root, destination, options, refuse);
  } catch (error) {
    return refuse(describeStageError(error));
  } finally {
    if (root !== undefined) closeSync(root.parentFd);
  }
}
