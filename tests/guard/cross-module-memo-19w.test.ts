import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrossModuleStore, SavedCrossModule } from '../../guard/cache/cross-module.js';
import { createPolicyClassifier } from '../../guard/classify.js';
import type { ModuleGraph } from '../../guard/graph/types.js';
import { openCrossModuleMemo, type CrossModuleMemo } from '../../guard/search/cross-module-memo.js';
import { searchGraph } from '../../guard/search/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { findingKeys, guardDirectory, repoRoot } from './helpers.js';

/**
 * The search's cross-module results kept between runs (guard/search/cross-module-memo.ts, issue
 * #11): a kept result is reused only while the module and every module its lookups read keep
 * their key, and a warm run's answer is always the uncached run's.
 */
const work = mkdtempSync(path.join(tmpdir(), 'tki-cross-memo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyEvasion(name: string): string {
  const target = path.join(work, `${name}-${Math.random().toString(36).slice(2)}`);
  cpSync(path.join(repoRoot, 'fixtures/evasions/cross-module', name), target, { recursive: true });
  mkdirSync(path.join(target, 'node_modules'), { recursive: true });
  return target;
}

/** A warm run (cache kept in the copy) and an uncached run on the same tree. */
async function warmAndUncached(directory: string): Promise<{ warm: string[]; uncached: string[] }> {
  const warm = await guardDirectory(directory, { cache: true, depcruise: false });
  const uncached = await guardDirectory(directory, { cache: false, depcruise: false });
  expect(warm.result.modules).toEqual(uncached.result.modules);
  expect(warm.result.findings).toEqual(uncached.result.findings);
  return { warm: findingKeys(warm), uncached: findingKeys(uncached) };
}

describe('a warm run follows what an edit changed, whichever module it is in', () => {
  it('the module that exports the constant (read through a barrel) changes', async () => {
    const directory = copyEvasion('constant-elsewhere');
    const cold = await warmAndUncached(directory);
    expect(cold.warm).toContain('app.ts:3 cross-module-capability NETWORK');
    writeFileSync(path.join(directory, 'names.ts'), "export const SOCKETS = 'node:path';\n");
    expect((await warmAndUncached(directory)).warm).not.toContain('app.ts:3 cross-module-capability NETWORK');
    writeFileSync(path.join(directory, 'names.ts'), "export const SOCKETS = 'node:dgram';\n");
    expect((await warmAndUncached(directory)).warm).toContain('app.ts:3 cross-module-capability NETWORK');
  });

  it('the barrel in the middle changes', async () => {
    const directory = copyEvasion('constant-elsewhere');
    writeFileSync(path.join(directory, 'other.ts'), "export const SOCKETS = 'node:path';\n");
    expect((await warmAndUncached(directory)).warm).toContain('app.ts:3 cross-module-capability NETWORK');
    writeFileSync(path.join(directory, 'index.ts'), "export * from './other.js';\n");
    expect((await warmAndUncached(directory)).warm).not.toContain('app.ts:3 cross-module-capability NETWORK');
  });

  it("a module read by the lookup resolves elsewhere with its own text unchanged (its edges are in its key)", async () => {
    const directory = copyEvasion('constant-elsewhere');
    // `./names.js` names names.ts until a names.js exists beside it: the barrel's text stays the same.
    expect((await warmAndUncached(directory)).warm).toContain('app.ts:3 cross-module-capability NETWORK');
    writeFileSync(path.join(directory, 'names.js'), "export const SOCKETS = 'node:path';\n");
    const after = await warmAndUncached(directory);
    expect(after.warm).toEqual(after.uncached);
  });

  it('the module that uses the binding changes, and the loader it calls changes', async () => {
    const directory = copyEvasion('default-loader');
    expect((await warmAndUncached(directory)).warm).toContain('app.ts:3 cross-module-capability NETWORK');
    writeFileSync(path.join(directory, 'app.ts'), "import load from './loader.js';\n\nexport const http = load('node:path');\n");
    expect((await warmAndUncached(directory)).warm).not.toContain('app.ts:3 cross-module-capability NETWORK');
    writeFileSync(path.join(directory, 'app.ts'), "import load from './loader.js';\n\nexport const http = load('node:https');\n");
    expect((await warmAndUncached(directory)).warm).toContain('app.ts:3 cross-module-capability NETWORK');
    // The loader no longer loads the name it is given: app.ts's text is unchanged, its answer is not.
    writeFileSync(path.join(directory, 'loader.ts'), 'export default function load(name: string): unknown {\n  return name;\n}\n');
    expect((await warmAndUncached(directory)).warm).not.toContain('app.ts:3 cross-module-capability NETWORK');
  });
});

describe('the kept results themselves', () => {
  /** A store in memory, and the number of saves. */
  function memoryStore(): CrossModuleStore & { saved: SavedCrossModule | undefined; saves: number } {
    const store = {
      saved: undefined as SavedCrossModule | undefined,
      saves: 0,
      load: (key: string) => (store.saved?.key === key ? store.saved : undefined),
      save(saved: SavedCrossModule) {
        store.saved = saved;
        store.saves += 1;
      },
    };
    return store;
  }

  /** Counts which modules' kept results a search reused. */
  function counting(memo: CrossModuleMemo): { memo: CrossModuleMemo; reused: Set<string> } {
    const reused = new Set<string>();
    return {
      reused,
      memo: {
        kept(module) {
          const kept = memo.kept(module);
          if (kept !== undefined) reused.add(module.relative);
          return kept;
        },
        keep: (module, result, reads) => memo.keep(module, result, reads),
        save: () => memo.save(),
      },
    };
  }

  async function graphOf(name: string): Promise<ModuleGraph> {
    return (await guardDirectory(copyEvasion(name), { cache: false, depcruise: false })).graph;
  }

  it('are reused when nothing changed, and only the modules that read an edited module are followed again', async () => {
    const graph = await graphOf('constant-elsewhere');
    const classifier = createPolicyClassifier(RECOMMENDED_POLICY);
    const store = memoryStore();
    const hashes = new Map<string, string>([...graph.modules.values()].map((module) => [module.relative, `h-${module.relative}`]));
    const contentHash = (relative: string): string | undefined => hashes.get(relative);
    const first = counting(openCrossModuleMemo(graph, store, 'facts-key', contentHash));
    const cold = searchGraph(graph, classifier, first.memo);
    first.memo.save();
    expect(first.reused.size).toBe(0);
    expect(store.saves).toBe(1);

    const second = counting(openCrossModuleMemo(graph, store, 'facts-key', contentHash));
    expect(searchGraph(graph, classifier, second.memo)).toEqual(cold);
    second.memo.save();
    expect([...second.reused]).toEqual(['app.ts']);
    // Nothing changed: nothing is written.
    expect(store.saves).toBe(1);

    // names.ts "edited": app.ts read it through the barrel, so app.ts is followed again.
    hashes.set('names.ts', 'h-edited');
    const third = counting(openCrossModuleMemo(graph, store, 'facts-key', contentHash));
    expect(searchGraph(graph, classifier, third.memo)).toEqual(cold);
    third.memo.save();
    expect(third.reused.size).toBe(0);
    expect(store.saves).toBe(2);

    // Another policy (another facts key) never reads them.
    const other = counting(openCrossModuleMemo(graph, store, 'another-key', contentHash));
    searchGraph(graph, classifier, other.memo);
    expect(other.reused.size).toBe(0);
  });

  it('a module with no content hash (nothing vouches for its facts) is never reused, nor anything that read it', async () => {
    const graph = await graphOf('constant-elsewhere');
    const classifier = createPolicyClassifier(RECOMMENDED_POLICY);
    const store = memoryStore();
    const contentHash = (relative: string): string | undefined => (relative === 'names.ts' ? undefined : `h-${relative}`);
    const first = openCrossModuleMemo(graph, store, 'facts-key', contentHash);
    searchGraph(graph, classifier, first);
    first.save();
    const second = counting(openCrossModuleMemo(graph, store, 'facts-key', contentHash));
    searchGraph(graph, classifier, second.memo);
    expect(second.reused.size).toBe(0);
  });
});

describe('a planted cross-module.json', () => {
  it('is ignored: a warm run still finds the cross-module capability', async () => {
    const directory = copyEvasion('constant-elsewhere');
    const cold = await warmAndUncached(directory);
    const file = path.join(directory, 'node_modules/.cache/tki/cross-module.json');
    const sealed = readFileSync(file, 'utf8');
    const body = JSON.parse(sealed.slice(sealed.indexOf('\n') + 1)) as SavedCrossModule;
    expect(body.kept.some((entry) => entry.findings.length > 0)).toBe(true);
    // The same key and shape, every result emptied, without the user's secret.
    const planted: SavedCrossModule = { ...body, kept: body.kept.map((entry) => ({ ...entry, findings: [], sources: [] })) };
    writeFileSync(file, `${sealed.slice(0, sealed.indexOf('\n'))}\n${JSON.stringify(planted)}`);
    const warm = await warmAndUncached(directory);
    expect(warm.warm).toEqual(cold.warm);
    writeFileSync(file, JSON.stringify(planted));
    expect((await warmAndUncached(directory)).warm).toEqual(cold.warm);
  });
});
