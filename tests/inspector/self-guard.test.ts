import { describe, expect, it } from 'vitest';
import { runGuard } from '../../guard/index.js';

/**
 * Issue 4: the inspector's own source passes the whole-program guard (row 19: no false positive
 * on the clean tree), and only the two edge modules declare actions.
 */
describe('the inspector tree under tki-guard', () => {
  it('has no finding, and only the read and write edges declare actions', async () => {
    const run = await runGuard({ input: { kind: 'paths', paths: ['src'] }, cwd: process.cwd(), cache: false, depcruise: false });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.result.findings).toEqual([]);
    const declaring = run.value.result.modules.filter((module) => module.allowedActions.length > 0).map((module) => [module.file, module.allowedActions]);
    expect(declaring.sort()).toEqual([
      ['src/io/packet-reader.ts', ['READ_PACKET_ITEM']],
      ['src/io/report-writer.ts', ['WRITE_LOCAL_REPORT']],
    ]);
  });
});
