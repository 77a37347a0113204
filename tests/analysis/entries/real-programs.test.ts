import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entries, followed, untouched } from './entry-facts.js';

// Issue #11, session 11: a program run by another (`xargs`, `env`, `nohup`, `timeout`, `nice`,
// `exec`, `sudo`, `stdbuf`, …) is the real program of the command, however many are stacked:
// Node with words the syntax can read is followed, Node or a shell with words it cannot read
// (xargs's input) is UNANALYZED. Each class has its negative controls.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";

describe('a Node or a shell behind a chain of wrappers, reading words from input', () => {
  const unread: Array<[string, string]> = [
    ['env … xargs node (shell)', "cp.execSync('env FOO=1 xargs node < list.txt');"],
    ['nohup xargs node (shell)', "cp.execSync('nohup xargs node < list.txt');"],
    ['timeout 5 xargs node (shell)', "cp.execSync('timeout 5 xargs node < list.txt');"],
    ['nice -n 5 env xargs sh (shell)', "cp.execSync('nice -n 5 env xargs sh < list.txt');"],
    ['sudo -E xargs -a file node (shell)', "cp.execSync('sudo -E xargs -a list.txt node');"],
    ['stdbuf -oL xargs -0 node (shell)', "cp.execSync('find . -print0 | stdbuf -oL xargs -0 node');"],
    ['xargs -I{} node {} (shell)', "cp.execSync('xargs -I{} node {} < list.txt');"],
    ["spawnSync('env', ['xargs', 'node'])", "cp.spawnSync('env', ['xargs', 'node'], { stdio: ['pipe', 'inherit', 'inherit'] });"],
    ["spawnSync('xargs', ['node'])", "cp.spawnSync('xargs', ['node'], { input: 'job.cjs' });"],
    ["spawnSync('xargs', ['-a', 'list.txt', 'sh'])", "cp.spawnSync('xargs', ['-a', 'list.txt', 'sh']);"],
    ["spawnSync('sudo', ['--unknown-option', 'value', 'node', f])", `cp.spawnSync('sudo', ['--unknown-option', 'value', 'node', ${JOB}]);`],
    ["spawnSync('find', ['.', '-exec', 'node', '{}', ';'])", "cp.spawnSync('find', ['.', '-name', '*.cjs', '-exec', 'node', '{}', ';']);"],
  ];
  for (const [name, call] of unread) it(`${name} is UNANALYZED`, () => expect(entries(`${CJS}${call}`).unanalyzed).toBe(true));
});

describe('a Node behind wrappers with literal words is followed', () => {
  const literal: Array<[string, string]> = [
    ['sudo node f (shell)', `cp.execSync('sudo -E node ' + ${JOB});`],
    ['stdbuf -oL node f (shell)', `cp.execSync('stdbuf -oL node ' + ${JOB});`],
    ['nice -n 5 nohup env A=1 node f (shell)', `cp.execSync('nice -n 5 nohup env A=1 node ' + ${JOB});`],
    ['timeout -s KILL 5 node f (shell)', `cp.execSync('timeout -s KILL 5 node ' + ${JOB});`],
    ['xargs node f: the input words come after the entry (shell)', `cp.execSync('echo a b | xargs node ' + ${JOB});`],
    ['xargs -I{} node f {} (shell)', `cp.execSync('xargs -I{} node ' + ${JOB} + ' {} < list.txt');`],
    ["spawnSync('sudo', ['-u', 'app', 'node', f])", `cp.spawnSync('sudo', ['-u', 'app', 'node', ${JOB}]);`],
    ["spawnSync('xargs', ['-n', '1', 'node', f])", `cp.spawnSync('xargs', ['-n', '1', 'node', ${JOB}]);`],
    ["spawnSync('nohup', ['sh', '-c', 'node ' + f])", `cp.spawnSync('nohup', ['sh', '-c', 'node ' + ${JOB}]);`],
  ];
  for (const [name, call] of literal) it(`follows ${name}`, () => expect(entries(`${CJS}${call}`)).toEqual(followed('./job.cjs')));
});

describe('negative controls: wrappers of other programs', () => {
  const others: Array<[string, string]> = [
    ['env FOO=1 xargs git add (shell)', "cp.execSync('env FOO=1 xargs git add < list.txt');"],
    ['xargs rm -f (shell)', "cp.execSync('find . -name \"*.tmp\" | xargs rm -f');"],
    ['sudo apt-get install (shell)', "cp.execSync('sudo apt-get install -y jq');"],
    ["spawnSync('xargs', ['grep', 'x'])", "cp.spawnSync('xargs', ['grep', 'x'], { input: 'a.txt' });"],
    ["spawnSync('git', ['commit', '-m', 'node'])", "cp.spawnSync('git', ['commit', '-m', 'node']);"],
    ["spawnSync('nice', ['git', 'gc'])", "cp.spawnSync('nice', ['git', 'gc']);"],
  ];
  for (const [name, call] of others) it(`${name} is no Node start`, () => expect(entries(`${CJS}${call}`)).toEqual(untouched));
});

describe('Node itself: xargs behind env runs node on the words of its input', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-real-program-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it("execSync('echo <file> | env X=1 xargs node') runs the file", () => {
    const marker = path.join(root, 'ran');
    writeFileSync(path.join(root, 'job.cjs'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
    writeFileSync(path.join(root, 'entry.cjs'), `${CJS}cp.execSync('echo ' + ${JOB} + ' | env X=1 xargs node', { stdio: 'inherit' });`);
    const result = spawnSync(process.execPath, [path.join(root, 'entry.cjs')], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(existsSync(marker)).toBe(true);
  });
});
