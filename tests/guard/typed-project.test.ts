import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createTypedProject } from '../../guard/facts/typed-project.js';
import { guardDirectory, findingKeys, repoRoot } from './helpers.js';

/** tsc's own view: which of the program's files are modules, by TypeScript's createProgram. */
function modulesByTsc(tsconfig: string): Map<string, boolean> {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return new Map(program.getSourceFiles().filter((file) => !file.isDeclarationFile).map((file) => [path.resolve(file.fileName), ts.isExternalModule(file)]));
}

/** The guard's view: the same question asked of the program the typed guard analyzes. */
function modulesByGuard(tsconfig: string): Map<string, boolean> {
  const program = createTypedProject(tsconfig).getProgram().compilerObject;
  return new Map(program.getSourceFiles().filter((file) => !file.isDeclarationFile).map((file) => [path.resolve(file.fileName), ts.isExternalModule(file as unknown as ts.SourceFile)]));
}

function project(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-typed-project-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

// `moduleDetection: auto` (TypeScript 6 forces modules by default), so that formats decide and scripts exist.
const NODENEXT = JSON.stringify({ compilerOptions: { module: 'nodenext', moduleDetection: 'auto', target: 'es2022', strict: true, allowJs: true, types: [] }, include: ['**/*'] });

describe('the typed guard sees the program tsc sees (module format of every file)', () => {
  it('treats .mts/.cts/.mjs/.cjs files and "type": "module" .ts files without imports as modules, as tsc does', () => {
    const directory = project({
      'package.json': '{"type":"module"}',
      'tsconfig.json': NODENEXT,
      'esm.ts': 'const clients = 1;\nconsole.log(clients);\n',
      'a.mts': 'async function* clients() { yield 1; }\nconsole.log(clients);\n',
      'b.cts': 'function clients() { return 2; }\nconsole.log(clients);\n',
      'c.mjs': 'const clients = 3;\nconsole.log(clients);\n',
      'd.cjs': 'var clients = 4;\nconsole.log(clients);\n',
      'legacy/package.json': '{"type":"commonjs"}',
      'legacy/script.ts': 'const shared = 5;\nconsole.log(shared);\n',
    });
    const tsconfig = path.join(directory, 'tsconfig.json');
    const guard = modulesByGuard(tsconfig);
    expect(guard).toEqual(modulesByTsc(tsconfig));
    // Not vacuous: both kinds occur (a CommonJS `.ts` without imports is a script to tsc as well).
    expect(guard.get(path.join(directory, 'a.mts'))).toBe(true);
    expect(guard.get(path.join(directory, 'esm.ts'))).toBe(true);
    expect(guard.get(path.join(directory, 'legacy/script.ts'))).toBe(false);
  });

  it('agrees with tsc on every file of the red-team fixtures program', () => {
    const tsconfig = path.join(repoRoot, 'fixtures/evasions/tsconfig.json');
    const guard = modulesByGuard(tsconfig);
    expect(guard.size).toBeGreaterThan(200);
    expect(guard).toEqual(modulesByTsc(tsconfig));
  }, 300_000);

  it('does not let one module\'s top-level names type another module\'s references (red team round 6)', async () => {
    const directory = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, lib: ['es2022', 'dom'], types: [] }, files: ['lookalike.mts', 'control.mts'] }),
      'lookalike.mts': "async function* clients() {\n  yield { fetch: (u: string) => u.length };\n}\nfor await (const c of clients()) console.log(c.fetch('x'));\n",
      'control.mts': "async function* clients() {\n  yield globalThis;\n}\nfor await (const c of clients()) void c.fetch('http://127.0.0.1:59999/');\n",
    });
    const run = await guardDirectory(directory, { input: { kind: 'project', tsconfig: path.join(directory, 'tsconfig.json') } });
    const keys = findingKeys(run);
    expect(keys.some((key) => key.startsWith('control.mts:4 ') && key.endsWith(' NETWORK'))).toBe(true);
    expect(keys.filter((key) => key.startsWith('lookalike.mts'))).toEqual([]);
  }, 120_000);
});
