import { makeDirectories } from '../../policy/make-directories.js';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectSource } from '../search/direct.js';
import type { GuardFinding } from '../types.js';
import type { CacheSeal } from './seal.js';

/** One module's cross-module findings and sources as a run found them; the module and those its lookups read are indices into `modules`. */
export interface KeptCrossModule {
  readonly module: number;
  readonly reads: readonly number[];
  readonly findings: readonly GuardFinding[];
  readonly sources: readonly DirectSource[];
}

/**
 * The search's cross-module results of the last run (guard/search/cross-module-memo.ts): each is
 * reused only while the module and every module it read have the key recorded here.
 */
export interface SavedCrossModule {
  /** The policy, the tool's version and the search's code: another search's answers are never read. */
  readonly key: string;
  /** Project-relative paths of every module a kept result depends on, and the key (content, edges) each had: indices keep the file small. */
  readonly modules: readonly string[];
  readonly moduleKeys: readonly string[];
  readonly kept: readonly KeptCrossModule[];
}

export interface CrossModuleStore {
  /** What an earlier run saved under `key`, if anything. */
  load(key: string): SavedCrossModule | undefined;
  save(saved: SavedCrossModule): void;
}

const FILE = 'cross-module.json';

export function createNullCrossModuleStore(): CrossModuleStore {
  return { load: () => undefined, save: () => undefined };
}

/** Sealed like the facts (guard/cache/seal.ts): a planted file could say a use reaches nothing. */
export function openCrossModuleStore(directory: string, seal: CacheSeal): CrossModuleStore {
  return {
    load(key) {
      try {
        const text = seal.openFile(join(directory, FILE));
        if (text === undefined) return undefined;
        const saved = JSON.parse(text) as Partial<SavedCrossModule>;
        if (saved.key !== key || !Array.isArray(saved.modules) || !Array.isArray(saved.moduleKeys) || !Array.isArray(saved.kept) || saved.modules.length !== saved.moduleKeys.length) return undefined;
        return saved as SavedCrossModule;
      } catch {
        // None yet, or damaged: every module's uses are followed afresh.
        return undefined;
      }
    },
    save(saved) {
      try {
        makeDirectories(directory);
        const file = join(directory, FILE);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, seal.seal(JSON.stringify(saved)));
        renameSync(temporary, file);
      } catch {
        // A read-only checkout follows every use again next time; the answer is the same.
      }
    },
  };
}
