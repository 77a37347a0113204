import { cpSync, mkdirSync, mkdtempSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOLUTION_TABLE, type ResolutionRow } from '../../fixtures/resolve/table.js';
import { findingKeys, guardDirectory, repoRoot } from '../guard/helpers.js';

function prepare(row: ResolutionRow): string {
  const copy = mkdtempSync(path.join(tmpdir(), `tki-resolve-${row.directory}-`));
  cpSync(path.join(repoRoot, 'fixtures/resolve', row.directory), copy, { recursive: true });
  for (const [from, to] of Object.entries(row.setup?.rename ?? {})) renameSync(path.join(copy, from), path.join(copy, to));
  for (const [link, target] of Object.entries(row.setup?.symlinks ?? {})) {
    mkdirSync(path.dirname(path.join(copy, link)), { recursive: true });
    symlinkSync(target, path.join(copy, link));
  }
  return copy;
}

describe('fixtures/resolve: resolution divergences and real layouts', () => {
  it.each(RESOLUTION_TABLE.map((row) => [row.directory, row] as const))('%s', async (_directory, row) => {
    const copy = prepare(row);
    const input = row.project === undefined ? { kind: 'paths' as const, paths: row.paths ?? ['.'] } : { kind: 'project' as const, tsconfig: row.project };
    const run = await guardDirectory(copy, { input, deps: row.deps ?? false, depcruise: false });
    expect(findingKeys(run)).toEqual([...row.expected].sort());
    const transitive = run.result.findings.find((finding) => finding.ruleId === 'transitive-capability');
    if (row.witness !== undefined) expect(transitive?.witness).toEqual(row.witness);
    if (row.note !== undefined) expect(transitive?.message).toContain(row.note);
  });

  it('accepts an UNANALYZED dependency file only through an explicit policy grant', async () => {
    const row = RESOLUTION_TABLE.find((candidate) => candidate.directory === 'unparsable-dependency') as ResolutionRow;
    const { policyConfigSchema } = await import('../../policy/schema.js');
    const policy = policyConfigSchema.parse({ grants: [{ files: ['node_modules/broken-helper/index.js'], capabilities: ['UNANALYZED'], reason: 'reviewed by hand' }] });
    const run = await guardDirectory(prepare(row), { input: { kind: 'paths', paths: ['app.js'] }, deps: true, depcruise: false, policy });
    expect(findingKeys(run)).toEqual([]);
  });
});
