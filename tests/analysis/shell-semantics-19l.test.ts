import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The shell facts choice 86 rests on, run here (Debian: /bin/sh is dash 0.5.12) rather than assumed: each
// evasion of launch-shell-assignments-19l.test.ts and shell-interpreters-19l.test.ts preloads PRE (or starts
// Node) under the shells named, each look-alike does not. `JOB` prints a marker when Node runs it, `PRE` another
// when Node preloads it; `OPTS` holds `--require PRE`; `RT` is a start-up file that exports it.
const folder = mkdtempSync(path.join(tmpdir(), 'tki-19l-'));
const job = path.join(folder, 'job.cjs');
const pre = path.join(folder, 'pre.cjs');
writeFileSync(job, "console.log('rt19l-node-ran');\n");
writeFileSync(pre, "console.log('rt19l-pre-ran');\n");
writeFileSync(path.join(folder, 'opts'), `--require ${pre}\n`);
writeFileSync(path.join(folder, 'rt.sh'), `export NODE_OPTIONS="--require ${pre}"\n`);
writeFileSync(path.join(folder, 'run.sh'), `node ${job}\n`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(shell: string, line: string): string {
  const text = line.replaceAll('JOB', job).replaceAll('PRE', pre);
  try {
    return execFileSync(shell, ['-c', text], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '', HOME: folder } });
  } catch (error) {
    return String((error as { stdout?: unknown }).stdout ?? '');
  }
}
const preloads = (shell: string, line: string): boolean => run(shell, line).includes('rt19l-pre-ran');
const startsNode = (shell: string, line: string): boolean => run(shell, line).includes('rt19l-node-ran');

const haveShells = existsSync('/bin/dash') && existsSync('/bin/bash');
const both = ['/bin/dash', '/bin/bash'];

describe.skipIf(!haveShells)('assignments the shell makes to an exported NODE_OPTIONS', () => {
  const evasions: Array<[string, readonly string[]]> = [
    ['export NODE_OPTIONS; read NODE_OPTIONS < opts; node JOB', both],
    ['export NODE_OPTIONS; read -r NODE_OPTIONS <<< "--require PRE"; node JOB', ['/bin/bash']],
    ['export NODE_OPTIONS; for NODE_OPTIONS in "--require PRE"; do node JOB; done', both],
    ['export NODE_OPTIONS; printf -v NODE_OPTIONS "%s" "--require PRE"; node JOB', ['/bin/bash']],
    ['export NODE_OPTIONS; : ${NODE_OPTIONS:="--require PRE"}; node JOB', both],
    ['export NODE_OPTIONS; NODE_OPTIONS=$(cat opts); node JOB', both],
    ['export NODE_OPTIONS=${UNSET_19L:-"--require PRE"}; node JOB', both],
    ['eval \'export NODE_OPTIONS="--require PRE"\'; node JOB', both],
    ['eval "export NODE_OPTIONS=\'--require PRE\'"; node JOB', both],
    ['f() { export NODE_OPTIONS="--require PRE"; }; f; node JOB', both],
    ['true && export NODE_OPTIONS="--require PRE"; node JOB', both],
    ['set -a; false && set +a; NODE_OPTIONS="--require PRE"; node JOB', both],
    ['(export NODE_OPTIONS="--require PRE"; node JOB)', both],
    ['echo $(export NODE_OPTIONS="--require PRE"; node JOB)', both],
    ['(f() { export NODE_OPTIONS="--require PRE"; }; f; node JOB)', both],
    ['NODE_OPTIONS="--require PRE" :; export NODE_OPTIONS; node JOB', ['/bin/dash']],
  ];
  for (const [line, shells] of evasions) {
    it(`preloads: ${line}`, () => {
      for (const shell of shells) expect([shell, preloads(shell, line)]).toEqual([shell, true]);
    });
  }
  const lookalikes = [
    'export NODE_OPTIONS="--require PRE"; NODE_OPTIONS= node JOB',
    'export NODE_OPTIONS="--require PRE"; env -u NODE_OPTIONS node JOB',
    'export NODE_OPTIONS="--require PRE"; env -i PATH="$PATH" node JOB',
    '(export NODE_OPTIONS="--require PRE"); node JOB',
    'export NODE_OPTIONS="--require PRE" | true; node JOB',
    'export NODE_OPTIONS="--require PRE" & wait; node JOB',
    'echo $(export NODE_OPTIONS="--require PRE"); node JOB',
    'set -a; set +a; NODE_OPTIONS="--require PRE"; node JOB',
    'f() { export NODE_OPTIONS="--require PRE"; }; node JOB',
    'read X < opts; node JOB',
  ];
  for (const line of lookalikes) {
    it(`starts Node without the preload: ${line}`, () => {
      for (const shell of both) expect([shell, startsNode(shell, line), preloads(shell, line)]).toEqual([shell, true, false]);
    });
  }
  it('dash keeps a prefix on a special builtin (`:`, `eval`), not on a regular one (`true`); bash keeps neither', () => {
    const special = 'NODE_OPTIONS="--require PRE" :; export NODE_OPTIONS; node JOB';
    const evaluated = 'NODE_OPTIONS="--require PRE" eval true; export NODE_OPTIONS; node JOB';
    const regular = 'NODE_OPTIONS="--require PRE" true; export NODE_OPTIONS; node JOB';
    expect([special, evaluated, regular].map((line) => [preloads('/bin/dash', line), preloads('/bin/bash', line)])).toEqual([
      [true, false],
      [true, false],
      [false, false],
    ]);
  });
  it('bash: `hash -p` gives Node another name', () => {
    expect(startsNode('/bin/bash', 'hash -p "$(command -v node)" js; js JOB')).toBe(true);
  });
});

describe.skipIf(!haveShells)('start-up files and script files', () => {
  it('bash sources $BASH_ENV before `-c` (a prefix or an export); dash -i sources $ENV', () => {
    expect(preloads('/bin/dash', "BASH_ENV=./rt.sh bash -c 'node JOB'")).toBe(true);
    expect(preloads('/bin/dash', "export BASH_ENV=./rt.sh; bash -c 'node JOB'")).toBe(true);
    expect(preloads('/bin/dash', "ENV=./rt.sh sh -i -c 'node JOB' 2>/dev/null")).toBe(true);
  });
  it('look-alike: dash without -i reads no $ENV, bash -c no --rcfile', () => {
    expect([startsNode('/bin/dash', "ENV=./rt.sh sh -c 'node JOB'"), preloads('/bin/dash', "ENV=./rt.sh sh -c 'node JOB'")]).toEqual([true, false]);
    expect([startsNode('/bin/dash', "bash --rcfile ./rt.sh -c 'node JOB'"), preloads('/bin/dash', "bash --rcfile ./rt.sh -c 'node JOB'")]).toEqual([true, false]);
  });
  it('`--rcfile FILE` and `--init-file FILE` take their value: `-c` still names the line', () => {
    expect(preloads('/bin/dash', "bash --rcfile /dev/null -c 'node --require PRE JOB'")).toBe(true);
    expect(preloads('/bin/dash', "bash --init-file /dev/null -c 'node --require PRE JOB'")).toBe(true);
  });
  it('a script file runs its commands (sh FILE, bash FILE, sh -e FILE)', () => {
    for (const line of ['sh ./run.sh', 'bash run.sh', 'sh -e ./run.sh']) expect([line, startsNode('/bin/dash', line)]).toEqual([line, true]);
  });
});

const haveTools = ['/usr/bin/awk', '/usr/bin/perl', '/usr/bin/sed'].every((tool) => existsSync(tool));

describe.skipIf(!haveShells || !haveTools)('interpreters that start a program by a name they build', () => {
  const evasions = [
    `awk 'BEGIN { system("no" "de JOB") }'`,
    `RT19L="node JOB" awk 'BEGIN { system(ENVIRON["RT19L"]) }'`,
    `echo 'node JOB' | awk '{ system($0) }'`,
    `awk 'BEGIN { c = "no" "de JOB"; c | getline x; print x }'`,
    `perl -e 'system("no"."de", "JOB")'`,
    `perl -e 'exec(chr(110)."ode", "JOB")'`,
    `echo x | sed 's|x|node JOB|e'`,
    `echo x | sed --expression='s|x|node JOB|e'`,
    `echo x | sed '1e node JOB'`,
  ];
  for (const line of evasions) it(`starts Node: ${line}`, () => expect(startsNode('/bin/dash', line)).toBe(true));
  const lookalikes = [`awk 'BEGIN { print "node JOB" }'`, `echo node | sed 's/node/deno/'`, `awk '/node|deno/ { print }' opts`, `perl -e 'print "node JOB\\n"'`];
  for (const line of lookalikes) it(`starts no Node: ${line}`, () => expect(startsNode('/bin/dash', line)).toBe(false));
});

describe.skipIf(!haveShells || !existsSync('/usr/bin/python3'))('python', () => {
  it('os.system and subprocess with a joined name start Node', () => {
    expect(startsNode('/bin/dash', `python3 -c 'import os; os.system("no"+"de JOB")'`)).toBe(true);
    expect(startsNode('/bin/dash', `python3 -c '__import__("subprocess").run(["no"+"de", "JOB"])'`)).toBe(true);
  });
});
