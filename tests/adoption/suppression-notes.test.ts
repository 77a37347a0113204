import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { WHOLE_PROGRAM_RULE_IDS, isKnownRule } from '../../analysis/suppress/index.js';
import plugin from '../../eslint-plugin-tki/index.js';
import { GUARD_RULES } from '../../guard/report/rules.js';

/**
 * A `tki-allow-next-line` comment that accepts nothing is named by both tools, in the same words
 * at the same place: malformed (no rule, no reason, a bad capability), an unknown rule name, and
 * a stale suppression of a rule that reported nothing there.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-suppression-notes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES: Readonly<Record<string, string>> = {
  'package.json': '{"name":"notes","type":"module"}',
  'src/no-reason.ts': "// tki-allow-next-line no-forbidden-capability\nimport { execFile } from 'node:child_process';\nexecFile('ls');\n",
  'src/notes.ts': [
    "import { execFile } from 'node:child_process';",
    '// tki-allow-next-line no-such-rule -- a typo of a rule name',
    'export const a = 1;',
    '// tki-allow-next-line no-forbidden-capability -- nothing to accept on the next line',
    'export const b = 2;',
    '// tki-allow-next-line no-forbidden-capability EXECC -- a misspelt capability',
    "execFile('ls');",
    '// tki-allow-next-line transitive-capability -- the guard judges its own rules',
    'export const c = 3;',
    '',
  ].join('\n'),
};

function notesOf(lines: readonly string[]): string[] {
  return lines.filter((line) => /suppression/.test(line)).sort();
}

describe('suppression notes: the plugin names the comments the guard names', () => {
  it('same file, line, column and words from ESLint and tki-guard', async () => {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      writeFileSync(path.join(work, file), text);
    }
    const eslint = new ESLint({ cwd: work, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });
    const results = await eslint.lintFiles(['src']);
    const fromEslint = notesOf(results.flatMap((result) => result.messages.map((message) => `${path.relative(work, result.filePath)}:${message.line}:${message.column}  ${message.message.replace(/\.$/, '')}`)));
    const guard = spawnSync(process.execPath, [path.join(root, 'dist/guard/cli.js'), '--no-cache', 'src'], { cwd: work, encoding: 'utf8' });
    // The fixture has no policy: one line says so (the defaults apply), nothing else.
    expect(guard.stderr).toBe(`tki-guard: no tki.policy.json found in ${work} or above it (up to the repository root, or an enclosing policy ignores it); the recommended defaults apply\n`);
    const fromGuard = notesOf(guard.stdout.split('\n'));
    expect(fromGuard).toEqual([
      'src/no-reason.ts:1:1  malformed suppression (accepts nothing): tki-allow-next-line no-forbidden-capability needs a reason after ` -- `',
      'src/notes.ts:2:1  unknown rule in suppression (accepts nothing): `no-such-rule` is not a tki rule',
      'src/notes.ts:4:1  unused suppression: no no-forbidden-capability finding on line 5',
      'src/notes.ts:6:1  malformed suppression (accepts nothing): `EXECC` is not one capability name',
      // transitive-capability is the guard's own rule: stale here, and only the guard can tell.
      'src/notes.ts:8:1  unused suppression: no transitive-capability finding on line 9',
    ]);
    expect(fromEslint).toEqual(fromGuard.filter((line) => !line.includes('transitive-capability')));
  });

  it('knows every rule of both tools, and dependency-cruiser’s by prefix', () => {
    expect([...WHOLE_PROGRAM_RULE_IDS].sort()).toEqual(Object.keys(GUARD_RULES).sort());
    for (const rule of [...Object.keys(plugin.rules), ...Object.keys(GUARD_RULES), 'depcruise/no-circular']) expect({ rule, known: isKnownRule(rule) }).toEqual({ rule, known: true });
    for (const rule of ['no-such-rule', 'depcruise/', 'eslint/no-console']) expect({ rule, known: isKnownRule(rule) }).toEqual({ rule, known: false });
  });
});
