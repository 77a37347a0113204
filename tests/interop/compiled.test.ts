import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText, type FileFacts } from '../../analysis/syntax/index.js';
import { CAPABILITY_NAMES, RECOMMENDED_POLICY } from '../../policy/index.js';
import { typedProject } from '../analysis/typed-program.js';
import { pluginEslint } from '../eslint-plugin-tki/lint-helper.js';
import { EXPECTED, compileAll, sources, type Compiled } from './compile.js';

/**
 * Each fixture library compiled to CommonJS by tsc (6.0 and 5.6, with and without
 * esModuleInterop, with tslib), esbuild, rollup (every interop mode, the commonjs plugin) and
 * webpack (development and production) must reach exactly what its source reaches: the read-only
 * library FILES_READ, the writer FILES_WRITE, the spawner EXEC, the socket library NETWORK.
 */
const compiled = await compileAll();
const cases = compiled.map((entry) => [`${entry.build}: ${entry.library}`, entry] as const);
const fileName = (entry: Compiled, index: number): string => `compiled/${index}-${entry.library}.cjs`;

const syntactic = (entry: Compiled): FileFacts => analyzeSourceFile(parseSourceText(`lib/${entry.library}.cjs`, entry.text), { policy: RECOMMENDED_POLICY, relativePath: `lib/${entry.library}.cjs` });

describe('the fixture sources', () => {
  it.each(sources().map((entry) => [`${entry.build}: ${entry.library}`, entry] as const))('%s', (_, entry) => {
    expect(syntactic(entry).reached).toEqual(EXPECTED[entry.library]);
  });
});

describe('compiled to CommonJS, syntactic mode (tki-guard on paths, the plugin without types)', () => {
  it('covers every tool', () => {
    const tools = new Set(compiled.map((entry) => entry.build.split(' ')[0]));
    expect([...tools].sort()).toEqual(['esbuild', 'rollup', 'tsc', 'webpack']);
    expect(compiled.filter((entry) => entry.text.includes('__importStar(')).length).toBeGreaterThan(0);
    expect(compiled.filter((entry) => entry.text.includes('__toESM(')).length).toBeGreaterThan(0);
    expect(compiled.filter((entry) => entry.text.includes('_interopNamespace')).length).toBeGreaterThan(0);
    expect(compiled.filter((entry) => entry.text.includes('__webpack_require__.n(')).length).toBeGreaterThan(0);
    expect(compiled.filter((entry) => entry.text.includes('tslib_1.__importStar(')).length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (_, entry) => {
    expect(syntactic(entry).reached).toEqual(EXPECTED[entry.library]);
  });
});

describe('compiled to CommonJS, typed mode (allowJs program)', () => {
  const project = typedProject(Object.fromEntries(compiled.map((entry, index) => [fileName(entry, index), entry.text])));
  afterAll(() => project.dispose());

  it.each(compiled.map((entry, index) => [`${entry.build}: ${entry.library}`, entry, index] as const))('%s', (_, entry, index) => {
    expect(project.typed(fileName(entry, index)).reached).toEqual(EXPECTED[entry.library]);
  });
});

describe('compiled to CommonJS, the ESLint plugin', () => {
  const eslint = pluginEslint({});
  const capabilitiesIn = (messages: ReadonlyArray<{ message: string }>): string[] =>
    [...new Set(messages.flatMap((message) => CAPABILITY_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(message.message))))].sort();

  it.each(cases)('%s', async (_, entry) => {
    const [result] = await eslint.lintText(entry.text, { filePath: `lib/${entry.library}.js` });
    expect(result?.messages.filter((message) => message.fatal === true)).toEqual([]);
    expect(capabilitiesIn(result?.messages ?? [])).toEqual(EXPECTED[entry.library]);
  });
});
