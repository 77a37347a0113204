import { realpathSync } from 'node:fs';

/** The real path of `path` (links resolved), or undefined when it does not exist or cannot be read. */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
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
  return realPathOf(absolute) ?? absolute;
}
