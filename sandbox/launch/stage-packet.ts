import { chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statfsSync, statSync, symlinkSync, type Stats } from 'node:fs';
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
 * A file is hard-linked when the sandbox's user may read it as it is (it is the operator, or the
 * file is world-readable) and the link works (same filesystem, allowed by protected_hardlinks):
 * no byte is copied. Otherwise it is copied, mode 0444. Directories are created 0755; symlinks are
 * copied as links (their text verbatim), never followed: an escaping link reaches the inspector as
 * the link it is. FIFOs, sockets and devices cannot be handed in. Before anything is written, the
 * packet is measured against the limits table (what the inspector reads at most) and the bytes to
 * copy against the free space of the work directory's filesystem, so a huge packet ends in one line
 * naming the limit instead of filling the disk.
 */
export interface StageOptions {
  /** `operator`: the sandbox runs as the operator (bwrap, non-root). `others`: as another uid (root operator's 65534, containers). */
  readonly reader: 'operator' | 'others';
  readonly limits?: InspectorLimits;
}

export interface StagedPacket {
  readonly path: string;
  readonly linked: number;
  readonly copied: number;
  readonly copiedBytes: number;
}

const STAGE_DIR_MODE = 0o755;
const STAGE_FILE_MODE = 0o444;
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
 * Whether a hard link serves: the sandbox's user may read the file as it is, the stage is on the
 * same filesystem, and protected_hardlinks allows it (root, or the file's owner).
 */
function linkable(entry: Entry, reader: StageOptions['reader'], stageDevice: number): boolean {
  const uid = process.getuid?.() ?? -1;
  const readable = reader === 'operator' || (entry.stats.mode & 0o004) !== 0;
  return readable && entry.stats.dev === stageDevice && (uid === 0 || entry.stats.uid === uid);
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

function place(entry: Entry, link: boolean): 'linked' | 'copied' | 'other' {
  const { source, destination, stats } = entry;
  if (stats.isSymbolicLink()) {
    symlinkSync(readlinkSync(source), destination);
    return 'other';
  }
  if (stats.isDirectory()) {
    mkdirSync(destination, { mode: STAGE_DIR_MODE });
    chmodSync(destination, STAGE_DIR_MODE);
    return 'other';
  }
  if (link) {
    linkSync(source, destination);
    return 'linked';
  }
  copyFileSync(source, destination);
  chmodSync(destination, STAGE_FILE_MODE);
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
  try {
    for (const entry of entries) {
      const how = place(entry, link.has(entry));
      if (how === 'linked') linked += 1;
      if (how === 'copied') {
        copied += 1;
        copiedBytes += entry.stats.size;
      }
    }
  } catch (error) {
    return refuse(describeFsError(error));
  }
  return { ok: true, value: { path: destination, linked, copied, copiedBytes } };
}
