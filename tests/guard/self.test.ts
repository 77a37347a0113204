import { describe, expect, it } from 'vitest';
import { guardDirectory, repoRoot } from './helpers.js';

/** SPEC matrix #19: tki-guard over this project's real tree, with its strict policy, finds nothing. */
describe('tki-guard over this project (SPEC matrix #19)', () => {
  it('reports no violation in the real tree', async () => {
    const run = await guardDirectory(repoRoot, { input: { kind: 'project', tsconfig: 'tsconfig.json' } });
    expect(run.policyFile).toMatch(/tki\.policy\.json$/);
    expect(run.result.stats.files).toBeGreaterThan(50);
    expect(run.result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.capability ?? ''} ${finding.message}`)).toEqual([]);
    // The default run is typed (a tsconfig is given): it builds the program, as long as `tsc --noEmit`.
  }, 300_000);
});
