import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";

describe('the working directory a child is given places its relative entry', () => {
  it('spawn(node, [relative], { cwd: anchored })', () => {
    expect(entries(`${CJS}cp.spawn('node', ['server.cjs'], { cwd: path.join(__dirname, 'app') });`)).toEqual(followed('./app/server.cjs'));
  });
  it('fork(relative, { cwd: __dirname }) and its relative --require', () => {
    expect(entries(`${CJS}cp.fork('./child.cjs', [], { cwd: __dirname, execArgv: ['-r', './hook.cjs'] });`)).toEqual(followed('./child.cjs', './hook.cjs'));
  });
  it('exec(node line, { cwd })', () => {
    expect(entries(`${CJS}cp.exec('node jobs/x.cjs', { cwd: __dirname });`)).toEqual(followed('./jobs/x.cjs'));
  });
  it('a cwd the syntax cannot place leaves a relative entry unplaced', () => {
    expect(entries(`${CJS}export const run = (dir) => cp.fork('./child.cjs', [], { cwd: dir });`, 'src/entry.mjs')).toEqual(failsClosed);
    expect(entries(`${CJS}cp.fork('./child.cjs', [], { cwd: process.cwd() });`)).toEqual(failsClosed);
  });
  it('an anchored entry ignores the cwd', () => {
    expect(entries(`${CJS}export const run = (dir) => cp.fork(path.join(__dirname, 'child.cjs'), [], { cwd: dir });`, 'src/entry.mjs')).toEqual(followed('./child.cjs'));
  });
});

describe('argument lists', () => {
  it("the parent's own execArgv spread first is not the child's entry", () => {
    expect(entries(`${CJS}cp.spawn(process.execPath, [...process.execArgv, path.join(__dirname, 'child.cjs')]);`)).toEqual(followed('./child.cjs'));
  });
  it('a const array of arguments', () => {
    expect(entries(`${CJS}const args = ['--no-warnings', path.join(__dirname, 'child.cjs')];\ncp.spawn(process.execPath, args);`)).toEqual(followed('./child.cjs'));
  });
  it('any other spread fails closed', () => {
    expect(entries(`${CJS}export const run = (more) => cp.spawn(process.execPath, [...more, path.join(__dirname, 'child.cjs')]);`, 'src/entry.mjs')).toEqual(failsClosed);
  });
});

describe('TypeScript runners start Node too', () => {
  it('tsx, ts-node and npx tsx', () => {
    expect(entries(`${CJS}cp.spawn('tsx', [path.join(__dirname, 'child.ts')]);`)).toEqual(followed('./child.ts'));
    expect(entries(`${CJS}cp.execFileSync('npx', ['ts-node', path.join(__dirname, 'child.ts')]);`)).toEqual(followed('./child.ts'));
    expect(entries(`${CJS}cp.execSync('npx tsx scripts/seed.ts');`)).toEqual(failsClosed);
  });
  it('npx of another tool is not', () => {
    expect(entries(`${CJS}cp.execFileSync('npx', ['prettier', '--write', path.join(__dirname, 'x.ts')]);`)).toEqual(untouched);
  });
});

describe('other spellings', () => {
  it('Reflect.apply(cp.fork, cp, [file])', () => {
    expect(entries(`${CJS}Reflect.apply(cp.fork, cp, [path.join(__dirname, 'child.cjs')]);`)).toEqual(followed('./child.cjs'));
  });
  it('import.meta.resolve of a relative file', () => {
    const text = "import { Worker } from 'node:worker_threads';\nnew Worker(new URL(import.meta.resolve('./jobs/x.mjs')));";
    expect(entries(text, 'src/entry.mjs')).toEqual(followed('./jobs/x.mjs'));
  });
});

describe('compiled CommonJS (tsc output with esModuleInterop)', () => {
  const compile = (source: string): string =>
    ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  it('follows fork, spawn and Worker through the interop helpers', () => {
    const source = [
      "import * as cp from 'node:child_process';",
      "import { spawn } from 'child_process';",
      "import path from 'node:path';",
      "import { Worker } from 'node:worker_threads';",
      "cp.fork(path.join(__dirname, 'a.js'));",
      "spawn(process.execPath, [path.join(__dirname, 'b.js')]);",
      "new Worker(path.join(__dirname, 'c.js'));",
    ].join('\n');
    expect(entries(compile(source), 'dist/entry.js')).toEqual(followed('./a.js', './b.js', './c.js'));
  });
  it('a compiled local fork is still not an entry', () => {
    expect(entries(compile("export function fork(file: string) { return file; }\nfork(process.argv[2] ?? '');"), 'dist/entry.js')).toEqual(untouched);
  });
});
