import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import '../../policy/zod-jitless.js';
import { runGuard, type GuardRequest, type GuardRun } from '../../guard/index.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const guardFixtures = path.join(repoRoot, 'fixtures/guard');

/** Runs the guard in-process over a directory as its own project; fails the test on a tool error. */
export async function guardDirectory(directory: string, extra: Partial<GuardRequest> = {}): Promise<GuardRun> {
  // Report paths relative to the fixture itself (the project-root rule — policy folder, else the nearest
  // package.json — has its own tests in policy-walk-up.test.ts; fixtures/package.json would prefix every path).
  const run = await runGuard({ input: { kind: 'paths', paths: ['.'] }, cwd: directory, root: directory, cache: false, ...extra });
  if (!run.ok) throw new Error(`tool error: ${JSON.stringify(run.error)}`);
  return run.value;
}

/** `file:line ruleId capability` for each finding, sorted: compact and exact. */
export function findingKeys(run: GuardRun): string[] {
  return run.result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.capability ?? '-'}`).sort();
}

/**
 * A private copy of a fixture directory, for tests that write (cache, edits, node_modules). It has
 * a `node_modules`, as an installed project does, so its cache lands in `node_modules/.cache/tki`
 * (without one the guard would use the user's cache directory: guard/load/cache-location.ts).
 */
export function copyFixture(name: string): string {
  const target = mkdtempSync(path.join(tmpdir(), `tki-guard-${name}-`));
  cpSync(path.join(guardFixtures, name), target, { recursive: true });
  mkdirSync(path.join(target, 'node_modules'), { recursive: true });
  return target;
}
