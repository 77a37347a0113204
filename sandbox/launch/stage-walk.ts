import { closeSync, lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { atDescriptor, onEntry, openMeasuredDirectory, StageError, type PacketRoot } from './stage-handle.js';
import { untrusted } from '../../src/text/untrusted-span.js';
import { bytesShown, isUtf8 } from './bytes-shown.js';

/**
 * The walk (the stage's first phase): measures every entry of the packet from the directory
 * descriptors along the current path (stage-handle.ts), never by a joined path, so what it measures is
 * what the packet's directories hold, whatever their paths name meanwhile. Nothing is written.
 */

/** Directories nested below the packet's root, at most: the walk and the placement hold one descriptor per level. */
export const MAX_STAGE_DEPTH = 128;

export interface WalkedEntry {
  /** Directories between the packet's root (depth 0) and this entry. */
  readonly depth: number;
  /** The entry's name in its directory (the root: its name in the packet's parent directory). */
  readonly name: string;
  /** The packet path the operator knows, for one-line refusals. */
  readonly display: string;
  /** Its path under the stage. */
  readonly destination: string;
  readonly stats: Stats;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device node';
  return 'a special file';
}

/**
 * An entry's name, read as bytes: Node's string names replace bytes that are not UTF-8 with U+FFFD,
 * and that name then reaches another file or none (misread as a change, or a sibling's). Such a
 * name is refused in one line saying so, its bytes shown as `\x{…}`, where it is in the packet.
 */
function utf8Name(bytes: Buffer, display: string): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  throw new StageError(`${untrusted(display)} holds an entry whose name is not valid UTF-8 (${bytesShown(bytes)}); tki reads packet names as UTF-8 text: rename it`);
}

interface WalkState {
  readonly into: WalkedEntry[];
  readonly maxEntries: number;
}

function measure(dirFd: number, name: string, depth: number, display: string, destination: string, state: WalkState): void {
  const stats = onEntry(display, atDescriptor(dirFd, name), () => lstatSync(atDescriptor(dirFd, name)));
  if (!stats.isFile() && !stats.isDirectory() && !stats.isSymbolicLink()) throw new StageError(`${untrusted(display)} is ${kindOf(stats)}, which cannot be handed into the sandbox`);
  state.into.push({ depth, name, display, destination, stats });
  if (state.into.length > state.maxEntries) throw new StageError(`the packet has more than ${String(state.maxEntries)} entries (twice the limits table's maxItems)`);
  if (!stats.isDirectory()) return;
  if (depth > MAX_STAGE_DEPTH) throw new StageError(`${untrusted(display)} is nested more than ${String(MAX_STAGE_DEPTH)} directories deep below the packet's root, deeper than tki stages`);
  const fd = openMeasuredDirectory(dirFd, name, stats, display);
  try {
    const names = onEntry(display, atDescriptor(fd), () => readdirSync(atDescriptor(fd), { encoding: 'buffer' }));
    for (const bytes of names) {
      const child = utf8Name(bytes, display);
      measure(fd, child, depth + 1, join(display, child), join(destination, child), state);
    }
  } finally {
    closeSync(fd);
  }
}

/** Measures the packet at `root` for a stage at `destination`: entries in pre-order (a directory before what it holds). */
export function walkPacket(root: PacketRoot, destination: string, maxEntries: number): WalkedEntry[] {
  const state: WalkState = { into: [], maxEntries };
  measure(root.parentFd, root.name, 0, root.display, destination, state);
  return state.into;
}
