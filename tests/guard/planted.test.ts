import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyConfigSchema } from '../../policy/schema.js';
import { findingKeys, guardDirectory, guardFixtures } from './helpers.js';

/**
 * SPEC matrix rows bound to L2: each planted violation is rejected with the right rule on the
 * right line, and a clean inspector tree has no finding at all.
 */
const PLANTED: ReadonlyArray<{ row: number; file: string; line: number; ruleId: string }> = [
  { row: 3, file: 'src/row03-verdict-token.ts', line: 4, ruleId: 'no-positive-verdict-token' },
  { row: 24, file: 'src/row24-action-outside-universe.ts', line: 2, ruleId: 'allowed-actions' },
  { row: 26, file: 'src/row26-dynamic-code.ts', line: 3, ruleId: 'no-dynamic-code' },
  { row: 26, file: 'src/row26-dynamic-code.ts', line: 6, ruleId: 'no-dynamic-code' },
  { row: 30, file: 'src/row30-db-driver.ts', line: 2, ruleId: 'no-forbidden-capability' },
  { row: 31, file: 'src/row31-raw-sql.ts', line: 2, ruleId: 'no-raw-sql' },
  { row: 38, file: 'src/row38-exit-zero.ts', line: 3, ruleId: 'no-exit-zero' },
];

describe('planted violations (fixtures/guard/planted)', async () => {
  const run = await guardDirectory(path.join(guardFixtures, 'planted'));

  it.each(PLANTED.map((planted) => [`#${planted.row} ${planted.file}:${planted.line}`, planted] as const))('rejects %s', (_name, planted) => {
    const hit = run.result.findings.find((finding) => finding.file === planted.file && finding.line === planted.line && finding.ruleId === planted.ruleId);
    expect(hit, JSON.stringify(run.result.findings, null, 2)).toBeDefined();
  });

  it('reports nothing it was not planted for', () => {
    const unexpected = run.result.findings.filter((finding) => !PLANTED.some((planted) => planted.file === finding.file && planted.line === finding.line && planted.ruleId === finding.ruleId));
    expect(unexpected).toEqual([]);
  });

  it('names the capability of a driver import (DATABASE and NETWORK)', () => {
    expect(findingKeys(run).filter((key) => key.startsWith('src/row30'))).toEqual([
      'src/row30-db-driver.ts:2 no-forbidden-capability DATABASE',
      'src/row30-db-driver.ts:2 no-forbidden-capability NETWORK',
    ]);
  });
});

describe('a clean inspector tree (fixtures/guard/clean)', () => {
  it('has no finding; the two edge modules hold exactly what their actions grant', async () => {
    const run = await guardDirectory(path.join(guardFixtures, 'clean'), { input: { kind: 'project', tsconfig: 'tsconfig.json' } });
    expect(run.result.findings).toEqual([]);
    const reader = run.result.modules.find((module) => module.file === 'src/io/packet-reader.ts');
    expect(reader).toMatchObject({ allowedActions: ['READ_PACKET_ITEM'], holds: ['FILES_READ'], capabilities: ['FILES_READ'] });
    const writer = run.result.modules.find((module) => module.file === 'src/io/report-writer.ts');
    expect(writer).toMatchObject({ allowedActions: ['WRITE_LOCAL_REPORT'], holds: ['FILES_WRITE'], capabilities: ['FILES_WRITE'] });
    const pipeline = run.result.modules.find((module) => module.file === 'src/pipeline.ts');
    expect(pipeline).toMatchObject({ allowedActions: [], holds: [], capabilities: [] });
  });
});

describe('policy ignore globs', () => {
  it('remove files from the analysis entirely', async () => {
    const policy = policyConfigSchema.parse({ inspectorFiles: ['src/**'], ignore: ['src/row3*', 'src/row0*'] });
    const run = await guardDirectory(path.join(guardFixtures, 'planted'), { policy });
    expect([...new Set(run.result.findings.map((finding) => finding.file))].sort()).toEqual(['src/row24-action-outside-universe.ts', 'src/row26-dynamic-code.ts']);
    expect(run.result.stats.files).toBe(2);
  });
});
