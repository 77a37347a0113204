import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClosure } from '../../scripts/pack/closure.js';

/**
 * Every module the `tki-guard` bin loads takes TypeScript's value through policy/typescript.cts
 * (require, and the V8 code cache the bin fills: guard/cache/typescript-code-cache.cts). One value
 * import of `typescript` through the ES module loader makes Node 20.19 and later run its module
 * format detection and the CommonJS export lexer over all 9 MB of `typescript.js` in every run:
 * 0.5 CPU-s of a warm one-file-edit run of 1.2 (bench/guard.ts's corpus, session 9). Type-only
 * imports are erased and cost nothing.
 *
 * OPEN lists the modules known to still do it (in analysis/, whose owners switch them to
 * `import ts from '../../policy/typescript.cjs'`): the test fails on a new one, and on a fixed one
 * left in the list, so a fix is visible.
 */
const OPEN: string[] = [];

const root = path.resolve(import.meta.dirname, '../..');

/** An emitted `import … from 'typescript'` (tsc drops type-only ones) or a literal `import('typescript')`. */
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^;'"]*?\bfrom\s*['"]typescript['"]|\bimport\(\s*['"]typescript['"]\s*\)/m;

describe('the tki-guard bin never loads TypeScript through the ES module loader', () => {
  it('no module of its closure imports the `typescript` package directly', () => {
    // The bin's bundle (scripts/pack/bundle-guard.ts) and the modules it was made from, which ship beside it.
    const closure = importClosure(root, ['dist/guard/cli.js', 'dist/guard/index.js'], false);
    // Not vacuous: the closure holds the analysis and the policy's TypeScript entry.
    expect(closure.files).toEqual(expect.arrayContaining(['dist/analysis/syntax/index.js', 'dist/policy/typescript.cjs', 'dist/guard/load/declaration-as-script.js']));
    const direct = closure.files.filter((file) => file.endsWith('.js') && VALUE_IMPORT.test(readFileSync(path.join(root, file), 'utf8')));
    expect(direct).toEqual(OPEN);
  });

  it('the pattern sees a value import and ignores a type-only one', () => {
    expect(VALUE_IMPORT.test("import ts from 'typescript';\n")).toBe(true);
    expect(VALUE_IMPORT.test("const ts = await import('typescript');\n")).toBe(true);
    expect(VALUE_IMPORT.test("import ts from '../../policy/typescript.cjs';\n")).toBe(false);
    expect(VALUE_IMPORT.test("import type ts from 'typescript';\n")).toBe(false);
    expect(VALUE_IMPORT.test("import { SyntaxKind } from 'typescript';\n")).toBe(true);
  });
});
