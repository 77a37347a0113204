import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyConfig } from '../../policy/index.js';
import type { ModuleFacts } from '../types.js';
import { FACTS_FORMAT, GUARD_VERSION } from '../version.js';

/** Per-file facts keyed by content hash; the whole cache is keyed by policy and tool version. */
export interface FactsCache {
  get(relative: string, hash: string): ModuleFacts | undefined;
  set(relative: string, hash: string, facts: ModuleFacts): void;
  /** Persist what this run used (entries for files no longer seen are dropped). */
  save(): void;
}

interface CacheFile {
  readonly key: string;
  readonly files: Record<string, { readonly hash: string; readonly facts: ModuleFacts }>;
}

/** Under node_modules/.cache, where build tools keep caches (ESLint, Babel, webpack): already git-ignored. */
export const CACHE_DIRECTORY = 'node_modules/.cache/tki';
const CACHE_FILE = 'guard-facts.json';

export function cacheKey(policy: PolicyConfig): string {
  return createHash('sha256').update(JSON.stringify({ GUARD_VERSION, FACTS_FORMAT, policy })).digest('base64url');
}

/** A cache that remembers nothing (`--no-cache`). */
export function createNullCache(): FactsCache {
  return { get: () => undefined, set: () => undefined, save: () => undefined };
}

export function openFactsCache(root: string, policy: PolicyConfig, directory: string = join(root, CACHE_DIRECTORY)): FactsCache {
  const file = join(directory, CACHE_FILE);
  const key = cacheKey(policy);
  let previous: CacheFile['files'] = {};
  try {
    const loaded = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (loaded.key === key) previous = loaded.files;
  } catch {
    // No cache yet, or a damaged one: start empty; the run stays correct, only slower.
  }
  const next: Record<string, { hash: string; facts: ModuleFacts }> = {};
  let changed = false;
  return {
    get(relative, hash) {
      const entry = previous[relative];
      if (entry === undefined || entry.hash !== hash) return undefined;
      next[relative] = entry;
      return entry.facts;
    },
    set(relative, hash, facts) {
      next[relative] = { hash, facts };
      changed = true;
    },
    save() {
      if (!changed && Object.keys(next).length === Object.keys(previous).length) return;
      try {
        mkdirSync(directory, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ key, files: next } satisfies CacheFile));
        renameSync(temporary, file);
      } catch {
        // A read-only checkout still gets a correct (uncached) analysis.
      }
    },
  };
}
