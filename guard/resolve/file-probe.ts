import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Memoized file-system questions for resolution: the same directories are asked about again
 * and again (every `./x` tries several extensions), so each directory is listed once per run
 * and answers come from the listing; only symbolic links and the like are stat-ed.
 */
export interface FileProbe {
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** A parsed package.json in `directory`: `null` when there is none, `{}` when it is not a JSON object. */
  packageJson(directory: string): Record<string, unknown> | null;
  /** The path with every symbolic link followed, as Node does before it loads a file. */
  realpath(path: string): string;
}

type EntryKind = 'file' | 'directory' | 'other';

export function createFileProbe(): FileProbe {
  const kinds = new Map<string, 'file' | 'directory' | 'none'>();
  const packages = new Map<string, Record<string, unknown> | null>();
  const listings = new Map<string, Map<string, EntryKind> | null>();
  const realpaths = new Map<string, string>();
  const listing = (directory: string): Map<string, EntryKind> | null => {
    if (listings.has(directory)) return listings.get(directory) ?? null;
    let entries: Map<string, EntryKind> | null = null;
    try {
      entries = new Map(readdirSync(directory, { withFileTypes: true }).map((entry) => [entry.name, entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other'] as const));
    } catch {
      entries = null;
    }
    listings.set(directory, entries);
    return entries;
  };
  const kindOf = (path: string): 'file' | 'directory' | 'none' => {
    let kind = kinds.get(path);
    if (kind === undefined) {
      const listed = listing(dirname(path))?.get(basename(path));
      if (listed === 'file' || listed === 'directory') kind = listed;
      else if (listed === undefined) kind = 'none';
      else {
        const stats = statSync(path, { throwIfNoEntry: false });
        kind = stats === undefined ? 'none' : stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'none';
      }
      kinds.set(path, kind);
    }
    return kind;
  };
  return {
    isFile: (path) => kindOf(path) === 'file',
    isDirectory: (path) => kindOf(path) === 'directory',
    packageJson(directory) {
      if (packages.has(directory)) return packages.get(directory) ?? null;
      let parsed: Record<string, unknown> | null = null;
      const file = `${directory === '/' ? '' : directory}/package.json`;
      if (kindOf(file) === 'file') {
        try {
          // Node strips a leading byte-order mark before parsing (a BOM package.json is honoured, not ignored).
          const value: unknown = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
          parsed = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
        } catch {
          // Node refuses to load through a broken package.json; an empty one loses nothing it would load.
          parsed = {};
        }
      }
      packages.set(directory, parsed);
      return parsed;
    },
    realpath(path) {
      let real = realpaths.get(path);
      if (real === undefined) {
        try {
          real = realpathSync.native(path);
        } catch {
          real = path;
        }
        realpaths.set(path, real);
      }
      return real;
    },
  };
}
