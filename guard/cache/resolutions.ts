import { makeDirectories } from '../../policy/make-directories.js';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeObservations } from '../resolve/file-probe.js';
import type { Resolution } from '../resolve/types.js';
import type { CacheSeal } from './seal.js';

/**
 * Resolutions saved for the next run, with the file-system observations they follow from
 * (directory listings, package.json and tsconfig texts, real paths): a warm run makes the same
 * observations again and reuses every resolution only when all of them match
 * (guard/resolve/saved.ts), so a run never trusts a resolution the tree no longer supports.
 */
export interface SavedResolutions {
  /** The resolver's code and options (guard/resolve/saved.ts): another resolver's answers are never read. */
  readonly key: string;
  readonly observations: ProbeObservations;
  readonly resolutions: Record<string, Resolution>;
}

export interface ResolutionCache {
  /** What an earlier run saved (not yet checked against the tree), if anything. */
  load(): SavedResolutions | undefined;
  /** What `save` writes: `undefined` when nothing changed since `load`. */
  keep(snapshot: () => SavedResolutions | undefined): void;
  save(): void;
}

const FILE = 'resolutions.json';

export function createNullResolutionCache(): ResolutionCache {
  return { load: () => undefined, keep: () => undefined, save: () => undefined };
}

/** Sealed like the facts (guard/cache/seal.ts): a planted resolutions.json could point an import at a decoy. */
export function openResolutionCache(directory: string, seal: CacheSeal): ResolutionCache {
  let snapshot: () => SavedResolutions | undefined = () => undefined;
  return {
    load() {
      try {
        const text = seal.openFile(join(directory, FILE));
        if (text === undefined) return undefined;
        const saved = JSON.parse(text) as Partial<SavedResolutions>;
        if (typeof saved.key !== 'string' || typeof saved.observations !== 'object' || typeof saved.resolutions !== 'object' || saved.observations === null || saved.resolutions === null) return undefined;
        return saved as SavedResolutions;
      } catch {
        // None yet, or damaged: every specifier is resolved afresh.
        return undefined;
      }
    },
    keep(next) {
      snapshot = next;
    },
    save() {
      const saved = snapshot();
      if (saved === undefined) return;
      try {
        makeDirectories(directory);
        const file = join(directory, FILE);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, seal.seal(JSON.stringify(saved)));
        renameSync(temporary, file);
      } catch {
        // A read-only checkout resolves afresh next time; the answer is the same.
      }
    },
  };
}
