import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROWS, RECOMMENDED_POLICY, classifyModule } from '../../policy/index.js';
import { guardDirectory } from '../guard/helpers.js';
import { compileAll } from './compile.js';

/**
 * The whole program: tki-guard `--deps` follows a project's import into a dependency that ships
 * compiled CommonJS. The read-only library, compiled by each tool, makes its importer
 * FILES_READ, never FILES_WRITE; the writer and the spawner still carry theirs.
 */
const compiled = await compileAll();
const SHIPPED: ReadonlyArray<readonly [packageName: string, build: string, library: string]> = [
  ['reader-tsc', 'tsc 6.0.3 esModuleInterop', 'reader'],
  ['reader-tsc-old', 'tsc 5.6.3 esModuleInterop', 'reader'],
  ['reader-esbuild', 'esbuild 0.28.2 bundle .js', 'reader'],
  ['reader-rollup', 'rollup 4.69.3 interop auto', 'reader'],
  ['reader-webpack', 'webpack 5.113.0 development ES module source', 'reader'],
  ['writer-tsc', 'tsc 6.0.3 esModuleInterop', 'writer'],
  ['spawner-esbuild', 'esbuild 0.28.2 bundle .js', 'spawner'],
];

function project(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-interop-guard-'));
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
  for (const [packageName, build, library] of SHIPPED) {
    const text = compiled.find((entry) => entry.build === build && entry.library === library)?.text;
    if (text === undefined) throw new Error(`no ${build} output of ${library}`);
    const packageDirectory = path.join(directory, 'node_modules', packageName);
    mkdirSync(packageDirectory, { recursive: true });
    writeFileSync(path.join(packageDirectory, 'package.json'), JSON.stringify({ name: packageName, main: 'index.js' }));
    writeFileSync(path.join(packageDirectory, 'index.js'), text);
    mkdirSync(path.join(directory, 'src'), { recursive: true });
    writeFileSync(path.join(directory, 'src', `${packageName}.ts`), `import * as library from '${packageName}';\nexport const used = library;\n`);
  }
  return directory;
}

describe('tki-guard --deps over compiled dependencies', () => {
  const directory = project();
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('gives each importer exactly what the compiled library reaches', async () => {
    const run = await guardDirectory(directory, { deps: true });
    const capabilities = Object.fromEntries(run.result.modules.map((module) => [module.file, [...module.capabilities].sort()]));
    expect(capabilities).toEqual({
      'src/reader-tsc.ts': ['FILES_READ'],
      'src/reader-tsc-old.ts': ['FILES_READ'],
      'src/reader-esbuild.ts': ['FILES_READ'],
      'src/reader-rollup.ts': ['FILES_READ'],
      'src/reader-webpack.ts': ['FILES_READ'],
      'src/writer-tsc.ts': ['FILES_READ', 'FILES_WRITE'],
      'src/spawner-esbuild.ts': ['EXEC'],
    });
  });
});

describe('read-only packages in the policy table', () => {
  const readOnly = ['glob', 'fast-glob', 'tinyglobby', 'globby', 'chokidar', 'readdirp', 'fdir', 'klaw', 'find-up'];

  it.each(readOnly)('%s is FILES_READ only', (name) => {
    expect(classifyModule(name, RECOMMENDED_POLICY).capabilities).toEqual(['FILES_READ']);
  });

  it('every row says why', () => {
    expect(PACKAGE_ROWS.filter((row) => row.reason.trim().length < 10).map((row) => row.name)).toEqual([]);
  });
});
