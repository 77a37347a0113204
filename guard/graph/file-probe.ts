import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Memoized file-system questions for resolution: the same directories are asked about again
 * and again (every `./x.js` tries several extensions), so each directory is listed once per run
 * and answers come from the listing; only symbolic links and the like are stat-ed.
 */
export interface FileProbe {
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** A parsed package.json, or `null` when missing or not JSON. */
  packageJson(directory: string): Record<string, unknown> | null;
}

export function createFileProbe(): FileProbe {
  const kinds = new Map<string, 'file' | 'directory' | 'none'>();
  const packages = new Map<string, Record<string, unknown> | null>();
  const listings = new Map<string, Map<string, 'file' | 'directory' | 'other'> | null>();
  const listing = (directory: string): Map<string, 'file' | 'directory' | 'other'> | null => {
    if (listings.has(directory)) return listings.get(directory) ?? null;
    let entries: Map<string, 'file' | 'directory' | 'other'> | null = null;
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
        kind = stats === undefined ? 'none' : stats.isDirectory() ? 'directory' : 'file';
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
      const file = `${directory}/package.json`;
      if (kindOf(file) === 'file') {
        try {
          const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
          parsed = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
        } catch {
          parsed = null;
        }
      }
      packages.set(directory, parsed);
      return parsed;
    },
  };
}
