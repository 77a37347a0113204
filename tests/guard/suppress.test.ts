import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { applySuppressions, parseSuppressionComment, suppressionsOf } from '../../analysis/suppress/index.js';
import { parseSourceText } from '../../analysis/syntax/index.js';
import plugin from '../../eslint-plugin-tki/index.js';
import { composeVerdict, REPORTERS } from '../../guard/index.js';
import { guardDirectory, guardFixtures } from './helpers.js';

const suppressed = path.join(guardFixtures, 'suppressed');

describe('the suppression comment', () => {
  it('reads rule, optional capability and the required reason', () => {
    expect(parseSuppressionComment(' tki-allow-next-line no-dynamic-code -- generated parser, reviewed')).toEqual({ ok: true, rule: 'no-dynamic-code', capability: null, reason: 'generated parser, reviewed' });
    expect(parseSuppressionComment(' tki-allow-next-line tki/no-forbidden-capability NETWORK -- metrics')).toMatchObject({ ok: true, rule: 'no-forbidden-capability', capability: 'NETWORK' });
    expect(parseSuppressionComment('* tki-allow-next-line depcruise/no-circular -- legacy cycle ')).toMatchObject({ ok: true, rule: 'depcruise/no-circular', reason: 'legacy cycle' });
  });

  it('refuses a suppression without a reason, a rule or with a bad capability', () => {
    expect(parseSuppressionComment(' tki-allow-next-line no-dynamic-code')).toMatchObject({ ok: false, problem: 'suppress/no_reason' });
    expect(parseSuppressionComment(' tki-allow-next-line no-dynamic-code --   ')).toMatchObject({ ok: false, problem: 'suppress/no_reason' });
    expect(parseSuppressionComment(' tki-allow-next-line -- why')).toMatchObject({ ok: false, problem: 'suppress/no_rule' });
    expect(parseSuppressionComment(' tki-allow-next-line no-dynamic-code NETWRK -- why')).toMatchObject({ ok: false, problem: 'suppress/bad_capability' });
  });

  it('is not a suppression unless the marker opens the comment', () => {
    expect(parseSuppressionComment(' see tki-allow-next-line in the docs')).toBeNull();
    expect(parseSuppressionComment(' tki-allow-next-lines x -- y')).toBeNull();
  });

  it('is found only in comments, never inside strings, templates or regular expressions', () => {
    const source = parseSourceText(
      'x.ts',
      [
        "const a = '// tki-allow-next-line no-dynamic-code -- in a string';",
        'const b = `${a}',
        '// tki-allow-next-line no-dynamic-code -- in a template',
        '`;',
        'const c = /\\/\\/ tki-allow-next-line no-dynamic-code -- re/;',
        'f(a, /* tki-allow-next-line no-raw-sql -- in a gap */ b);',
        'return; // tki-allow-next-line no-exit-zero -- trailing',
      ].join('\n'),
    );
    expect(suppressionsOf(source).suppressions.map((found) => [found.commentLine, found.rule, found.line])).toEqual([
      [6, 'no-raw-sql', 7],
      [7, 'no-exit-zero', 8],
    ]);
  });

  it('accepts exactly one finding: the first on its line with its rule and capability', () => {
    const findings = [
      { line: 2, column: 20, ruleId: 'no-forbidden-capability', capability: 'ENV' },
      { line: 2, column: 5, ruleId: 'no-forbidden-capability', capability: 'ENV' },
      { line: 2, column: 9, ruleId: 'no-forbidden-capability', capability: 'NETWORK' },
    ];
    const one = { line: 2, commentLine: 1, commentColumn: 1, rule: 'no-forbidden-capability', reason: 'r' };
    const outcome = applySuppressions(findings, [{ ...one, capability: 'ENV' }, { ...one, capability: 'EXEC' }]);
    expect(outcome.suppressed.map((entry) => entry.finding)).toEqual([findings[1]]);
    expect(outcome.kept).toEqual([findings[0], findings[2]]);
    expect(outcome.unused.map((entry) => entry.capability)).toEqual(['EXEC']);
  });
});

describe('tki-guard honours it', async () => {
  const run = await guardDirectory(suppressed, { depcruise: false });
  const verdict = composeVerdict(run.result, { level: 'strict' });
  const keys = (list: readonly { file: string; line: number; ruleId: string; capability: string | null }[]): string[] => list.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.capability ?? '-'}`).sort();

  it('accepts the suppressed findings, keeps the rest, and counts them', () => {
    expect(keys(verdict.suppressed.map((entry) => entry.finding))).toEqual([
      'src/exit.ts:2 no-exit-zero SYSTEM',
      'src/transport.ts:2 no-forbidden-capability NETWORK',
      'src/twice.ts:2 no-forbidden-capability ENV',
    ]);
    expect(verdict.suppressed.find((entry) => entry.finding.file === 'src/transport.ts')?.reason).toBe('the one module that sends metrics; reviewed with the platform team');
    expect(keys(verdict.result.findings)).toEqual([
      'src/app.ts:1 transitive-capability NETWORK',
      'src/exit.ts:3 no-exit-zero SYSTEM',
      'src/in-string.ts:3 no-dynamic-code DYNAMIC_CODE',
      'src/malformed.ts:2 no-dynamic-code DYNAMIC_CODE',
      'src/twice.ts:2 no-forbidden-capability ENV',
    ]);
    expect(REPORTERS.text(verdict, { rootUri: run.rootUri }).output).toMatch(/tki-guard: 5 findings in 7 modules \(3 suppressed\)\n$/);
    const json = JSON.parse(REPORTERS.json(verdict, { rootUri: run.rootUri }).output) as { suppressed: Array<{ reason: string }> };
    expect(json.suppressed).toHaveLength(3);
  });

  it('is not a grant: the suppressed capability still flows to the importer', () => {
    expect(verdict.result.findings.find((finding) => finding.file === 'src/app.ts')?.witness).toEqual(['src/app.ts', 'src/transport.ts', 'node:https']);
    expect(run.result.modules.find((module) => module.file === 'src/app.ts')?.capabilities).toContain('NETWORK');
  });

  it('lists malformed and unused suppressions', () => {
    expect(verdict.suppressionNotes.map((note) => `${note.file}:${note.commentLine} ${note.kind}`).sort()).toEqual(['src/malformed.ts:1 malformed', 'src/unused.ts:1 unused']);
    // At the recommended level no-exit-zero and no-raw-sql do not run, so their suppressions are not called stale.
    const recommended = composeVerdict(run.result, { level: 'recommended' });
    expect(recommended.suppressionNotes.map((note) => `${note.file} ${note.kind}`)).toEqual(['src/malformed.ts malformed']);
  });
});

describe('eslint-plugin-tki honours it', () => {
  it('drops the suppressed findings and keeps the others, as the guard does', async () => {
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      { files: ['**/*.ts'], ...(plugin.configs.strict as Linter.Config), settings: { tki: { policy: { packages: { deny: 'unlisted' } } } } },
    ];
    const eslint = new ESLint({ cwd: suppressed, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(['src']);
    const messages = results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId ?? ''}`)).sort();
    // Plus the comments the guard lists as notes: malformed.ts:1 (malformed) and unused.ts:1 (an unused no-raw-sql suppression).
    expect(messages).toEqual(['exit.ts:3 tki/no-exit-zero', 'in-string.ts:3 tki/no-dynamic-code', 'malformed.ts:1 tki/no-forbidden-capability', 'malformed.ts:2 tki/no-dynamic-code', 'twice.ts:2 tki/no-forbidden-capability', 'unused.ts:1 tki/no-raw-sql']);
  });
});
