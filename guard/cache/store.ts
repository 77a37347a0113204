import { makeDirectories } from '../../policy/make-directories.js';
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyConfig } from '../../policy/index.js';
import type { JsxSettings } from '../../analysis/syntax/index.js';
import type { ModuleFacts } from '../types.js';
import { createNullCrossModuleStore, openCrossModuleStore, type CrossModuleStore } from './cross-module.js';
import { createNullResolutionCache, openResolutionCache, type ResolutionCache } from './resolutions.js';
import { sealOfThisUser, type CacheSeal } from './seal.js';
import { FACTS_FORMAT, GUARD_VERSION } from '../version.js';

/**
 * Per-file facts keyed by content hash; the whole cache is keyed by policy and tool version.
 * A file whose stat stamp (size, mtime, ctime, inode) is unchanged is not even read; a stamp is
 * recorded only for files last modified well before it was taken, so an edit within the same
 * clock tick is never mistaken for no edit (git's "racy clean" rule).
 */
export interface FactsCache {
  /** Facts for a file whose stamp is the one recorded with them: no need to read it. */
  byStamp(relative: string, stamp: string): ModuleFacts | undefined;
  get(relative: string, hash: string): ModuleFacts | undefined;
  set(relative: string, hash: string, facts: ModuleFacts, marked: boolean): void;
  /** Whether the content whose facts this run used holds a suppression comment marker (undefined: not recorded). */
  marked(relative: string): boolean | undefined;
  /** Records the stamp of a file whose facts this run used, when the stamp can be trusted. */
  stamp(relative: string, stamp: string, modifiedMs: number): void;
  /** Persist what this run used (entries for files no longer seen are dropped); only changed shards are written. Saves the resolutions too. */
  save(): void;
  /** The content hash of the facts this run used for a file (undefined: none, or not cached). */
  hashOf(relative: string): string | undefined;
  /** Resolutions kept beside the facts (guard/cache/resolutions.ts). */
  readonly resolutions: ResolutionCache;
  /** The search's cross-module results kept beside the facts (guard/cache/cross-module.ts); saved by the search, which runs after `save`. */
  readonly crossModule: CrossModuleStore;
  /** The key the facts are kept under (policy, tool version, facts format); empty when nothing is kept. */
  readonly key: string;
}

interface Entry {
  readonly hash: string;
  readonly facts: ModuleFacts;
  readonly stamp?: string;
  /** The content may hold a comment the verdict reads (guard/suppress/eslint-disable.ts mayHoldSuppressionComment): only such files are read again. */
  readonly marked?: boolean;
}

interface ShardFile {
  readonly key: string;
  readonly files: Record<string, Entry>;
}

/** Under node_modules/.cache, where build tools keep caches (ESLint, Babel, webpack): already git-ignored. */
export const CACHE_DIRECTORY = 'node_modules/.cache/tki';
/** Shards keep a one-file edit from rewriting every file's facts. */
export const CACHE_SUBDIRECTORY = 'guard-facts';
const SHARDS = 32;
/** A stamp taken less than this long after the file's mtime might miss an edit in the same tick. */
const RACY_WINDOW_MS = 2_000;

/** Facts depend on the policy and the tsconfig's JSX factories (AnalyzeOptions.jsx), besides each file's content. */
export function cacheKey(policy: PolicyConfig, jsx: JsxSettings = {}): string {
  return createHash('sha256').update(JSON.stringify({ GUARD_VERSION, FACTS_FORMAT, policy, jsx })).digest('base64url');
}

function shardOf(relative: string): number {
  let hash = 2166136261;
  for (let index = 0; index < relative.length; index += 1) hash = Math.imul(hash ^ relative.charCodeAt(index), 16777619);
  return (hash >>> 0) % SHARDS;
}

/** A cache that remembers nothing (`--no-cache`). */
export function createNullCache(): FactsCache {
  return {
    byStamp: () => undefined,
    get: () => undefined,
    set: () => undefined,
    marked: () => undefined,
    stamp: () => undefined,
    save: () => undefined,
    hashOf: () => undefined,
    resolutions: createNullResolutionCache(),
    crossModule: createNullCrossModuleStore(),
    key: '',
  };
}

/**
 * The project's facts cache. Every file in it is sealed (guard/cache/seal.ts): facts a change
 * under review planted in the project's cache directory are never read. `seal` is this user's
 * (tests pass their own); without one the run is uncached.
 */
export function openFactsCache(root: string, policy: PolicyConfig, cacheDirectory: string = join(root, CACHE_DIRECTORY), seal: CacheSeal | undefined = sealOfThisUser(), jsx: JsxSettings = {}): FactsCache {
  if (seal === undefined) return createNullCache();
  const directory = join(cacheDirectory, CACHE_SUBDIRECTORY);
  const key = cacheKey(policy, jsx);
  const previous: Array<Record<string, Entry>> = [];
  for (let shard = 0; shard < SHARDS; shard += 1) {
    let files: Record<string, Entry> = {};
    try {
      const text = seal.openFile(join(directory, `${shard}.json`));
      const loaded = (text === undefined ? {} : JSON.parse(text)) as Partial<ShardFile>;
      if (loaded.key === key && typeof loaded.files === 'object' && loaded.files !== null) files = loaded.files;
    } catch {
      // No cache yet, or a damaged shard: start it empty; the run stays correct, only slower.
    }
    previous.push(files);
  }
  const next: Array<Record<string, Entry>> = previous.map(() => ({}));
  const dirty = new Set<number>();
  const resolutions = openResolutionCache(cacheDirectory, seal);
  const use = (relative: string, entry: Entry): void => {
    (next[shardOf(relative)] as Record<string, Entry>)[relative] = entry;
  };
  return {
    byStamp(relative, stamp) {
      const entry = previous[shardOf(relative)]?.[relative];
      if (entry === undefined || entry.stamp !== stamp) return undefined;
      use(relative, entry);
      return entry.facts;
    },
    get(relative, hash) {
      const entry = previous[shardOf(relative)]?.[relative];
      if (entry === undefined || entry.hash !== hash) return undefined;
      use(relative, entry);
      return entry.facts;
    },
    set(relative, hash, facts, marked) {
      use(relative, { hash, facts, marked });
      dirty.add(shardOf(relative));
    },
    marked(relative) {
      return next[shardOf(relative)]?.[relative]?.marked;
    },
    hashOf(relative) {
      return next[shardOf(relative)]?.[relative]?.hash;
    },
    stamp(relative, stamp, modifiedMs) {
      const shard = shardOf(relative);
      const entry = next[shard]?.[relative];
      if (entry === undefined || entry.stamp === stamp || Date.now() - modifiedMs < RACY_WINDOW_MS) return;
      use(relative, { ...entry, stamp });
      dirty.add(shard);
    },
    resolutions,
    crossModule: openCrossModuleStore(cacheDirectory, seal),
    key,
    save() {
      resolutions.save();
      try {
        makeDirectories(directory);
        for (let shard = 0; shard < SHARDS; shard += 1) {
          const before = previous[shard] as Record<string, Entry>;
          const after = next[shard] as Record<string, Entry>;
          if (!dirty.has(shard) && Object.keys(before).length === Object.keys(after).length) continue;
          const file = join(directory, `${shard}.json`);
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, seal.seal(JSON.stringify({ key, files: after } satisfies ShardFile)));
          renameSync(temporary, file);
          // Saved: a later save (`--watch` saves after every patch) writes only what changes after this.
          previous[shard] = { ...after };
          dirty.delete(shard);
        }
      } catch {
        // A read-only checkout still gets a correct (uncached) analysis.
      }
    },
  };
}
