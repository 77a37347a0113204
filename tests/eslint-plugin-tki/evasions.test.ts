import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVASION_POLICY, EVASION_TABLE, typedExpectation } from '../../fixtures/evasions/table.js';
import { pluginEslint, ruleIdsOf, typedPluginEslint } from './lint-helper.js';

const root = path.resolve(import.meta.dirname, '../..');
const evasionsDir = path.join(root, 'fixtures/evasions');

describe('fixtures/evasions through eslint-plugin-tki', () => {
  const eslint = pluginEslint(EVASION_POLICY, root);

  it('has exactly one table row per fixture file (cross-module/ belongs to the guard)', () => {
    const files = (readdirSync(evasionsDir, { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('.ts') && file !== 'table.ts' && !file.startsWith('cross-module/') && !/^red-team(-\d+)?\//.test(file))
      .sort();
    expect(EVASION_TABLE.map((row) => row.file).sort()).toEqual(files);
  });

  it.each(EVASION_TABLE.map((row) => [row.file, row] as const))('%s', async (_file, row) => {
    const [result] = await eslint.lintFiles([path.join(evasionsDir, row.file)]);
    expect(result).toBeDefined();
    expect(ruleIdsOf(result!)).toEqual([...row.expected.plugin].sort());
  });

  it('reports every look-alike as clean and every evasion as something (typed; the syntactic column differs only where a row says so)', () => {
    const lookalikes = EVASION_TABLE.filter((row) => row.description.startsWith('look-alike'));
    expect(lookalikes.length).toBeGreaterThanOrEqual(10);
    for (const row of lookalikes) expect(typedExpectation(row).plugin).toEqual([]);
    for (const row of EVASION_TABLE.filter((candidate) => !candidate.description.startsWith('look-alike'))) expect(typedExpectation(row).plugin.length).toBeGreaterThan(0);
    for (const row of EVASION_TABLE.filter((candidate) => candidate.typed === undefined)) expect(row.expected.plugin.length === 0).toBe(lookalikes.includes(row));
  });
});

describe('fixtures/evasions through eslint-plugin-tki with type information (projectService)', () => {
  const eslint = typedPluginEslint(EVASION_POLICY, root);

  it.each(EVASION_TABLE.map((row) => [row.file, row] as const))('%s', async (_file, row) => {
    const [result] = await eslint.lintFiles([path.join(evasionsDir, row.file)]);
    expect(result).toBeDefined();
    expect(ruleIdsOf(result!)).toEqual([...typedExpectation(row).plugin].sort());
  });
}, 300_000);
