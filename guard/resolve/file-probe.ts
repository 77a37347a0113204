import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isNormalAbsolute, parentAndName } from './posix-paths.js';

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
  /** The text of a configuration file (a tsconfig and what it extends, an env file), `undefined` when unreadable. */
  readText(path: string): string | undefined;
  /** The first bytes of a file (as many as Linux reads for a `#!` line), as latin1 text; `undefined` when unreadable. */
  head(path: string): string | undefined;
}

/** Linux reads the first 256 bytes of a program for its `#!` line (BINPRM_BUF_SIZE). */
const HEAD_BYTES = 256;

/** The first bytes of a file, where the kernel looks for a `#!` line (latin1: bytes as they are); `undefined` when unreadable. */
export function readHead(path: string): string | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const bytes = Buffer.alloc(HEAD_BYTES);
    return bytes.subarray(0, readSync(descriptor, bytes, 0, HEAD_BYTES, 0)).toString('latin1');
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Everything a probe read from the file system, each answer as a short fingerprint: every
 * resolution the probe answered follows from these observations alone. The same observations
 * made again with the same fingerprints mean the same answers (guard/resolve/saved.ts).
 */
export interface ProbeObservations {
  /**
   * Every path whose kind was asked → that kind (symbolic links followed). Kept per name, not per
   * listing: a resolution depends on the names it tried, not on the rest of a busy folder (`/tmp`).
   */
  readonly kinds: Record<string, 'file' | 'directory' | 'none'>;
  /** package.json or tsconfig file → fingerprint of its text, or null when unreadable. */
  readonly texts: Record<string, string | null>;
  readonly realpaths: Record<string, string>;
  /** Program file → fingerprint of its first bytes (its `#!` line), or null when unreadable. */
  readonly heads: Record<string, string | null>;
}

export interface RecordingProbe extends FileProbe {
  /** What this probe has read so far. */
  observations(): ProbeObservations;
  /** Makes every observation again (answers stay memoized here); true when each fingerprint matches. */
  replay(observations: ProbeObservations): boolean;
}

type EntryKind = 'file' | 'directory' | 'other';

/** Real paths read from directory listings on POSIX systems only (Windows' real path also settles case, short names and junctions). */
const LISTED_REAL_PATHS = process.platform !== 'win32';

const fingerprint = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

export function createFileProbe(): RecordingProbe {
  const kinds = new Map<string, 'file' | 'directory' | 'none'>();
  const packages = new Map<string, Record<string, unknown> | null>();
  const listings = new Map<string, Map<string, EntryKind> | null>();
  const realpaths = new Map<string, string>();
  const texts = new Map<string, string | undefined>();
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
  const followed = (path: string): 'file' | 'directory' | 'none' => {
    const found = statSync(path, { throwIfNoEntry: false });
    return found === undefined ? 'none' : found.isDirectory() ? 'directory' : found.isFile() ? 'file' : 'none';
  };
  const kindOf = (path: string): 'file' | 'directory' | 'none' => {
    let kind = kinds.get(path);
    if (kind === undefined) {
      const [parent, name] = parentAndName(path);
      const listed = listing(parent)?.get(name);
      if (listed === 'file' || listed === 'directory') kind = listed;
      else if (listed === undefined) kind = 'none';
      else kind = followed(path);
      kinds.set(path, kind);
    }
    return kind;
  };
  const readText = (path: string): string | undefined => {
    if (texts.has(path)) return texts.get(path);
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    texts.set(path, text);
    return text;
  };
  const heads = new Map<string, string | undefined>();
  const head = (path: string): string | undefined => {
    if (!heads.has(path)) heads.set(path, readHead(path));
    return heads.get(path);
  };
  // Folders that are no link, and nor is any folder above them: one lstat each (not a listing of
  // the parent: `/tmp` or a home folder can hold thousands of names).
  const plainDirectories = new Set<string>(['/']);
  const isPlainDirectory = (directory: string): boolean => {
    if (plainDirectories.has(directory)) return true;
    const parent = dirname(directory);
    if (parent === directory || lstatSync(directory, { throwIfNoEntry: false })?.isDirectory() !== true || !isPlainDirectory(parent)) return false;
    plainDirectories.add(directory);
    return true;
  };
  /**
   * A path is its own real path when its folder's listing (which the probe makes anyway) names it
   * as a file or folder, not a link, and no folder above it is a link: where the kernel's
   * realpath(3) reads every component again for each of a thousand files (a third of replaying
   * saved resolutions). Anything else (a link, a missing name, `..`, Windows' case and drive
   * rules) asks the kernel.
   */
  const isPlainPath = (path: string): boolean => {
    if (!LISTED_REAL_PATHS || !isNormalAbsolute(path)) return false;
    const [parent, name] = parentAndName(path);
    const kind = listing(parent)?.get(name);
    return (kind === 'file' || kind === 'directory') && isPlainDirectory(parent);
  };
  const realpath = (path: string): string => {
    let real = realpaths.get(path);
    if (real === undefined) {
      if (isPlainPath(path)) real = path;
      else {
        try {
          real = realpathSync.native(path);
        } catch {
          real = path;
        }
      }
      realpaths.set(path, real);
    }
    return real;
  };
  const textPrint = (text: string | undefined): string | null => (text === undefined ? null : fingerprint(text));
  return {
    isFile: (path) => kindOf(path) === 'file',
    isDirectory: (path) => kindOf(path) === 'directory',
    packageJson(directory) {
      if (packages.has(directory)) return packages.get(directory) ?? null;
      let parsed: Record<string, unknown> | null = null;
      const file = `${directory === '/' ? '' : directory}/package.json`;
      const text = kindOf(file) === 'file' ? readText(file) : undefined;
      if (text !== undefined) {
        try {
          // Node strips a leading byte-order mark before parsing (a BOM package.json is honoured, not ignored).
          const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
          parsed = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
        } catch {
          // Node refuses to load through a broken package.json; an empty one loses nothing it would load.
          parsed = {};
        }
      } else if (kindOf(file) === 'file') parsed = {};
      packages.set(directory, parsed);
      return parsed;
    },
    realpath,
    readText,
    head,
    observations() {
      return {
        kinds: Object.fromEntries(kinds),
        texts: Object.fromEntries([...texts].map(([path, text]) => [path, textPrint(text)])),
        realpaths: Object.fromEntries(realpaths),
        heads: Object.fromEntries([...heads].map(([path, text]) => [path, textPrint(text)])),
      };
    },
    replay(observations) {
      // The first difference settles it: the caller then starts over with a fresh probe.
      for (const [path, kind] of Object.entries(observations.kinds)) if (kindOf(path) !== kind) return false;
      for (const [path, print] of Object.entries(observations.texts)) if (textPrint(readText(path)) !== print) return false;
      for (const [path, real] of Object.entries(observations.realpaths)) if (realpath(path) !== real) return false;
      // A program's first line decides whether it is a Node entry: a changed line, a changed answer.
      for (const [path, print] of Object.entries(observations.heads ?? {})) if (textPrint(head(path)) !== print) return false;
      return true;
    },
  };
}
