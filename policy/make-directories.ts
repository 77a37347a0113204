import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node's `mkdirSync(path, { recursive: true })` loops forever
 * under /proc (the kernel answers ENOENT for a parent that `stat` then claims to exist), so every
 * `--out`/`--cache-location` that creates directories goes through this instead: the missing
 * levels are found by walking up to the first one that exists, which must be a directory, then
 * created top-down. Throws Node's own error (with its `code`) for the level that fails.
 */
export function makeDirectories(path: string, mode?: number): void {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    const found = statSync(current, { throwIfNoEntry: false });
    if (found !== undefined) {
      if (!found.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of missing.reverse()) {
    try {
      mkdirSync(directory, mode === undefined ? undefined : { mode });
    } catch (error) {
      // Made meanwhile by another process: fine, as `mkdir -p` would have it.
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
}
