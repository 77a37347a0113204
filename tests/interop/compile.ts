import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import commonjsPlugin from '@rollup/plugin-commonjs';
import * as esbuild from 'esbuild';
import { VERSION as ROLLUP_VERSION, rollup, type Plugin } from 'rollup';
import ts from 'typescript';
import webpack from 'webpack';

/**
 * Compiles the libraries of fixtures/interop with the real tools (pinned devDependencies) into
 * CommonJS, the way a package ships them. Everything runs in-process; webpack compiles all
 * libraries in one run per mode (about a second each).
 */
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/interop');

/** What each library must reach, compiled or not. */
export const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  reader: ['FILES_READ'],
  'reader-namespace': ['FILES_READ'],
  writer: ['FILES_READ', 'FILES_WRITE'],
  spawner: ['EXEC'],
  sockets: ['NETWORK'],
};

export interface Compiled {
  /** `tool variant`, e.g. `tsc 6.0.3 esModuleInterop`. */
  readonly build: string;
  readonly library: string;
  readonly text: string;
}

const esmLibraries = (): string[] => readdirSync(path.join(FIXTURES, 'esm')).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3));
const cjsLibraries = (): string[] => readdirSync(path.join(FIXTURES, 'cjs')).map((name) => name.slice(0, -4));
const esmSource = (library: string): string => path.join(FIXTURES, 'esm', `${library}.js`);
const cjsSource = (library: string): string => path.join(FIXTURES, 'cjs', `${library}.cjs`);

// The plugin's types describe its CommonJS build; imported as an ES module, the default export is the function.
const commonjs = ((commonjsPlugin as { default?: unknown }).default ?? commonjsPlugin) as () => Plugin;
/** tsc's variants: the folder names of the committed output, and the build labels. */
const TSC_VARIANTS: ReadonlyArray<readonly [folder: string, label: string, options: ts.CompilerOptions]> = [
  ['esModuleInterop', 'esModuleInterop', { esModuleInterop: true }],
  ['no-esModuleInterop', 'no esModuleInterop', { esModuleInterop: false }],
  ['importHelpers', 'importHelpers (tslib)', { esModuleInterop: true, importHelpers: true }],
];

function compileTsc(): Compiled[] {
  return TSC_VARIANTS.flatMap(([, label, options]) =>
    esmLibraries().map((library) => {
      const { outputText } = ts.transpileModule(readFileSync(esmSource(library), 'utf8'), {
        fileName: `${library}.ts`,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, ...options },
      });
      return { build: `tsc ${ts.version} ${label}`, library, text: outputText };
    }),
  );
}

/**
 * Older tsc output (5.6, whose `__importStar` predates 5.7's), committed by
 * scripts/interop/gen-tsc-fixtures.mjs: a second `typescript` in node_modules would take over
 * `.bin/tsc`. Every library of esm/ must be there, so a new library cannot skip it.
 */
function committedTsc(): Compiled[] {
  const folders = readdirSync(FIXTURES).filter((name) => name.startsWith('tsc-'));
  return folders.flatMap((folder) =>
    TSC_VARIANTS.flatMap(([variant, label]) =>
      esmLibraries().map((library) => ({ build: `tsc ${folder.slice(4)} ${label}`, library, text: readFileSync(path.join(FIXTURES, folder, variant, `${library}.cjs`), 'utf8') })),
    ),
  );
}

async function compileEsbuild(): Promise<Compiled[]> {
  const out: Compiled[] = [];
  for (const library of esmLibraries()) {
    const contents = readFileSync(esmSource(library), 'utf8');
    for (const extension of ['js', 'mjs']) {
      const transformed = await esbuild.transform(contents, { format: 'cjs', sourcefile: `${library}.${extension}`, loader: 'js' });
      out.push({ build: `esbuild ${esbuild.version} transform .${extension}`, library, text: transformed.code });
      const bundled = await esbuild.build({ stdin: { contents, sourcefile: `${library}.${extension}`, resolveDir: FIXTURES }, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
      out.push({ build: `esbuild ${esbuild.version} bundle .${extension}`, library, text: bundled.outputFiles[0]?.text ?? '' });
    }
  }
  return out;
}

const isBuiltin = (id: string): boolean => /^(node:)?(fs|fs\/promises|child_process|net)$/.test(id);

async function compileRollup(): Promise<Compiled[]> {
  const out: Compiled[] = [];
  const inputs = [...esmLibraries().map((library) => [library, esmSource(library)] as const), ...cjsLibraries().map((library) => [library, cjsSource(library)] as const)];
  for (const [library, input] of inputs) {
    const modes: ReadonlyArray<'default' | 'auto' | 'compat' | 'esModule' | 'defaultOnly'> = library === 'reader-namespace' ? ['default', 'auto', 'compat', 'esModule', 'defaultOnly'] : ['default', 'auto', 'compat', 'esModule'];
    const bundle = await rollup({ input, external: isBuiltin, plugins: [commonjs()], onwarn: () => undefined });
    for (const interop of modes) {
      const { output } = await bundle.generate({ format: 'cjs', exports: 'auto', interop });
      out.push({ build: `rollup ${ROLLUP_VERSION} interop ${interop}${input.endsWith('.cjs') ? ' (commonjs plugin)' : ''}`, library, text: output[0].code });
    }
    await bundle.close();
  }
  return out;
}

const WEBPACK_VERSION = webpack.version;

function compileWebpackMode(mode: 'development' | 'production', dir: string): Promise<Compiled[]> {
  const entry: Record<string, string> = {};
  for (const library of esmLibraries()) entry[`esm-${library}`] = esmSource(library);
  for (const library of cjsLibraries()) entry[`cjs-${library}`] = cjsSource(library);
  return new Promise((resolve, reject) => {
    webpack({ entry, mode, target: 'node', devtool: false, optimization: { minimize: false }, output: { path: dir, filename: `${mode}-[name].js`, library: { type: 'commonjs2' } } }, (error, stats) => {
      if (error !== null && error !== undefined) return reject(error);
      if (stats?.hasErrors() === true) return reject(new Error(stats.toString('errors-only')));
      resolve(
        Object.keys(entry).map((name) => ({
          build: `webpack ${WEBPACK_VERSION} ${mode} ${name.startsWith('cjs-') ? 'CommonJS source' : 'ES module source'}`,
          library: name.replace(/^(esm|cjs)-/, ''),
          text: readFileSync(path.join(dir, `${mode}-${name}.js`), 'utf8'),
        })),
      );
    });
  });
}

async function compileWebpack(): Promise<Compiled[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tki-interop-webpack-'));
  try {
    return [...(await compileWebpackMode('development', dir)), ...(await compileWebpackMode('production', dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every library through every tool and variant. */
export async function compileAll(): Promise<Compiled[]> {
  return [...compileTsc(), ...committedTsc(), ...(await compileEsbuild()), ...(await compileRollup()), ...(await compileWebpack())];
}

/** The sources themselves, as the baseline each compiled form must equal. */
export function sources(): Compiled[] {
  return [
    ...esmLibraries().map((library) => ({ build: 'source (ES module)', library, text: readFileSync(esmSource(library), 'utf8') })),
    ...cjsLibraries().map((library) => ({ build: 'source (CommonJS)', library, text: readFileSync(cjsSource(library), 'utf8') })),
  ];
}
