/**
 * Issue #10, "Precision on real code": the BUILT tki-guard on the entry files of popular npm packages (as
 * pinned by package-lock.json), scored per package and capability category against the hand-checked ground
 * truth in fixtures/precision/packages. The bar: recall 100 %, precision ≥ 97 %. Disagreements known today
 * are listed, each with its reason, in fixtures/precision/expected-to-fail.ts.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAR_MET_TODAY, EXPECTED_TO_FAIL_TODAY } from '../../fixtures/precision/expected-to-fail.js';
import { isScoredCapability, loadGroundTruth, type PackageTruth, type ScoredCapability } from './ground-truth.js';
import { runGuardOnPackage, type GuardAnswer } from './run-guard.js';
import { disagreementKeys, scorePackage, totals, type PackageScore } from './score.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixtureDir = path.join(repoRoot, 'fixtures/precision');
const truths = loadGroundTruth(path.join(fixtureDir, 'packages'));
const PARALLEL_RUNS = 2;

describe('tki-guard precision and recall on npm packages (fixtures/precision)', () => {
  const answers = new Map<string, GuardAnswer>();
  let scores: PackageScore[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist/guard/cli.js'))) throw new Error('dist/guard/cli.js is missing: run `npm run build` first');
    const queue = [...truths];
    const worker = async (): Promise<void> => {
      for (let truth = queue.shift(); truth !== undefined; truth = queue.shift()) {
        answers.set(truth.package, await runGuardOnPackage(repoRoot, truth, path.join(fixtureDir, 'tki.policy.json')));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
    scores = truths.map((t) => scorePackage(t.package, truthCategories(t), answers.get(t.package)?.found ?? []));
    printTable(scores);
  }, 1_200_000); // 97 guard processes: ~2 min on a quiet 2-core machine, 8–10 min at load 24

  it('covers at least 35 packages, each pinned at its installed version, with evidence that points at real lines', () => {
    expect(truths.length).toBeGreaterThanOrEqual(35);
    for (const truth of truths) {
      const dir = path.join(repoRoot, 'node_modules', truth.package);
      const installed = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      expect(installed, `${truth.package}: the ground truth was written for ${truth.version}`).toBe(truth.version);
      expect(truth.entries.length, `${truth.package}: no entry files`).toBeGreaterThan(0);
      for (const entry of truth.entries) expect(existsSync(path.join(dir, entry)), `${truth.package}/${entry}`).toBe(true);
      const places = [...Object.values(truth.capabilities).map((e) => e.at), ...truth.notCapabilities.map((n) => n.at)];
      for (const at of places) expect(lineExists(realpathSync(dir), at), `${truth.package}: ${at} is not a line of the package`).toBe(true);
      for (const name of Object.keys(truth.capabilities)) expect(isScoredCapability(name), `${truth.package}: ${name}`).toBe(true);
    }
  });

  it('disagrees with the ground truth exactly where the open list says', () => {
    const today = scores.flatMap(disagreementKeys).sort();
    const listed = Object.keys(EXPECTED_TO_FAIL_TODAY).sort();
    expect(today.filter((k) => !listed.includes(k)), 'new disagreements (a regression, or a ground-truth error)').toEqual([]);
    expect(listed.filter((k) => !today.includes(k)), 'listed disagreements that no longer happen (fixed: remove them)').toEqual([]);
  });

  it(`recall 100 % and precision ≥ 97 % overall (met today: ${String(BAR_MET_TODAY)})`, () => {
    const t = totals(scores);
    const met = t.recall === 1 && t.precision >= 0.97;
    expect(met, `recall ${pct(t.recall)}, precision ${pct(t.precision)}; update BAR_MET_TODAY when this changes`).toBe(BAR_MET_TODAY);
  });
});

function truthCategories(truth: PackageTruth): ScoredCapability[] {
  return Object.keys(truth.capabilities).filter(isScoredCapability);
}

function lineExists(packageDir: string, at: string): boolean {
  const match = /^(.+):(\d+)$/.exec(at);
  if (match === null) return false;
  const file = path.join(packageDir, match[1] ?? '');
  if (!existsSync(file)) return false;
  const lines = readFileSync(file, 'utf8').split('\n');
  return Number(match[2]) >= 1 && Number(match[2]) <= lines.length;
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

function printTable(scores: readonly PackageScore[]): void {
  const rows = scores.map((s) => [
    s.name.padEnd(20),
    s.truePositives.join(',').padEnd(44),
    s.extras.map((c) => `+${c}`).join(' ').padEnd(30),
    s.misses.map((c) => `-${c}`).join(' '),
  ].join(' '));
  const t = totals(scores);
  console.log([
    `${'package'.padEnd(20)} ${'agreed'.padEnd(44)} ${'false extras'.padEnd(30)} misses`,
    ...rows,
    `${scores.length} packages: ${t.truePositives} agreed, ${t.extras} false extras, ${t.misses} misses; precision ${pct(t.precision)}, recall ${pct(t.recall)}`,
  ].join('\n'));
}
