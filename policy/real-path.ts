import { realpathSync } from 'node:fs';

/** The real path of `path` (links resolved), or undefined when it does not exist or cannot be read. */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
