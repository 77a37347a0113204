/**
 * Session 19, choice 87: `node --env-file=x` with x placed beside the code is an `env-file`
 * reference the guard reads. A file that names none of the judged variables is nothing to follow;
 * one that names one, or that is missing or outside the code's folders, stays UNANALYZED.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createResolver } from '../../guard/resolve/index.js';
import { findingKeys, guardDirectory } from '../guard/helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'tki-env-file-19r-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
function folder(files: Record<string, string>): string {
  const directory = path.join(root, String(folders++));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(directory, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return directory;
}

function resolveEnvFile(files: Record<string, string>, specifier = './rt.env'): { followed: 'nothing' | 'unresolved' } {
  const directory = folder({ 'entry.cjs': '', ...files });
  const resolution = createResolver({ tsconfig: null }).resolve(specifier, path.join(directory, 'entry.cjs'), 'env-file');
  expect(resolution.targets).toEqual([]);
  return { followed: resolution.externalProgram === true ? 'nothing' : 'unresolved' };
}

describe('the env-file reference, as the resolver reads it', () => {
  it.each([
    ['NODE_OPTIONS', 'NODE_OPTIONS=--require ./pre.cjs\n'],
    ['an exported NODE_PATH', 'export NODE_PATH=./lib\n'],
    ['NODE_PRESERVE_SYMLINKS among others', 'A=1\nNODE_PRESERVE_SYMLINKS=1\nB=2\n'],
    ['a shell startup file for a shell the child starts', 'BASH_ENV=./rt.sh\n'],
    ['a name only in a comment (a near miss fails closed)', '# NODE_OPTIONS is not set here\nMODE=quiet\n'],
  ])('a file naming %s: unresolved (UNANALYZED)', (_name, text) => {
    expect(resolveEnvFile({ 'rt.env': text })).toEqual({ followed: 'unresolved' });
  });

  it('a missing file (it may be written at run time): unresolved', () => {
    expect(resolveEnvFile({})).toEqual({ followed: 'unresolved' });
  });

  it('an absolute path (outside what the code places): unresolved', () => {
    const outside = folder({ 'rt.env': 'MODE=quiet\n' });
    expect(resolveEnvFile({}, path.join(outside, 'rt.env'))).toEqual({ followed: 'unresolved' });
  });

  it.each([
    ['plain variables', 'RT19_MODE=quiet\nLOG_LEVEL=info\n'],
    ['a name that only contains a judged one', 'MY_NODE_OPTIONS_BACKUP=1\nNODE_ENV=production\n'],
    ['an empty file', ''],
  ])('a file with %s: nothing to follow', (_name, text) => {
    expect(resolveEnvFile({ 'rt.env': text })).toEqual({ followed: 'nothing' });
  });
});

describe('the guard over a program that starts `node --env-file=rt.env`', () => {
  const entry = "const cp = require('node:child_process');\ncp.execSync('node --env-file=rt.env clean.cjs', { cwd: __dirname });\n";
  const unanalyzed = (keys: string[]): string[] => keys.filter((key) => key.endsWith('UNANALYZED'));

  it('a harmless env file beside the code: nothing UNANALYZED', async () => {
    const directory = folder({ 'entry.cjs': entry, 'clean.cjs': "console.log('clean');\n", 'rt.env': 'RT19_MODE=quiet\n' });
    expect(unanalyzed(findingKeys(await guardDirectory(directory, { depcruise: false })))).toEqual([]);
  });

  it('an env file that sets NODE_OPTIONS: UNANALYZED at the start', async () => {
    const directory = folder({ 'entry.cjs': entry, 'clean.cjs': "console.log('clean');\n", 'rt.env': 'NODE_OPTIONS=--require ./pre.cjs\n', 'pre.cjs': '' });
    expect(unanalyzed(findingKeys(await guardDirectory(directory, { depcruise: false })))).toEqual(['entry.cjs:2 unresolved-module UNANALYZED']);
  });
});

describe('Node 20 itself: --env-file applies the file\'s NODE_OPTIONS to the child', () => {
  it('the preload runs only when the file sets it', () => {
    const marker = path.join(root, 'node-proof-ran');
    const directory = folder({ 'clean.cjs': '', 'pre.cjs': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n`, 'rt.env': 'NODE_OPTIONS=--require ./pre.cjs\n', 'quiet.env': 'RT19_MODE=quiet\n' });
    const run = (file: string): boolean => {
      rmSync(marker, { force: true });
      spawnSync(process.execPath, [`--env-file=${file}`, 'clean.cjs'], { cwd: directory, env: { PATH: process.env['PATH'] ?? '' } });
      return existsSync(marker);
    };
    expect(run('rt.env')).toBe(true);
    expect(run('quiet.env')).toBe(false);
  });
});
