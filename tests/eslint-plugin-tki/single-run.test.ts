import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin-tki/index.js';
import { EVASION_POLICY } from '../../fixtures/evasions/table.js';
import { repoRoot } from '../guard/helpers.js';

/**
 * typescript-eslint's single-run mode (inferred when `CI=true`, forced here with
 * TSESTREE_SINGLE_RUN) answers a second parse of the same file, as in `eslint --fix`'s later
 * passes, with an isolated program: no resolution, no current directory. The checker throws on
 * some queries there (TypeScript computes a module specifier against an undefined base), so the
 * rules must treat that program as no type information and run the syntactic detector.
 */
const ROOT = path.join(repoRoot, 'fixtures/evasions');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');

function eslint(typed: boolean): ESLint {
  const parserOptions = typed ? { project: [TSCONFIG], tsconfigRootDir: ROOT } : {};
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions } },
    { files: ['**/*.ts'], ...(plugin.configs.strict as Linter.Config), settings: { tki: { policy: EVASION_POLICY, root: ROOT } } },
  ];
  return new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config, ignore: false });
}

function messages(results: ESLint.LintResult[]): string[] {
  return results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'} ${message.message}`)).sort();
}

describe('single-run mode: a second parse of the same file', () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TSESTREE_SINGLE_RUN;
    process.env.TSESTREE_SINGLE_RUN = 'true';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TSESTREE_SINGLE_RUN;
    else process.env.TSESTREE_SINGLE_RUN = saved;
  });

  it('runs the syntactic detector on the isolated program instead of throwing', async () => {
    const files = ['cross-module/class-inheritance/tool.ts', 'fs.ts', 'eval-indirect.ts', 'create-require.ts', 'fs-open-alias.ts'].map((file) => path.join(ROOT, file));
    const typed = eslint(true);
    const first = messages(await typed.lintFiles(files));
    // The same files again in the same process: typescript-eslint now hands out isolated programs.
    const second = messages(await typed.lintFiles(files));
    const syntactic = messages(await eslint(false).lintFiles(files));
    expect(second.filter((line) => line.includes('fatal'))).toEqual([]);
    expect(syntactic.length).toBeGreaterThan(0);
    expect(second).toEqual(syntactic);
    // The first pass was typed: it sees what the syntax alone cannot (here, more than it).
    expect(first.length).toBeGreaterThan(syntactic.length);
  });
});
