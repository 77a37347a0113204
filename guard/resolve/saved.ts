import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import type { ResolutionCache } from '../cache/resolutions.js';
import { RESOLVER_DIRECTORY } from '../own-files.js';
import { GUARD_VERSION } from '../version.js';
import { createFileProbe, type RecordingProbe } from './file-probe.js';
import type { Resolution } from './types.js';

/**
 * Saved resolutions are answers of this resolver's code: the key hashes the code itself (every
 * module of this folder), so a changed resolver never reuses an older one's answers, with no
 * version number to forget to bump.
 */
function resolverKey(tsconfig: string | null): string {
  const hash = createHash('sha256').update(`${GUARD_VERSION}\0${tsconfig ?? ''}\0`);
  try {
    for (const name of readdirSync(RESOLVER_DIRECTORY).filter((entry) => /\.[jt]s$/.test(entry) && !entry.endsWith('.d.ts')).sort()) hash.update(name).update(readFileSync(`${RESOLVER_DIRECTORY}/${name}`));
  } catch {
    hash.update(String(Math.random()));
  }
  return hash.digest('base64url');
}

/** A probe and the resolutions it may start with: those of the last run, when the tree still gives every observation they followed from. */
export interface Restored {
  readonly probe: RecordingProbe;
  readonly resolutions: Map<string, Resolution>;
  /** Registers what to save at the end of the run: only resolutions this run used, and only when something changed. */
  keep(used: ReadonlySet<string>, computed: () => boolean): void;
}

export function restoreResolutions(cache: ResolutionCache, tsconfig: string | null): Restored {
  const key = resolverKey(tsconfig);
  const saved = cache.load();
  let probe = createFileProbe();
  let resolutions = new Map<string, Resolution>();
  let reused = false;
  if (saved !== undefined && saved.key === key) {
    if (probe.replay(saved.observations)) {
      resolutions = new Map(Object.entries(saved.resolutions));
      reused = true;
    } else probe = createFileProbe();
  }
  const memo = resolutions;
  // `--watch` saves after every patch while the resolver lives on: a save that resolved nothing new
  // since the last one rewrites nothing (a stale file only costs the next run a replay miss).
  let resolvedAtLastSave = -1;
  return {
    probe,
    resolutions: memo,
    keep(used, computed) {
      cache.keep(() => {
        if (reused && !computed()) return undefined;
        if (memo.size === resolvedAtLastSave) return undefined;
        resolvedAtLastSave = memo.size;
        const kept: Record<string, Resolution> = {};
        for (const name of used) {
          const resolution = memo.get(name);
          if (resolution !== undefined) kept[name] = resolution;
        }
        return { key, observations: probe.observations(), resolutions: kept };
      });
    },
  };
}
