import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The real path of `path` (links resolved), or undefined when it does not exist or cannot be read. */
export function realPathOf(path: string): string | undefined {
  try {
    // The kernel's realpath(3), one call: the plugin asks for every linted file, several times per file.
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * The real path of `absolute`, else `absolute` itself (a file not on disk, such as editor text).
 * Node runs a module by its real path (`--preserve-symlinks` is off), so both tools judge a file by
 * it: which policy governs it and which grants match (red team 9b: a package named through a link
 * from outside it got the defaults, 1 against 0 by its real path).
 */
export function realPathOr(absolute: string): string {
  const real = realPathOf(absolute);
  if (real !== undefined) return real;
  // Not on disk (an editor's unsaved file, `--stdin-filename`): the nearest existing folder above it
  // by its real path, the rest as named (red team round 10: a new file in a linked folder).
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPathOr(parent), basename(absolute));
}
