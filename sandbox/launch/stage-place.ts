import { chmodSync, chownSync, closeSync, constants, linkSync, lstatSync, mkdirSync, openSync, readlinkSync, readSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { atDescriptor, ChangedError, onEntry, openMeasuredDirectory, openMeasuredFile, type PacketRoot } from './stage-handle.js';
import type { WalkedEntry } from './stage-walk.js';

/**
 * The placement (the stage's second phase): builds the stage from the walk's entries, reaching each
 * source again from the directory descriptors along the current path (a stack: one descriptor per
 * level, closed when the walk leaves it). Every directory is re-opened without following a link and
 * must be the inode the walk measured, so a directory exchanged for a link (or another directory)
 * after the walk ends in "changed while tki staged the packet", never in a foreign file on the stage.
 * The stage itself is in the launcher's private work directory, reached by path.
 */

export interface StageModes {
  readonly dir: number;
  readonly file: number;
  /** A root operator's sandbox gid: the stage is root:<group>. */
  readonly group: number | undefined;
}

export interface Placed {
  readonly linked: number;
  readonly copied: number;
  readonly copiedBytes: number;
}

/** Copies at most the measured size of the very inode measured: bytes appended after the walk are not handed in. */
function boundedCopy(dirFd: number, entry: WalkedEntry, mode: number): number {
  const source = openMeasuredFile(dirFd, entry.name, entry.stats, entry.display);
  try {
    const target = openSync(entry.destination, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      const buffer = Buffer.allocUnsafe(Math.min(1024 * 1024, Math.max(entry.stats.size, 1)));
      let copied = 0;
      while (copied < entry.stats.size) {
        const read = onEntry(entry.display, atDescriptor(dirFd, entry.name), () => readSync(source, buffer, 0, Math.min(buffer.length, entry.stats.size - copied), null));
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

/** A hard link of the operator's own file, made in the held directory and checked afterwards to be the inode measured. */
function linkMeasured(dirFd: number, entry: WalkedEntry): void {
  const access = atDescriptor(dirFd, entry.name);
  onEntry(entry.display, access, () => linkSync(access, entry.destination));
  const linked = lstatSync(entry.destination);
  if (!linked.isFile() || linked.ino !== entry.stats.ino || linked.dev !== entry.stats.dev) {
    rmSync(entry.destination, { force: true });
    throw new ChangedError(entry.display);
  }
}

function makeDirectory(destination: string, modes: StageModes): void {
  mkdirSync(destination, { mode: modes.dir });
  if (modes.group !== undefined) chownSync(destination, 0, modes.group);
  chmodSync(destination, modes.dir);
}

/** Places the walked entries (pre-order) at their destinations; `link`: the files hard-linked rather than copied. */
export function placePacket(root: PacketRoot, entries: readonly WalkedEntry[], link: ReadonlySet<WalkedEntry>, modes: StageModes): Placed {
  const open: number[] = [];
  let linked = 0;
  let copied = 0;
  let copiedBytes = 0;
  try {
    for (const entry of entries) {
      // Leave the directories the walk has left: the stack holds the current path only.
      while (open.length > entry.depth) closeSync(open.pop() ?? -1);
      const dirFd = open.at(-1) ?? root.parentFd;
      const { stats } = entry;
      if (stats.isDirectory()) {
        open.push(openMeasuredDirectory(dirFd, entry.name, stats, entry.display));
        makeDirectory(entry.destination, modes);
      } else if (stats.isSymbolicLink()) {
        const text = onEntry(entry.display, atDescriptor(dirFd, entry.name), () => readlinkSync(atDescriptor(dirFd, entry.name)));
        symlinkSync(text, entry.destination);
      } else if (link.has(entry)) {
        linkMeasured(dirFd, entry);
        linked += 1;
      } else {
        copiedBytes += boundedCopy(dirFd, entry, modes.file);
        if (modes.group !== undefined) chownSync(entry.destination, 0, modes.group);
        copied += 1;
      }
    }
  } finally {
    for (const fd of open) closeSync(fd);
  }
  return { linked, copied, copiedBytes };
}
