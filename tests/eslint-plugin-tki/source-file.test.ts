import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import type ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin-tki/index.js';
import { sourceFileOf } from '../../eslint-plugin-tki/util/index.js';

/** A probe rule that records the ts.SourceFile the plugin would analyze, and what the parser built. */
function probe(seen: Array<{ analyzed: ts.SourceFile; parsed: unknown }>): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        Program(node) {
          const sourceCode = context.sourceCode as unknown as Parameters<typeof sourceFileOf>[0];
          const map = (context.sourceCode.parserServices as { esTreeNodeToTSNodeMap?: { get(node: unknown): unknown } }).esTreeNodeToTSNodeMap;
          seen.push({ analyzed: sourceFileOf(sourceCode, context.filename), parsed: map?.get(node) });
        },
      };
    },
  };
}

describe('the ts.SourceFile the rules analyze', () => {
  it('is the one typescript-eslint built, not a second parse', () => {
    const seen: Array<{ analyzed: ts.SourceFile; parsed: unknown }> = [];
    new Linter().verify(
      'export const a = 1;',
      [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser }, plugins: { probe: { rules: { probe: probe(seen) } } }, rules: { 'probe/probe': 'error' } }],
      'a.ts',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.parsed).toBeDefined();
    expect(seen[0]?.analyzed).toBe(seen[0]?.parsed);
  });

  it('is parsed from the text, once, for files ESLint parsed with espree', () => {
    const seen: Array<{ analyzed: ts.SourceFile; parsed: unknown }> = [];
    new Linter().verify('export const a = 1;', [{ files: ['**/*.js'], plugins: { probe: { rules: { probe: probe(seen) } } }, rules: { 'probe/probe': 'error' } }], 'a.js');
    expect(seen[0]?.parsed).toBeUndefined();
    expect(seen[0]?.analyzed.text).toBe('export const a = 1;');
  });

  it('gives espree-parsed JavaScript the same findings and positions', () => {
    const messages = new Linter().verify(
      "// a comment\nconst cp = require('node:child_process');\nexport default cp;\n",
      [{ files: ['**/*.js'], ...(plugin.configs.recommended as Linter.Config) }],
      'a.js',
    );
    expect(messages.map((message) => [message.ruleId, message.line, message.column, message.endColumn])).toEqual([
      // The binding is judged at its use (choice 34, one rule since round 15): the whole module handed on is EXEC there,
      // and a starter of Node code the syntax cannot follow (UNANALYZED, session 10).
      ['tki/no-forbidden-capability', 3, 16, 18],
      ['tki/no-forbidden-capability', 3, 16, 18],
    ]);
  });
});
