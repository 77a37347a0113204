import { realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../policy/zod-jitless.js';
import { analyzeSourceFile } from '../../analysis/syntax/index.js';
import { createNullCache } from '../../guard/cache/store.js';
import { buildGraph } from '../../guard/graph/build.js';
import { createResolver } from '../../guard/resolve/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { filesNodeLoads, materialize } from './load-oracle.js';
import { treeArbitrary, type Tree } from './tree-arbitrary.js';

/**
 * The differential test of the resolver against Node itself: for random trees, every file Node
 * evaluates when it runs the entry must be among the files the guard's graph analyzes (with
 * `--deps`, so that packages count). A fixed seed keeps CI reproducible; scripts/differential.sh
 * runs many more cases with fresh seeds.
 */
const RUNS = Number(process.env['TKI_DIFFERENTIAL_RUNS'] ?? 150);
const seedSetting = process.env['TKI_DIFFERENTIAL_SEED'] ?? '20261205';
const SEED = seedSetting === 'random' ? Date.now() % 2 ** 31 : Number(seedSetting);

async function filesGuardAnalyzes(root: string, entry: string): Promise<Set<string>> {
  const graph = await buildGraph({
    root,
    entries: [path.join(root, entry)],
    policy: { ...RECOMMENDED_POLICY, ignore: [] },
    detect: analyzeSourceFile,
    resolver: createResolver({ tsconfig: null }),
    cache: createNullCache(),
    deps: true,
    jobs: 1,
  });
  if (!graph.ok) throw new Error(`guard tool error: ${JSON.stringify(graph.error)}`);
  return new Set([...graph.value.modules.keys()].map((file) => realpathSync(file)));
}

function describeTree(tree: Tree): string {
  return JSON.stringify({ entry: tree.entry, files: Object.fromEntries(tree.files), manifests: Object.fromEntries(tree.manifests) }, null, 1);
}

describe('resolution against Node (load oracle)', () => {
  it(`analyzes every file Node loads, over ${RUNS} random trees (seed ${SEED})`, async () => {
    let specifiers = 0;
    let loads = 0;
    await fc.assert(
      fc.asyncProperty(treeArbitrary, async (tree) => {
        const root = materialize(tree);
        try {
          const loaded = await filesNodeLoads(root, tree.entry);
          const analyzed = await filesGuardAnalyzes(root, tree.entry);
          const missed = loaded.filter((file) => !analyzed.has(file)).map((file) => path.relative(root, file));
          specifiers += [...tree.files.values()].reduce((sum, references) => sum + references.length, 0);
          loads += loaded.length;
          if (missed.length > 0) throw new Error(`Node loaded ${missed.join(', ')}, which the guard did not analyze, in:\n${describeTree(tree)}`);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    process.stdout.write(`differential: ${RUNS} trees, ${specifiers} references, ${loads} files loaded by Node, seed ${SEED}\n`);
    // The generator must exercise the resolver, not only trees where nothing loads.
    expect(specifiers).toBeGreaterThan(RUNS * 8);
    expect(loads).toBeGreaterThan(RUNS * 2);
  }, Math.max(600_000, RUNS * 4_000));
});
