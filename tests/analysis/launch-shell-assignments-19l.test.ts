import { describe, expect, it } from 'vitest';
import { parseShellLine } from '../../analysis/syntax/shell-line.js';
import { entries, failsClosed, followed, untouched } from './entries/entry-facts.js';

// Session 19 (fix19l, issue #10, red-team round 18's shell rows): every way dash and bash assign a variable
// counts for NODE_OPTIONS; what runs outside the line's own shell does not; start-up files, script files and
// interpreters that build a program's name fail closed (choice 86). Each line here is run under dash 0.5.12
// and bash 5 by shell-semantics-19l.test.ts. `PRE` and `JOB` stand for files beside the entry.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const code = (line: string): string => {
  const pieces = line.split(/(PRE|JOB)/).map((piece) => (piece === 'PRE' ? "path.join(__dirname, 'pre.cjs')" : piece === 'JOB' ? "path.join(__dirname, 'job.cjs')" : JSON.stringify(piece)));
  return `${CJS}cp.execSync(${pieces.join(' + ')});`;
};
const judge = (line: string) => entries(code(line));
const job = followed('./job.cjs');
const preloaded = followed('./pre.cjs', './job.cjs');
const unknownOptions = { edges: ['./job.cjs'], unanalyzed: true };

describe('a literal value the shell assigns to an exported NODE_OPTIONS is judged', () => {
  const lines = [
    'export NODE_OPTIONS; for NODE_OPTIONS in "--require PRE"; do node JOB; done',
    'export NODE_OPTIONS; : ${NODE_OPTIONS:="--require PRE"}; node JOB',
    'export NODE_OPTIONS; : ${NODE_OPTIONS="--require PRE"}; node JOB',
    'eval \'export NODE_OPTIONS="--require PRE"\'; node JOB',
    'eval "export NODE_OPTIONS=\'--require PRE\'"; node JOB',
    'eval NODE_OPTIONS=--require=PRE; export NODE_OPTIONS; node JOB',
    'f() { export NODE_OPTIONS="--require PRE"; }; f; node JOB',
    'true && export NODE_OPTIONS="--require PRE"; node JOB',
    'set -a; false && set +a; NODE_OPTIONS="--require PRE"; node JOB',
    'export NODE_OPTIONS; readonly NODE_OPTIONS="--require PRE"; node JOB',
    'NODE_OPTIONS="--require PRE" :; export NODE_OPTIONS; node JOB',
    'NODE_OPTIONS="--require PRE" eval true; export NODE_OPTIONS; node JOB',
    '(export NODE_OPTIONS="--require PRE"; node JOB)',
    'echo $(export NODE_OPTIONS="--require PRE"; node JOB)',
    '(f() { export NODE_OPTIONS="--require PRE"; }; f; node JOB)',
    'f() { (export NODE_OPTIONS="--require PRE"; node JOB); }; true',
    'f() { export NODE_OPTIONS="--require PRE"; node JOB; }; true',
  ];
  for (const line of lines) it(line, () => expect(judge(line)).toEqual(preloaded));
});

describe('a value the syntax cannot read makes Node’s options unknown (fail closed)', () => {
  const lines = [
    'export NODE_OPTIONS; read NODE_OPTIONS < rt.opts; node JOB',
    'export NODE_OPTIONS; read -r NODE_OPTIONS <<< "--require PRE"; node JOB',
    'export NODE_OPTIONS; printf -v NODE_OPTIONS "%s" "--require PRE"; node JOB',
    'export NODE_OPTIONS; mapfile NODE_OPTIONS < rt.opts; node JOB',
    'export NODE_OPTIONS; NODE_OPTIONS=$(cat rt.opts); node JOB',
    'export NODE_OPTIONS; NODE_OPTIONS=`cat rt.opts`; node JOB',
    'export NODE_OPTIONS=${UNSET_X:-"--require PRE"}; node JOB',
    'export NODE_OPTIONS=$OTHER; node JOB',
    'export NODE_OPTIONS; for NODE_OPTIONS; do node JOB; done',
    'export NODE_OPTIONS; for NODE_OPTIONS in $(cat rt.opts); do node JOB; done',
    'NODE_OPTIONS="--require PRE"; export NODE_OPTIONS="$NODE_OPTIONS"; node JOB',
  ];
  for (const line of lines) it(line, () => expect(judge(line)).toEqual(unknownOptions));
  it('on the Node command itself, an expanded prefix fails closed before any option is read', () => {
    expect(judge('NODE_OPTIONS=$(cat rt.opts) node JOB')).toEqual(failsClosed);
    expect(judge('export NODE_OPTIONS; X=${NODE_OPTIONS:="--require PRE"} node JOB')).toEqual(failsClosed);
  });
  it('`hash -p` naming Node (or a path the shell expands) gives it another name', () => {
    expect(judge('hash -p /usr/bin/node js; js --require PRE JOB').unanalyzed).toBe(true);
    expect(judge('hash -p "$(command -v node)" js; js JOB').unanalyzed).toBe(true);
    expect(judge('hash -p /usr/bin/git g; g status')).toEqual(untouched);
  });
});

describe('look-alikes: the shell’s own rules keep the value from Node', () => {
  const lines = [
    'export NODE_OPTIONS="--require PRE"; NODE_OPTIONS= node JOB',
    'export NODE_OPTIONS="--require PRE"; NODE_OPTIONS=--max-old-space-size=64 node JOB',
    'export NODE_OPTIONS="--require PRE"; env -u NODE_OPTIONS node JOB',
    'export NODE_OPTIONS="--require PRE"; env --unset=NODE_OPTIONS node JOB',
    'export NODE_OPTIONS="--require PRE"; env -i PATH=/usr/bin node JOB',
    '(export NODE_OPTIONS="--require PRE"); node JOB',
    'export NODE_OPTIONS="--require PRE" | true; node JOB',
    'export NODE_OPTIONS="--require PRE" & wait; node JOB',
    'echo $(export NODE_OPTIONS="--require PRE"); node JOB',
    'set -a; set +a; NODE_OPTIONS="--require PRE"; node JOB',
    'f() { export NODE_OPTIONS="--require PRE"; }; node JOB',
    'f() { export NODE_OPTIONS="--require PRE"; }; (f); node JOB',
    'read X < rt.opts; node JOB',
    'NODE_OPTIONS="--require PRE" true; export NODE_OPTIONS; node JOB',
    'for X in "--require PRE"; do node JOB; done',
    'export NODE_OPTIONS="$NODE_OPTIONS --max-old-space-size=64"; node JOB',
  ];
  for (const line of lines) it(line, () => expect(judge(line)).toEqual(job));
});

describe('start-up files and script files are not read: the shell fails closed', () => {
  const lines = [
    "BASH_ENV=./rt.sh bash -c 'node JOB'",
    "export BASH_ENV=./rt.sh; bash -c 'node JOB'",
    "BASH_ENV=./rt.sh; export BASH_ENV; bash -c 'node JOB'",
    "set -a; BASH_ENV=./rt.sh; bash -c 'node JOB'",
    "env BASH_ENV=./rt.sh bash -c 'node JOB'",
    "export BASH_ENV=./rt.sh; sh -c \"bash -c 'node JOB'\"",
    "ENV=./rt.sh sh -i -c 'node JOB'",
    "sh -i -c 'node JOB'",
    "bash -i -c 'node JOB'",
    "ZDOTDIR=. zsh -c 'node JOB'",
  ];
  for (const line of lines) it(line, () => expect(judge(line).unanalyzed).toBe(true));
  it('script files: `sh ./run.sh`, `bash run.sh`, `sh -e ./build.sh`, `bash -- run.sh`', () => {
    for (const line of ['sh ./run.sh', 'bash run.sh', 'sh -e ./build.sh', 'bash -- run.sh']) expect([line, judge(line)]).toEqual([line, failsClosed]);
  });
  it('`--rcfile FILE`, `--init-file FILE` take their value: the line after `-c` is read', () => {
    expect(judge("bash --rcfile /dev/null -c 'node --require PRE JOB'")).toEqual(preloaded);
    expect(judge("bash --init-file /dev/null -c 'node --require PRE JOB'")).toEqual(preloaded);
    expect(judge("bash --rcfile=/dev/null -c 'node JOB'")).toEqual(job);
  });
  it('look-alikes: no shell started, an interactive bash told to read no start-up file, a shell that only prints', () => {
    expect(judge('BASH_ENV=./rt.sh node JOB')).toEqual(job);
    expect(judge("BASH_ENV=./rt.sh true; bash -c 'node JOB'")).toEqual(job);
    expect(judge("bash -i --norc -c 'node JOB'")).toEqual(job);
    expect(judge("bash --rcfile /dev/null -i -c 'node JOB'")).toEqual(job);
    expect(judge('bash --version')).toEqual(untouched);
  });
});

describe('the reader: which shell runs a command, and what it assigns', () => {
  const read = (line: string) => {
    const parsed = parseShellLine([line]);
    if (parsed.kind !== 'commands') throw new Error(parsed.why);
    return parsed.commands.map((command) => ({ words: command.words.map((word) => word.parts.join('')), ownShell: command.ownShell, inFunction: command.inFunction, assigns: command.assigns?.map((assignment) => [assignment.name, assignment.value?.parts.join('')]) }));
  };
  it('a subshell’s commands share its number; a nested one adds its own', () => {
    const [a, b, c, d] = read('(a; (b); c) | d').map((command) => parseShellLine(['(a; (b); c) | d']).kind === 'commands' && command.words[0]);
    expect([a, b, c, d]).toEqual(['a', 'b', 'c', 'd']);
    const parsed = parseShellLine(['(a; (b); c); e']);
    if (parsed.kind !== 'commands') throw new Error(parsed.why);
    const [first, inner, last, after] = parsed.commands.map((command) => command.subshells);
    expect([first?.length, inner?.length, last, after]).toEqual([1, 2, first, []]);
    expect(inner?.[0]).toBe(first?.[0]);
  });
  it('a subshell, a pipeline, the background and a substitution are not the line’s own shell; a condition is', () => {
    expect(read('(a); b | c; d & e && f; g $(h)').map((command) => [command.words[0], command.ownShell])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['d', false],
      ['e', true],
      ['f', true],
      ['h', false],
      ['g', true],
    ]);
  });
  it('a function body’s commands name their function', () => {
    expect(read('f() { a; g() { b; }; }; c').map((command) => [command.words[0] ?? '', command.inFunction])).toEqual([
      ['a', 'f'],
      ['b', 'g'],
      ['', undefined],
      ['', undefined],
      ['c', undefined],
    ]);
  });
  it('`${NAME:=w}`, `${NAME=w}` and a loop head assign; `${NAME:-w}` does not', () => {
    expect(read(': ${A:=x} ${B=y} ${C:-z}; for D in 1 "2 3"; do e; done').map((command) => command.assigns)).toEqual([
      [
        ['A', 'x'],
        ['B', 'y'],
      ],
      [
        ['D', '1'],
        ['D', '2 3'],
      ],
    ]);
  });
});
