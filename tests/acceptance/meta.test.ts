import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_GROUPS, CHECKS } from './checks/index.js';
import { MATRIX } from './matrix.js';

/** One row, one check: a row without a check or a check without a row fails here. */
describe('the acceptance matrix and its checks', () => {
  it('has rows 1..45, each once', () => {
    expect(MATRIX.map((row) => row.number)).toEqual(Array.from({ length: 45 }, (_, index) => index + 1));
  });

  it('binds every row to a check', () => {
    expect(MATRIX.filter((row) => !CHECKS.has(row.number)).map((row) => row.number)).toEqual([]);
  });

  it('has no check without a row', () => {
    const rows = new Set(MATRIX.map((row) => row.number));
    expect([...CHECKS.keys()].filter((number) => !rows.has(number))).toEqual([]);
  });

  it('binds no row twice', () => {
    const claimed = CHECK_GROUPS.flatMap((group) => Object.keys(group).map(Number));
    expect(claimed.filter((number, index) => claimed.indexOf(number) !== index)).toEqual([]);
  });

  it('names inputs for every row but the deferred one, and every source input exists', () => {
    const repoRoot = path.resolve(import.meta.dirname, '../..');
    expect(MATRIX.filter((row) => row.inputs.length === 0).map((row) => row.number)).toEqual([32]);
    const files = MATRIX.flatMap((row) => row.inputs.filter((input) => !/^(probe|sandbox):/.test(input) && !input.startsWith('dist/')).map((input) => `${row.number} ${input}`));
    expect(files.filter((entry) => !existsSync(path.join(repoRoot, entry.slice(entry.indexOf(' ') + 1))))).toEqual([]);
  });

  it('marks exactly rows 24–37 as real-sandbox rows, and only row 32 as deferred', () => {
    expect(MATRIX.filter((row) => row.realSandbox).map((row) => row.number)).toEqual(Array.from({ length: 14 }, (_, index) => index + 24));
    expect(MATRIX.filter((row) => row.proof.includes('deferred')).map((row) => row.number)).toEqual([32]);
  });
});
