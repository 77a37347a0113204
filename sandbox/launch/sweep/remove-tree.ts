import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';

/**
 * A path that names `name` inside the directory open as `fd`, whatever that directory's own path is now:
 * the kernel resolves `/proc/self/fd/<fd>` to the opened directory itself, so a lookup through it is the
 * openat/unlinkat node does not offer (a renamed or swapped ancestor is never walked again).
 */
export function inDirectory(fd: number, name?: string): string {
  return name === undefined ? `/proc/self/fd/${String(fd)}` : `/proc/self/fd/${String(fd)}/${name}`;
}

/** Opens a directory without following a symlink in its last component (the rest is a descriptor path or trusted). */
export function openDirectoryNoFollow(path: string): number {
  return openSync(path, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
}

/** Thrown when an entry is not what it was a moment ago (a rename or swap while tki removes it). */
export class EntryChangedError extends Error {
  readonly code = 'ECHANGED';
}

/**
 * Removes every entry of the directory open as `fd`, depth first, each one through its parent's
 * descriptor: a subdirectory is opened O_NOFOLLOW and must be the inode lstat saw, files and symlinks
 * are unlinked by name in their parent (unlink never follows), so nothing outside the tree is reached
 * however its entries are renamed or swapped meanwhile. Holds one descriptor per level.
 */
export function emptyDirectoryAt(fd: number): void {
  for (const name of readdirSync(inDirectory(fd))) {
    const entry = inDirectory(fd, name);
    const seen = lstatSync(entry);
    if (!seen.isDirectory()) {
      unlinkSync(entry);
      continue;
    }
    const child = openDirectoryNoFollow(entry);
    try {
      const opened = fstatSync(child);
      if (opened.dev !== seen.dev || opened.ino !== seen.ino) throw new EntryChangedError(`${name} changed while it was removed`);
      emptyDirectoryAt(child);
    } finally {
      closeSync(child);
    }
    rmdirSync(entry);
  }
}

/**
 * Removes `name` from the directory open as `parentFd` with everything below it, provided it is still
 * the directory open as `fd` (same device and inode): the last step is an rmdir by name in the parent.
 */
export function removeDirectoryAt(parentFd: number, name: string, fd: number): void {
  emptyDirectoryAt(fd);
  const now = lstatSync(inDirectory(parentFd, name));
  const opened = fstatSync(fd);
  if (now.dev !== opened.dev || now.ino !== opened.ino) throw new EntryChangedError(`${name} changed while it was removed`);
  rmdirSync(inDirectory(parentFd, name));
}
