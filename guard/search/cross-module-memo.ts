import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { CrossModuleStore, KeptCrossModule, SavedCrossModule } from '../cache/cross-module.js';
import type { ModuleGraph, ModuleNode } from '../graph/types.js';
import { toRelative } from '../load/inputs.js';
import { SEARCH_DIRECTORY } from '../own-files.js';
import type { CrossModuleResult } from './cross-module.js';
import { moduleEdgeIndex } from './exports-lookup.js';

/**
 * A kept result is an answer of this search's code: the key hashes the code itself (every module
 * of this folder) beside the facts cache's key (policy, tool version, facts format), as the saved
 * resolutions do (guard/resolve/saved.ts), so no version number can be forgotten.
 */
function memoKey(factsKey: string): string {
  const hash = createHash('sha256').update(`${factsKey}\0`);
  try {
    for (const name of readdirSync(SEARCH_DIRECTORY).filter((entry) => /\.[jt]s$/.test(entry) && !entry.endsWith('.d.ts')).sort()) hash.update(name).update(readFileSync(`${SEARCH_DIRECTORY}/${name}`));
  } catch {
    hash.update(String(Math.random()));
  }
  return hash.digest('base64url');
}

/**
 * The direct stage's cross-module part across runs (issue #11): following every use of an
 * imported binding to what it exports is most of the search, and on a one-file edit nearly every
 * answer is the last run's. A module's answer depends on its own facts and edges, the holds its
 * path and declared actions give it (policy, in the key), and the facts and edges of every module
 * its lookups read; so it is reused only when the module and each of those have the key they had.
 */
export interface CrossModuleMemo {
  kept(module: ModuleNode): CrossModuleResult | undefined;
  keep(module: ModuleNode, result: CrossModuleResult, reads: ReadonlySet<string>): void;
  /** Writes what this search used, when anything changed. */
  save(): void;
}

/** What a module's key covers: its content (facts follow from it under the key's policy), its path, whether it is third-party, and its edges to modules. */
type ContentHash = (relative: string) => string | undefined;

const ABSENT = 'absent';
/** A data module: a lookup reads only that it has no facts. */
const NO_FACTS = 'no-facts';

interface Fresh {
  readonly module: ModuleNode;
  readonly result: CrossModuleResult;
  readonly reads: ReadonlySet<string>;
}

export function openCrossModuleMemo(graph: ModuleGraph, store: CrossModuleStore, factsKey: string, contentHash: ContentHash): CrossModuleMemo {
  const key = memoKey(factsKey);
  const saved = store.load(key);
  const keys = new Map<ModuleNode, string | undefined>();
  const moduleKey = (module: ModuleNode): string | undefined => {
    if (keys.has(module)) return keys.get(module);
    let computed: string | undefined;
    if (module.facts === null) computed = NO_FACTS;
    else {
      // Facts with no content hash (a native addon, an unreadable file) are never vouched for.
      const content = contentHash(module.relative);
      if (content !== undefined) {
        // One string, one digest: a digest object per module and an update per edge cost more than the lookups saved.
        let text = `${content}\0${module.relative}\0${module.thirdParty}`;
        for (const [specifier, file] of moduleEdgeIndex(module)) text += `\0${specifier}\0${file}`;
        computed = hash('sha256', text, 'base64url');
      }
    }
    keys.set(module, computed);
    return computed;
  };
  const byRelative = new Map<string, ModuleNode>();
  for (const module of graph.modules.values()) byRelative.set(module.relative, module);
  const currentKey = (relative: string): string | undefined => {
    const module = byRelative.get(relative);
    return module === undefined ? ABSENT : moduleKey(module);
  };
  // Which kept results still hold, decided once: a module's key is compared once however many results read it.
  const valid = new Map<ModuleNode, KeptCrossModule>();
  if (saved !== undefined) {
    const same = saved.modules.map((relative, index) => {
      const current = currentKey(relative);
      return current !== undefined && current === saved.moduleKeys[index];
    });
    for (const entry of saved.kept) {
      const module = byRelative.get(saved.modules[entry.module] ?? '');
      if (module === undefined || same[entry.module] !== true || !entry.reads.every((index) => same[index] === true)) continue;
      valid.set(module, entry);
    }
  }
  const used = new Map<ModuleNode, KeptCrossModule>();
  const fresh: Fresh[] = [];
  const snapshot = (): SavedCrossModule => {
    const modules: string[] = [];
    const moduleKeys: string[] = [];
    const indices = new Map<string, number>();
    const indexOf = (relative: string, moduleKey: string): number => {
      let index = indices.get(relative);
      if (index === undefined) {
        index = modules.push(relative) - 1;
        moduleKeys.push(moduleKey);
        indices.set(relative, index);
      }
      return index;
    };
    const kept: KeptCrossModule[] = [];
    for (const [module, entry] of used) {
      const reads = entry.reads.map((index) => indexOf(saved?.modules[index] ?? '', saved?.moduleKeys[index] ?? ''));
      kept.push({ ...entry, module: indexOf(module.relative, moduleKey(module) ?? ''), reads });
    }
    for (const { module, result, reads } of fresh) {
      const own = moduleKey(module);
      const readKeys: Array<[string, string | undefined]> = [...reads].map((file) => {
        const read = graph.modules.get(file);
        return read === undefined ? [toRelative(graph.root, file), ABSENT] : [read.relative, moduleKey(read)];
      });
      // A result that depends on a module no key vouches for is followed again next time.
      if (own === undefined || readKeys.some(([, readKey]) => readKey === undefined)) continue;
      kept.push({ module: indexOf(module.relative, own), reads: readKeys.map(([relative, readKey]) => indexOf(relative, readKey as string)), findings: result.findings, sources: result.sources });
    }
    return { key, modules, moduleKeys, kept };
  };
  return {
    kept(module) {
      const entry = valid.get(module);
      if (entry !== undefined) used.set(module, entry);
      return entry;
    },
    keep(module, result, reads) {
      fresh.push({ module, result, reads });
    },
    save() {
      if (fresh.length === 0 && used.size === saved?.kept.length) return;
      store.save(snapshot());
    },
  };
}
