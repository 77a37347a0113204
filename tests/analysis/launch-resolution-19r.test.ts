/**
 * Issue #10/#11, session 19 (choice 87): a Node child started with resolution settings the guard
 * does not model (`--conditions`, `-C`, `--preserve-symlinks`, `NODE_PATH`, `NODE_PRESERVE_SYMLINKS=1`,
 * in every place a child gets them) is UNANALYZED, its entry still followed; and a `process.env` key
 * the program computes is folded by the one folder (choice 77), or fails closed for a Node child of
 * the same file. Each setting is shown to change what Node 20 itself loads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { entries, followed } from './entries/entry-facts.js';

const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\nconst pre = path.join(__dirname, 'pre.cjs');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const SHELL_START = "cp.execSync('node job.cjs', { cwd: __dirname });";
/** A Node child of the same file that resolves as the project does. */
const PLAIN_START = `cp.fork(${JOB});`;

function unanalyzedReasons(text: string): string[] {
  const facts = analyzeSourceFile(parseSourceText('src/entry.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'src/entry.cjs' });
  return facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);
}

describe('a Node child with resolution options the guard does not model: UNANALYZED, the entry still followed', () => {
  it.each([
    ['--conditions=x in a shell line', "cp.execSync('node --conditions=rt19 job.cjs', { cwd: __dirname });"],
    ['-C x in a shell line', "cp.execSync('node -C rt19 job.cjs', { cwd: __dirname });"],
    ['--conditions x in argv', `cp.spawnSync(process.execPath, ['--conditions', 'rt19', ${JOB}]);`],
    ['--conditions in NODE_OPTIONS (a prefix)', "cp.execSync('NODE_OPTIONS=--conditions=rt19 node job.cjs', { cwd: __dirname });"],
    ['--conditions in execArgv', `cp.fork(${JOB}, [], { execArgv: ['--conditions=rt19'] });`],
    ['--conditions in the env option', `cp.fork(${JOB}, [], { env: { ...process.env, NODE_OPTIONS: '-C rt19' } });`],
    ['a condition the syntax cannot read', `cp.spawnSync(process.execPath, ['--conditions=' + process.argv[2], ${JOB}]);`],
    ['--preserve-symlinks', `cp.spawnSync(process.execPath, ['--preserve-symlinks', ${JOB}]);`],
    ['--preserve-symlinks-main', "cp.execSync('node --preserve-symlinks-main job.cjs', { cwd: __dirname });"],
    ['--experimental-policy', "cp.execSync('node --experimental-policy policy.json job.cjs', { cwd: __dirname });"],
  ])('%s', (_name, start) => {
    expect(entries(`${CJS}${start}`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(unanalyzedReasons(`${CJS}${start}`).some((reason) => reason.includes('choice 87'))).toBe(true);
  });

  it.each([
    ['a condition Node resolves with already', "cp.execSync('node --conditions=require job.cjs', { cwd: __dirname });"],
    ['-C node', `cp.spawnSync(process.execPath, ['-C', 'node', ${JOB}]);`],
    ['`default`', `cp.fork(${JOB}, [], { execArgv: ['--conditions=default'] });`],
    ['no resolution option at all', "cp.execSync('node --no-warnings job.cjs', { cwd: __dirname });"],
  ])('negative control: %s', (_name, start) => {
    expect(entries(`${CJS}${start}`)).toEqual(followed('./job.cjs'));
  });
});

describe('a Node child given NODE_PATH or NODE_PRESERVE_SYMLINKS=1: UNANALYZED', () => {
  it.each([
    ['a shell prefix', "cp.execSync('NODE_PATH=./lib node job.cjs', { cwd: __dirname });"],
    ['an export before it', "cp.execSync('export NODE_PATH=./lib; node job.cjs', { cwd: __dirname });"],
    ['an assignment then `export NAME`', "cp.execSync('NODE_PATH=./lib; export NODE_PATH; node job.cjs', { cwd: __dirname });"],
    ['env in a shell line', "cp.execSync('env NODE_PRESERVE_SYMLINKS=1 node job.cjs', { cwd: __dirname });"],
    ['the prefix on the shell that starts node', "cp.execSync(`NODE_PATH=./lib sh -c 'node job.cjs'`, { cwd: __dirname });"],
    ['env in argv', `cp.spawnSync('env', ['NODE_PATH=./lib', 'node', ${JOB}]);`],
    ['the env option', `cp.fork(${JOB}, [], { env: { ...process.env, NODE_PATH: path.join(__dirname, 'lib') } });`],
    ['the env option, NODE_PRESERVE_SYMLINKS', `cp.spawn(process.execPath, [${JOB}], { env: { NODE_PRESERVE_SYMLINKS: '1' } });`],
    ['written into process.env', `process.env.NODE_PATH = path.join(__dirname, 'lib');\n${PLAIN_START}`],
    ['Reflect.set into process.env', `Reflect.set(process.env, 'NODE_PRESERVE_SYMLINKS', '1');\n${PLAIN_START}`],
    ['a folded key into process.env', `process.env['NODE_' + 'PATH'] = 'lib';\n${PLAIN_START}`],
  ])('%s', (_name, start) => {
    const found = entries(`${CJS}${start}`);
    expect(found.unanalyzed).toBe(true);
    expect(found.edges).toEqual(['./job.cjs']);
    expect(unanalyzedReasons(`${CJS}${start}`).some((reason) => reason.includes('choice 87'))).toBe(true);
  });

  it.each([
    ['an empty NODE_PATH', "cp.execSync('NODE_PATH= node job.cjs', { cwd: __dirname });"],
    ['NODE_PRESERVE_SYMLINKS=0 (Node compares with 1)', `cp.fork(${JOB}, [], { env: { ...process.env, NODE_PRESERVE_SYMLINKS: '0' } });`],
    ['another variable', "cp.execSync('NODE_ENV=production node job.cjs', { cwd: __dirname });"],
  ])('negative control: %s', (_name, start) => {
    expect(entries(`${CJS}${start}`)).toEqual(followed('./job.cjs'));
  });

  it('negative control: NODE_PATH on a line that starts no Node', () => {
    expect(entries(`${CJS}cp.execSync('NODE_PATH=./lib git status', { cwd: __dirname });`).unanalyzed).toBe(false);
  });
});

describe('process.env keys the program computes: the one fold (choice 77), reads and writes', () => {
  it.each([
    ['`+`', "process.env['NODE_' + 'OPTIONS'] = `--require ${pre}`;"],
    ['a template', "process.env[`NODE_${'OPTIONS'}`] = `--require ${pre}`;"],
    ['`.join`', "process.env[['NODE', 'OPTIONS'].join('_')] = `--require ${pre}`;"],
    ['a const holding the key', "const key = 'NODE_' + 'OPT' + 'IONS';\nprocess.env[key] = `--require ${pre}`;"],
    ['`+=` on a folded key', "process.env['NODE_' + 'OPTIONS'] += ` --require ${pre}`;"],
  ])('a write under %s is NODE_OPTIONS: its preload is an entry', (_name, write) => {
    expect(entries(`${CJS}${write}\n${SHELL_START}`)).toEqual(followed('./pre.cjs', './job.cjs'));
  });

  it('a read under a folded key is the parent\'s own NODE_OPTIONS handed on: nothing of this module', () => {
    const text = `${CJS}cp.fork(${JOB}, [], { env: { ...process.env, NODE_OPTIONS: process.env['NODE_' + 'OPTIONS'] ?? '' } });`;
    expect(entries(text)).toEqual(followed('./job.cjs'));
  });

  it.each([
    ['a parameter', "function set(k, v) { process.env[k] = v; }\nset(process.argv[2], process.argv[3]);"],
    ['data read at run time', "process.env[process.argv[2]] = process.argv[3];"],
    ['Reflect.set', 'Reflect.set(process.env, process.argv[2], process.argv[3]);'],
  ])('a key that does not fold (%s), and a Node child of the same file: UNANALYZED, the entry followed', (_name, write) => {
    const text = `${CJS}${write}\n${PLAIN_START}`;
    expect(entries(text)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(unanalyzedReasons(text).some((reason) => reason.includes('cannot fold'))).toBe(true);
  });

  it('negative control: a key that does not fold in a file that starts no Node child', () => {
    expect(unanalyzedReasons("function set(k, v) { process.env[k] = v; }\nmodule.exports = set;")).toEqual([]);
  });

  it('negative control: a folded key that names no judged variable', () => {
    expect(entries(`${CJS}const key = 'PA' + 'TH';\nprocess.env[key] = '/usr/bin';\n${PLAIN_START}`)).toEqual(followed('./job.cjs'));
  });

  it('negative control: a child given an environment of its own does not inherit the write', () => {
    expect(entries(`${CJS}process.env[process.argv[2]] = '1';\ncp.fork(${JOB}, [], { env: { PATH: '/usr/bin' } });`)).toEqual(followed('./job.cjs'));
  });
});

describe('Node 20 itself: each setting makes the child load another file', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-resolution-19r-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const evil = (marker: string): string => `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n`;
  /** A folder for one setting; true when the child started with `args`/`env` ran the marked file. */
  function loadsOther(name: string, files: Record<string, string>, args: readonly string[], env: Record<string, string> = {}): { withSetting: boolean; without: boolean } {
    const folder = path.join(root, name);
    const marker = path.join(folder, 'ran');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), text.replace('EVIL', evil(marker)));
    }
    const run = (withSetting: boolean): boolean => {
      rmSync(marker, { force: true });
      spawnSync(process.execPath, withSetting ? [...args, 'clean.cjs'] : ['clean.cjs'], { cwd: folder, env: { PATH: process.env['PATH'] ?? '', ...(withSetting ? env : {}) } });
      return existsSync(marker);
    };
    return { withSetting: run(true), without: run(false) };
  }

  it('--conditions / -C / NODE_OPTIONS=--conditions pick another export of the self-referenced package', () => {
    const files = { 'package.json': '{ "name": "rt19", "exports": { ".": { "rt19": "./evil.cjs", "default": "./ok.cjs" } } }', 'clean.cjs': "require('rt19');", 'evil.cjs': 'EVIL', 'ok.cjs': '' };
    expect(loadsOther('conditions', files, ['--conditions=rt19'])).toEqual({ withSetting: true, without: false });
    expect(loadsOther('conditions-short', files, ['-C', 'rt19'])).toEqual({ withSetting: true, without: false });
    expect(loadsOther('conditions-env', files, [], { NODE_OPTIONS: '--conditions=rt19' })).toEqual({ withSetting: true, without: false });
  });

  it('NODE_PATH finds a bare name in another folder', () => {
    const files = { 'clean.cjs': "try { require('rt19dep'); } catch {}", 'lib/rt19dep/index.js': 'EVIL' };
    expect(loadsOther('node-path', files, [], { NODE_PATH: './lib' })).toEqual({ withSetting: true, without: false });
  });

  it('--preserve-symlinks / NODE_PRESERVE_SYMLINKS=1 look a linked file\'s `./dep.cjs` up beside the link', () => {
    const files = { 'clean.cjs': "require('./link.cjs');", 'dep.cjs': 'EVIL', 'sub/target.cjs': "require('./dep.cjs');", 'sub/dep.cjs': '' };
    const make = (name: string): void => {
      mkdirSync(path.join(root, name), { recursive: true });
      symlinkSync('sub/target.cjs', path.join(root, name, 'link.cjs'));
    };
    make('symlinks');
    make('symlinks-env');
    expect(loadsOther('symlinks', files, ['--preserve-symlinks'])).toEqual({ withSetting: true, without: false });
    expect(loadsOther('symlinks-env', files, [], { NODE_PRESERVE_SYMLINKS: '1' })).toEqual({ withSetting: true, without: false });
  });

  it("a computed process.env key reaches the child as NODE_OPTIONS", () => {
    const folder = path.join(root, 'computed-key');
    mkdirSync(folder, { recursive: true });
    const marker = path.join(folder, 'ran');
    writeFileSync(path.join(folder, 'pre.cjs'), evil(marker));
    writeFileSync(path.join(folder, 'job.cjs'), '');
    writeFileSync(path.join(folder, 'entry.cjs'), "process.env[['NODE', 'OPTIONS'].join('_')] = '--require ./pre.cjs';\nrequire('node:child_process').execFileSync(process.execPath, ['job.cjs'], { cwd: __dirname });\n");
    spawnSync(process.execPath, ['entry.cjs'], { cwd: folder, env: { PATH: process.env['PATH'] ?? '' } });
    expect(existsSync(marker)).toBe(true);
  });
});
