import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { runGuard } from '../../guard/run.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 20 (`child20-load-env-file-in-sibling`, `child20-lookalike-load-env-file-other-keys`):
 * `process.loadEnvFile(placed)` is an `env-file` reference the guard reads, as `--env-file` is (choice 97):
 * one naming `NODE_OPTIONS` is UNANALYZED in whichever module loads it, one naming other keys is nothing.
 */
const factsOf = (text: string) => analyzeSourceFile(parseSourceText('/p/lib/a.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.cjs' });
const LOAD = "process.loadEnvFile(require('node:path').join(__dirname, 'child.env'));\n";
const START = "require('node:child_process').execSync('node clean.cjs', { cwd: __dirname });\n";

describe('a placed env-file load is a reference, not a per-file load', () => {
  it.each([
    ['`path.join(__dirname, …)`', LOAD],
    ['a template under `__dirname`', 'process.loadEnvFile(`${__dirname}/child.env`);\n'],
    ['a destructured member', "const { loadEnvFile } = process;\nloadEnvFile(__dirname + '/child.env');\n"],
  ])('%s', (_name, code) => {
    const facts = factsOf(code);
    expect(facts.references.filter((reference) => reference.kind === 'env-file').map((reference) => reference.specifier)).toEqual(['./child.env']);
  });
  it('the child started beside it is not UNANALYZED for the load', () => {
    expect(factsOf(`${LOAD}${START}`).findings.filter((finding) => finding.capability === 'UNANALYZED')).toEqual([]);
  });
  it.each([
    ['a working-directory path', "process.loadEnvFile('child.env');\n"],
    ['no path (`./.env` of the working directory)', 'process.loadEnvFile();\n'],
  ])('%s stays a per-file load: the child is UNANALYZED', (_name, load) => {
    const facts = factsOf(`${load}${START}`);
    expect(facts.references.some((reference) => reference.kind === 'env-file')).toBe(false);
    expect(facts.findings.map((finding) => finding.capability)).toContain('UNANALYZED');
  });
});

describe('the guard reads the loaded file, in whichever module loads it', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-envload20j-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const project = (name: string, env: string): string => {
    const dir = path.join(root, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true, noEmit: true }, files: ['entry.cjs'] }));
    writeFileSync(path.join(dir, 'child.env'), env);
    writeFileSync(path.join(dir, 'setup.cjs'), LOAD);
    writeFileSync(path.join(dir, 'clean.cjs'), "console.log('clean');\n");
    writeFileSync(path.join(dir, 'entry.cjs'), `require('./setup.cjs');\n${START}`);
    return dir;
  };
  const unanalyzed = async (cwd: string): Promise<string[]> => {
    const run = await runGuard({ input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd, cache: false, depcruise: false, typed: false });
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    return run.value.result.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.file);
  };
  it('the row: a sibling loads a file naming NODE_OPTIONS', async () => {
    expect(await unanalyzed(project('options', 'NODE_OPTIONS=--require ./pre.cjs\n'))).toContain('setup.cjs');
  });
  it('NODE_PATH in the file counts too', async () => {
    expect(await unanalyzed(project('path', 'NODE_PATH=/tmp\n'))).toContain('setup.cjs');
  });
  it('the look-alike: a file naming other keys is nothing', async () => {
    expect(await unanalyzed(project('other', 'RT20_MODE=quiet\n'))).toEqual([]);
  });
});

/**
 * An env-file load the guard cannot read (dotenv, `process.loadEnvFile()`) in any module of the process
 * reaches every Node child started in it (choice 97); a computed key stays per file.
 */
describe('a startup variable written in a sibling reaches the child', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-envwrite20j-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = async (name: string, setup: string, typed = false): Promise<string[]> => {
    const dir = path.join(root, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true, noEmit: true }, files: ['entry.cjs'] }));
    writeFileSync(path.join(dir, 'setup.cjs'), setup);
    writeFileSync(path.join(dir, 'clean.cjs'), "console.log('clean');\n");
    writeFileSync(path.join(dir, 'entry.cjs'), `require('./setup.cjs');\n${START}`);
    const result = await runGuard({ input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd: dir, cache: false, depcruise: false, typed });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.result.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.file);
  };
  it.each([
    ['dotenv loaded in the sibling', "require('dotenv').config();\n"],
    ['an env file of the working directory', "process.loadEnvFile();\n"],
  ])('%s', async (_name, setup) => expect(await run(_name.replace(/\W+/g, '-'), setup)).toContain('entry.cjs'));
  it('typed mode too', async () => expect(await run('typed', "require('dotenv/config');\n", true)).toContain('entry.cjs'));
  it.each([
    ['a folded key that is not a startup variable', "process.env['RT20_' + 'MODE'] = 'quiet';\n"],
    ['env only read', 'console.log(process.env[process.argv[2]]);\n'],
    // A computed key stays per file (choice 97): folded to one value only, a key built from `RT20`/`MODE` would be judged too.
    ['a computed key in the sibling', "const key = ['RT20', 'MODE'].join(process.pid > 0 ? '_' : '-');\nprocess.env[key] = 'x';\n"],
  ])('look-alike: %s', async (_name, setup) => expect(await run(`clean-${_name.replace(/\W+/g, '-')}`, setup)).toEqual([]));
});
