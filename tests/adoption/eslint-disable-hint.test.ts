import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin-tki/index.js';
import { tkiRulesDisabledBy } from '../../guard/suppress/eslint-disable.js';

/**
 * ESLint honours `// eslint-disable-next-line tki/<rule>`; the guard does not (one suppression
 * comment of tki's own serves both). So the guard says why it still fails where ESLint is quiet:
 * one hint per file, at its first such comment, counted in the JSON and in the SARIF.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-eslint-disable-hint-'));
const cache = path.join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES: Readonly<Record<string, string>> = {
  'package.json': '{"name":"hint","type":"module"}',
  'src/disabled.ts': [
    '// eslint-disable-next-line tki/no-forbidden-capability -- legacy runner',
    "import { execFile } from 'node:child_process';",
    "execFile('ls');",
    '/* eslint-disable-next-line no-console, tki/no-dynamic-code */',
    "console.log(eval('1'));",
    '',
  ].join('\n'),
  // A disable comment for other rules, and one inside a string: no hint.
  'src/other.ts': ['// eslint-disable-next-line no-console', 'console.log(1);', "export const text = '// eslint-disable-next-line tki/no-dynamic-code';", ''].join('\n'),
};

for (const [file, text] of Object.entries(FILES)) {
  mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  writeFileSync(path.join(work, file), text);
}

function guard(...args: string[]): { stdout: string; status: number | null } {
  const run = spawnSync(process.execPath, [path.join(root, 'dist/guard/cli.js'), '--cache-location', cache, ...args, 'src'], { cwd: work, encoding: 'utf8' });
  return { stdout: run.stdout, status: run.status };
}

const HINT =
  'src/disabled.ts:1:1  hint: tki-guard does not read `eslint-disable-next-line tki/no-forbidden-capability` (and 1 more in this file), so ESLint is quiet and the guard is not; accept a finding in both with `// tki-allow-next-line no-forbidden-capability -- <reason>` on the line above it';

describe('eslint-disable comments naming tki rules', () => {
  it('are read with ESLint’s grammar: directive, comma list, description after --', () => {
    expect(tkiRulesDisabledBy(' eslint-disable-next-line tki/no-dynamic-code -- why')).toEqual({ directive: 'eslint-disable-next-line', rules: ['no-dynamic-code'] });
    expect(tkiRulesDisabledBy(' eslint-disable no-console,tki/no-exit-zero , tki/no-raw-sql ')).toEqual({ directive: 'eslint-disable', rules: ['no-exit-zero', 'no-raw-sql'] });
    expect(tkiRulesDisabledBy(' eslint-disable-line tki/no-dynamic-code')).toEqual({ directive: 'eslint-disable-line', rules: ['no-dynamic-code'] });
    for (const body of [' eslint-disable-next-line no-console -- not tki/no-dynamic-code', ' eslint-enable tki/no-dynamic-code', ' eslint-disabled tki/no-dynamic-code', ' eslint-disable-next-line tki/', ' see eslint-disable tki/no-dynamic-code']) {
      expect({ body, read: tkiRulesDisabledBy(body) }).toEqual({ body, read: null });
    }
  });

  it('ESLint is quiet on them; the guard still fails and says why, once per file, cold and warm', async () => {
    const eslint = new ESLint({ cwd: work, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config, { rules: { 'no-console': 'error' } }] });
    const [result] = await eslint.lintFiles(['src/disabled.ts']);
    expect(result?.messages.map((message) => `${message.ruleId} ${message.message}`)).toEqual([]);
    for (const round of ['cold', 'warm']) {
      const text = guard();
      expect({ round, status: text.status }).toEqual({ round, status: 1 });
      const lines = text.stdout.split('\n');
      expect(lines.filter((line) => line.includes('hint:'))).toEqual([HINT]);
      expect(lines.filter((line) => /^src\/disabled\.ts:\d+:\d+ {2}no-/.test(line)).map((line) => line.split('  ')[1])).toEqual(['no-forbidden-capability', 'no-dynamic-code']);
    }
  });

  it('are counted in the JSON and, as notes, in the SARIF', () => {
    const json = JSON.parse(guard('--format', 'json').stdout) as { eslintDisableHints: unknown[] };
    expect(json.eslintDisableHints).toEqual([
      { file: 'src/disabled.ts', commentLine: 1, commentColumn: 1, directive: 'eslint-disable-next-line', rule: 'no-forbidden-capability', count: 2, message: HINT.slice('src/disabled.ts:1:1  '.length) },
    ]);
    const sarif = JSON.parse(guard('--format', 'sarif').stdout) as { runs: [{ invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; descriptor?: { id: string }; locations: unknown[] }> }] }] };
    const [invocation] = sarif.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications.map((note) => [note.level, note.descriptor?.id])).toEqual([['note', 'eslint-disable-not-read']]);
    expect(invocation.toolExecutionNotifications[0]?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'src/disabled.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } } }]);
  });
});
