import { rmSync } from 'node:fs';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../eslint-plugin-tki/index.js';
import { BUILTIN_MODULE_ROWS, PACKAGE_ROWS, RECOMMENDED_POLICY, classifyModule } from '../policy/index.js';
import type { BenchModule, BenchResult } from './types.js';
import { copyDateFns, type Corpus } from './corpus.js';
import { median } from './stats.js';

/**
 * ESLint with `tki.configs.recommended` vs ESLint with core `no-restricted-imports` denying the
 * same builtins and packages: same files (the ESM sources of date-fns from node_modules, locales
 * left out to keep a round short), same parser, same process, rounds interleaved, medians compared.
 */
const ROUNDS = 5;

/** The names the recommended policy denies, bare and `node:`, as `no-restricted-imports` paths. */
function deniedNames(): string[] {
  const builtins = BUILTIN_MODULE_ROWS.filter((row) => classifyModule(row.specifier, RECOMMENDED_POLICY).capabilities.length > 0).flatMap((row) =>
    row.prefixOnly ? [row.specifier] : [row.specifier, row.specifier.slice('node:'.length)],
  );
  return [...builtins, ...PACKAGE_ROWS.filter((row) => !row.name.endsWith('/*')).map((row) => row.name)];
}

type Parser = 'typescript-eslint' | 'espree';

function eslintFor(parser: Parser, rules: 'tki' | 'core', cwd: string): ESLint {
  const languageOptions: Linter.LanguageOptions =
    parser === 'espree' ? { sourceType: 'module', ecmaVersion: 'latest' } : { sourceType: 'module', parser: tseslint.parser as Linter.Parser };
  // date-fns carries disable comments for rules neither side runs.
  const base: Linter.Config = { files: ['**/*.js'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' } };
  // The preset names typescript-eslint's parser; the parser under test is put back after it, as a
  // user who lints with espree writes it (before, the "espree" row ran the tki side on typescript-eslint).
  const config: Linter.Config =
    rules === 'tki' ? { ...base, ...(plugin.configs.recommended as Linter.Config), languageOptions } : { ...base, rules: { 'no-restricted-imports': ['error', { paths: deniedNames() }] } };
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [config], cache: false });
}

async function lintAll(eslint: ESLint, files: string[]): Promise<{ ms: number; messages: number }> {
  const started = performance.now();
  const results = await eslint.lintFiles(files);
  const ms = performance.now() - started;
  // A parse error or an unmatched file would make the comparison meaningless.
  const broken = results.flatMap((result) => result.messages.filter((message) => message.ruleId === null).map((message) => `${result.filePath}: ${message.message}`));
  if (broken.length > 0) throw new Error(broken[0]);
  return { ms, messages: results.reduce((sum, result) => sum + result.messages.length, 0) };
}

async function compare(parser: Parser, corpus: Corpus): Promise<BenchResult> {
  const tki = eslintFor(parser, 'tki', corpus.directory);
  const core = eslintFor(parser, 'core', corpus.directory);
  // One warm-up each: module loading and JIT are not what we measure.
  await lintAll(tki, corpus.files);
  await lintAll(core, corpus.files);
  const tkiTimes: number[] = [];
  const coreTimes: number[] = [];
  let findings = { tki: 0, core: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate which side goes first so drift in machine load hits both.
    const order = round % 2 === 0 ? (['core', 'tki'] as const) : (['tki', 'core'] as const);
    for (const side of order) {
      const run = await lintAll(side === 'tki' ? tki : core, corpus.files);
      (side === 'tki' ? tkiTimes : coreTimes).push(run.ms);
      findings = { ...findings, [side]: run.messages };
    }
  }
  const tkiMedian = median(tkiTimes);
  const coreMedian = median(coreTimes);
  return {
    name: `eslint-plugin-tki recommended vs no-restricted-imports (${parser})`,
    ratio: tkiMedian / coreMedian,
    target: 1.5,
    details: {
      files: corpus.files.length,
      rounds: ROUNDS,
      tki_median_ms: Math.round(tkiMedian),
      core_median_ms: Math.round(coreMedian),
      tki_findings: findings.tki,
      core_findings: findings.core,
      peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    },
  };
}

export const bench: BenchModule = {
  title: 'eslint-plugin-tki: cost over the core rule, date-fns from node_modules',
  async run(): Promise<BenchResult[]> {
    const corpus = copyDateFns('tki-bench-eslint-', { locales: false });
    try {
      return [await compare('typescript-eslint', corpus), await compare('espree', corpus)];
    } finally {
      rmSync(corpus.directory, { recursive: true, force: true });
    }
  },
};
