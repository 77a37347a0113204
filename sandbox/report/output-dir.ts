import { makeDirectories } from '../../policy/make-directories.js';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { isReportFileName } from '../../src/io/report-frame.js';
import { writableByAnotherUser } from '../launch/readable-by.js';
import { untrusted } from '../../src/text/untrusted-span.js';

/** The operator's output directory, checked (SPEC §5) and created when missing. */
export interface OutputDirectory {
  /** As the operator typed it: every message names this, never an in-sandbox or resolved path. */
  readonly typed: string;
  /**
   * Where the files are written: `/proc/self/fd/<fd>`, the directory the launcher opened and
   * checked, whatever its path names by the time the report is written (round four: a directory
   * renamed away and replaced by a symlink after the check receives nothing).
   */
  readonly path: string;
  /** The directory's real path when it was opened (messages use `typed`). */
  readonly realPath: string;
  /** A previous run's checkpoint file, removed once the new triplet is in place if its name differs. */
  readonly previousCheckpoint: string | undefined;
  /** Closes the directory's descriptor; `path` must not be used afterwards. */
  readonly release: () => void;
}

export type OutputDirectoryResult = { readonly ok: true; readonly value: OutputDirectory } | { readonly ok: false; readonly line: string };

/**
 * The real path the kernel reaches for `typed`, or would once the missing rest is created: each
 * component resolved as it is met, links followed, so `link/..` is the parent of the link's target
 * (round 20: a lexical `resolve` put `link/../out` beside the link, where the kernel puts it inside
 * the packet). After the first missing component the rest is appended as written.
 */
export function physicalPath(typed: string): string {
  let current = isAbsolute(typed) ? '/' : process.cwd();
  let missing = false;
  for (const part of typed.split(sep)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      current = dirname(current);
      continue;
    }
    const next = join(current, part);
    if (missing) {
      current = next;
      continue;
    }
    try {
      current = realpathSync(next);
    } catch {
      current = next;
      missing = true;
    }
  }
  return current;
}

/** A lone surrogate in a path has no UTF-8 form: the file system would be handed U+FFFD, another name. */
const LONE_SURROGATE = /\p{Cs}/u;

function isSameOrInside(path: string, directory: string): boolean {
  return path === directory || path.startsWith(directory.endsWith(sep) ? directory : `${directory}${sep}`);
}

/**
 * Why `--out` (its real path `out`) may not receive reports for this packet, or undefined. A packet
 * directory may not be `--out` nor hold it; a single-file packet may not lie in `--out` under any
 * name (round 19: named `report.json` beside a previous run's other two files, or reached through a
 * link, it was read, judged and then replaced by its own report). The packet's real path is
 * compared, so a link from elsewhere names the file it reaches.
 */
function packetOverlap(out: string, packet: { readonly isFile: boolean } | undefined, packetReal: string | undefined): string | undefined {
  if (packet === undefined || packetReal === undefined) return undefined;
  if (packet.isFile) return isSameOrInside(packetReal, out) ? 'holds the packet file; choose a directory that does not hold the packet' : undefined;
  return isSameOrInside(out, packetReal) ? 'is the packet directory or lies inside it; choose a directory outside the packet' : undefined;
}

function previousRunCheckpoint(names: readonly string[]): { ok: true; checkpoint: string | undefined } | { ok: false } {
  if (names.length === 0) return { ok: true, checkpoint: undefined };
  const checkpoints = names.filter((name) => name.startsWith('checkpoint-'));
  const exact = names.length === 3 && names.includes('report.json') && names.includes('report.md') && checkpoints.length === 1 && names.every(isReportFileName);
  return exact ? { ok: true, checkpoint: checkpoints[0] } : { ok: false };
}

/**
 * SPEC §5's rules for `--out`: not the packet directory nor inside it, and either empty (or
 * missing: then created) or holding exactly a previous run's three files — never a mix. For a
 * single-file packet the rule concerns the file itself (its directory is the operator's, not the
 * packet's). Checked before the sandbox starts, so a refused directory costs nothing. The
 * directory is opened once and every later check and write goes through that descriptor. `packet` is
 * undefined only where no packet is mounted (the attestation's scratch output) or none exists.
 */
export function prepareOutputDirectory(typed: string, packet: { readonly path: string; readonly isFile: boolean } | undefined, command: string): OutputDirectoryResult {
  const refuse = (problem: string): OutputDirectoryResult => ({ ok: false, line: `tki ${command}: BLOCKED: --out ${untrusted(typed)} ${problem}` });
  if (LONE_SURROGATE.test(typed)) return refuse('is not valid UTF-8 text (a lone surrogate); tki would write to another name: choose a path that is');
  if (packet !== undefined && LONE_SURROGATE.test(packet.path)) return { ok: false, line: `tki ${command}: BLOCKED: the packet path ${untrusted(packet.path)} is not valid UTF-8 text (a lone surrogate); tki would read another name: rename it` };
  const absolute = physicalPath(typed);
  const real = absolute;
  const packetReal = packet === undefined ? undefined : physicalPath(packet.path);
  const overlap = packetOverlap(real, packet, packetReal);
  if (overlap !== undefined) return refuse(overlap);
  let opened: { fd: number; real: string };
  try {
    if (lstatSync(absolute, { throwIfNoEntry: false }) === undefined) makeDirectories(absolute, 0o755);
  } catch (error) {
    return refuse(`cannot be used (${error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'})`);
  }
  try {
    opened = openChecked(absolute);
  } catch (error) {
    if (error instanceof SwappedError) return refuse(error.message);
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    return refuse(code === 'ENOTDIR' ? 'is not a directory' : `cannot be used (${code})`);
  }
  const { fd, real: openedReal } = opened;
  const via = `/proc/self/fd/${fd}`;
  const fail = (problem: string): OutputDirectoryResult => {
    closeSync(fd);
    return refuse(problem);
  };
  const foreign = writableByAnotherUser(fstatSync(fd));
  if (foreign !== undefined) return fail(`is owned by uid ${String(foreign.uid)} with mode ${foreign.mode}: another user could replace the report in it; use a directory you own that no other user may write (a missing one is created)`);
  const openedOverlap = packetOverlap(openedReal, packet, packetReal);
  if (openedOverlap !== undefined) return fail(openedOverlap);
  let names: string[];
  try {
    names = readdirSync(via);
  } catch (error) {
    return fail(`cannot be used (${error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'})`);
  }
  const previous = previousRunCheckpoint(names);
  if (!previous.ok) return fail(`must be empty or hold exactly a previous run's report.json, report.md and checkpoint-<name>.md; it holds: ${names.slice(0, 5).map(untrusted).join(', ')}${names.length > 5 ? ', …' : ''}`);
  // A hard link is the packet file under another name (round 20): the same device and inode.
  const packetFile = packet?.isFile === true ? statSync(packet.path, { throwIfNoEntry: false }) : undefined;
  for (const name of names) {
    const entry = lstatSync(join(via, name));
    if (!entry.isFile()) return fail(`holds ${untrusted(name)}, which is not a regular file`);
    if (packetFile !== undefined && entry.dev === packetFile.dev && entry.ino === packetFile.ino) return fail(`holds the packet file as ${untrusted(name)} (a hard link); choose a directory that does not hold the packet`);
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    closeSync(fd);
  };
  return { ok: true, value: { typed, path: via, realPath: openedReal, previousCheckpoint: previous.checkpoint, release } };
}

class SwappedError extends Error {}

/**
 * Opens the directory once (O_DIRECTORY | O_NOFOLLOW on its real path) and checks that the
 * descriptor is the directory that path named: a component swapped for a symlink between the
 * realpath and the open shows as another path behind the descriptor, and is refused.
 */
function openChecked(absolute: string): { fd: number; real: string } {
  const real = realpathSync(absolute);
  const fd = openSync(real, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  try {
    if (!fstatSync(fd).isDirectory() || readlinkSync(`/proc/self/fd/${fd}`) !== real) throw new SwappedError(`changed while tki opened it (a path component was replaced); run again`);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { fd, real };
}
