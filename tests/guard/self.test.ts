import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../guard/index.js';
import { judgeRun } from '../../guard/report/judge.js';
import { repoRoot } from './helpers.js';

/**
 * SPEC matrix #19: tki-guard over this project's real tree, as `npm run guard` runs it (the
 * tsconfig's files and the JavaScript under its `include`, strict level, suppressions applied),
 * finds nothing and leaves no suppression unused.
 */
describe('tki-guard over this project (SPEC matrix #19)', () => {
  it('reports no violation in the real tree', async () => {
    const options = parseCliArgs(['--project', 'tsconfig.json', '--level', 'strict', '--no-cache', '--no-baseline']);
    if (!options.ok) throw new Error(options.error.code);
    const judged = await judgeRun(options.value, repoRoot);
    if (!judged.ok) throw new Error(`tool error: ${JSON.stringify(judged.error)}`);
    const { verdict, policyFile } = judged.value;
    expect(policyFile).toMatch(/tki\.policy\.json$/);
    expect(verdict.result.stats.files).toBeGreaterThan(50);
    // JavaScript outside the program (no allowJs) is analyzed too: scripts/*.mjs are inputs.
    expect(verdict.result.modules.some((module) => module.file.endsWith('.mjs'))).toBe(true);
    expect(verdict.result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.capability ?? ''} ${finding.message}`)).toEqual([]);
    expect(verdict.suppressionNotes).toEqual([]);
    // The default run is typed (a tsconfig is given): it builds the program, as long as `tsc --noEmit`.
  }, 600_000);
});
