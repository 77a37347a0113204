import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin-tki/index.js';
import { analyzeSourceFile, parseSourceText, type JsxSettings } from '../../analysis/syntax/index.js';
import { cacheKey } from '../../guard/cache/store.js';
import { runGuard } from '../../guard/run.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 18 (`jsx18-tsconfig-*`): a tsconfig's `jsxFactory` / `jsxFragmentFactory` is called for
 * every element and fragment (`jsxFactory: "fetch"` makes `<u.url />` a `fetch(u.url, null)`), yet only
 * pragmas were read. The guard hands the tsconfig's settings to the detector, which judges the named entity
 * as a pragma's (choice 83). And `jsx18-lookalike-pragma-words-in-string`: words in a string are no pragma.
 */
const capabilitiesOf = (text: string, jsx?: JsxSettings, file = 'lib/a.tsx'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file, ...(jsx === undefined ? {} : { jsx }) }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string, JsxSettings, readonly string[]];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));
const H = 'const h = (tag: any, _props: unknown, ...children: unknown[]): any => tag(...children);\n';

describe("the tsconfig's JSX factories are called by every element or fragment", () => {
  each([
    ['the row: `jsxFactory: "fetch"`', "const u = { url: 'http://127.0.0.1:59999/' };\nexport const e = <u.url />;", { factory: 'fetch' }, ['NETWORK']],
    ['the row: `jsxFactory: "eval"`', "const c = { code: '1' };\nexport const e = <c.code />;", { factory: 'eval' }, ['DYNAMIC_CODE']],
    ['the row: `jsxFactory: "Function"`', "const c = { code: '1' };\nexport const e = <c.code />;", { factory: 'Function' }, ['DYNAMIC_CODE']],
    ['the row: `jsxFactory: "require"`', "const m = { name: 'node:net' };\nexport const e = <m.name />;", { factory: 'require' }, ['UNANALYZED']],
    ['the row: `jsxFactory: "globalThis.fetch"`', "const u = { url: 'x' };\nexport const e = <u.url />;", { factory: 'globalThis.fetch' }, ['UNANALYZED']],
    ['the row: `jsxFragmentFactory: "fetch"` with a local factory', `${H}export const e = <>{'http://127.0.0.1:59999/'}</>;`, { factory: 'h', fragmentFactory: 'fetch' }, ['NETWORK']],
    ['`jsxFactory` naming an imported namespace', "import * as net from 'node:net';\nexport const e = <a />;", { factory: 'net.connect' }, ['NETWORK']],
    ['a pragma naming `fetch` over a local setting', `/** @jsx fetch */\n${H}export const e = <a />;`, { factory: 'h' }, ['NETWORK']],
  ] as Row[])('%s', (_name, [, code, jsx, expected]) => expect(capabilitiesOf(code, jsx)).toEqual([...expected].sort()));
});

describe('factories that name a local, or that a pragma overrides, use nothing', () => {
  each([
    ['`jsxFactory: "h"`, a local function', `${H}export const e = <b />;`, { factory: 'h' }, []],
    ['a local `@jsx h` over `jsxFactory: "fetch"`', `/** @jsx h */\n${H}export const e = <b />;`, { factory: 'fetch' }, []],
    ['`jsxFragmentFactory: "fetch"` in a file with no fragment', `${H}export const e = <b />;`, { factory: 'h', fragmentFactory: 'fetch' }, []],
    ['`jsxFactory: "fetch"` in a file with no JSX', 'export const n = 1;', { factory: 'fetch' }, []],
  ] as Row[])('%s', (_name, [, code, jsx, expected]) => expect(capabilitiesOf(code, jsx)).toEqual([...expected].sort()));
});

describe("a pragma's words in a literal are no pragma", () => {
  each([
    ['the row: a string', `/** @jsx h */\n${H}const note = 'configure with @jsx fetch';\nexport const e = [note, <b />];`, {}, []],
    ['a template literal', `/** @jsx h */\n${H}const note = \`@jsx fetch\`;\nexport const e = [note, <b />];`, {}, []],
    ['JSX text', `/** @jsx h */\n${H}export const e = <p>@jsx fetch</p>;`, {}, []],
    ['a template head', `/** @jsx h */\n${H}const n = 1;\nexport const e = [\`@jsxFrag fetch \${n}\`, <></>];`, {}, []],
  ] as Row[])('%s', (_name, [, code, jsx, expected]) => expect(capabilitiesOf(code, jsx)).toEqual([...expected].sort()));
  it('a pragma in a later comment still counts (Babel reads every comment)', () => {
    expect(capabilitiesOf(`${H}const note = 'h';\n// @jsx fetch\nexport const e = [note, <b />];`)).toEqual(['NETWORK']);
  });
});

describe('the guard hands the tsconfig to the detector', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-jsx19s-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react', jsxFactory: 'fetch', strict: true, noEmit: true }, files: ['entry.tsx'] }));
  writeFileSync(path.join(root, 'entry.tsx'), "const u = { url: 'http://127.0.0.1:59999/' };\nexport const e: unknown = <u.url />;\n");

  it.each([['--fast', false], ['typed', true]] as const)('%s: `jsxFactory: "fetch"` reaches NETWORK', async (_mode, typed) => {
    const run = await runGuard({ input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd: root, cache: false, depcruise: false, typed });
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.result.findings.map((finding) => finding.capability)).toContain('NETWORK');
  });

  it('the plugin with types reads the same setting from the program', async () => {
    const config: Linter.Config[] = [
      { files: ['**/*.tsx'], languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: root } } },
      { files: ['**/*.tsx'], ...(plugin.configs.strict as Linter.Config), settings: { tki: { policy: RECOMMENDED_POLICY } } },
    ];
    const [result] = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, ignore: false }).lintFiles(['entry.tsx']);
    expect(result?.messages.map((message) => message.message).join('\n')).toMatch(/`fetch` reaches NETWORK/);
  });

  it('facts cached under other JSX settings are not reused', () => {
    expect(cacheKey(RECOMMENDED_POLICY, { factory: 'fetch' })).not.toBe(cacheKey(RECOMMENDED_POLICY, { factory: 'h' }));
  });
});
