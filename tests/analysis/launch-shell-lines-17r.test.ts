import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entries/entry-facts.js';

// Issue #10, red-team round 17 (`launch17-*`): what a shell line hands to the Node it starts.
// `NODE_OPTIONS` reaches a command through a prefix, an export (before or after the assignment),
// allexport, or the environment of the shell that reads the line (shell-exports.ts); `sh -c`'s line
// is its first operand after every option (entry-command-wrappers.ts); a `case` inside `$(…)` keeps
// its patterns' `)` (shell-line.ts); Node's options after inert `-e`/`-p` code are still options
// (child-entries-args.ts); another interpreter's script that names a shell or Node fails closed.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const PRE = "path.join(__dirname, 'pre.cjs')";
const JOB = "path.join(__dirname, 'job.cjs')";
const shell = (line: string): string => `${CJS}cp.execSync(${line});`;
const preloaded = followed('./pre.cjs', './job.cjs');

describe('NODE_OPTIONS exported to a later command', () => {
  const cases: Array<[string, string]> = [
    ['set -a, then an assignment', shell(`'set -a; NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${JOB}`)],
    ['set -ea (allexport among other options)', shell(`'set -ea\\nNODE_OPTIONS="--require ' + ${PRE} + '"\\nnode ' + ${JOB}`)],
    ['set -o allexport', shell(`'set -o allexport; NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${JOB}`)],
    ['sh -a -c', shell(`'sh -a -c \\'NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${JOB} + '\\''`)],
    ['export NAME after the assignment', shell(`'NODE_OPTIONS="--require ' + ${PRE} + '"; export NODE_OPTIONS; node ' + ${JOB}`)],
    ['export A NAME after the assignment', shell(`'NODE_OPTIONS="--require ' + ${PRE} + '"; export A NODE_OPTIONS; node ' + ${JOB}`)],
    ['export NAME before the assignment', shell(`'export NODE_OPTIONS; NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${JOB}`)],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(preloaded));

  it('an assignment never exported stays the shell\'s own', () => {
    expect(entries(shell(`'NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${JOB}`))).toEqual(followed('./job.cjs'));
  });
});

describe('NODE_OPTIONS inherited by an inner shell', () => {
  const cases: Array<[string, string]> = [
    ['a prefix on sh -c', shell(`'NODE_OPTIONS="--require ' + ${PRE} + '" sh -c "node ' + ${JOB} + '"'`)],
    ['a prefix on bash -c', shell(`'NODE_OPTIONS="--require ' + ${PRE} + '" bash -c "node ' + ${JOB} + '"'`)],
    ['export, then sh -c', shell(`'export NODE_OPTIONS="--require ' + ${PRE} + '"; sh -c "node ' + ${JOB} + '"'`)],
    ['env NODE_OPTIONS=… sh -c', shell(`'env NODE_OPTIONS="--require ' + ${PRE} + '" sh -c "node ' + ${JOB} + '"'`)],
    ['two shells deep', shell(`'NODE_OPTIONS="--require ' + ${PRE} + '" sh -c "bash -c \\\\"node ' + ${JOB} + '\\\\""'`)],
    ["spawn('sh', ['-a', '-c', …])", `${CJS}cp.spawn('sh', ['-a', '-c', 'NODE_OPTIONS="--require ' + ${PRE} + '"; node ' + ${JOB}]);`],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(preloaded));
});

describe("sh -c's line is the first operand after every option", () => {
  const cases: Array<[string, string]> = [
    ['sh -c -e', shell(`'sh -c -e "node ' + ${JOB} + '"'`)],
    ['sh -c --', shell(`'sh -c -- "node ' + ${JOB} + '"'`)],
    ['sh -c +e', shell(`'sh -c +e "node ' + ${JOB} + '"'`)],
    ['bash -c -e', shell(`'bash -c -e "node ' + ${JOB} + '"'`)],
    ['sh -c -o errexit', shell(`'sh -c -o errexit "node ' + ${JOB} + '"'`)],
    ["spawn('sh', ['-c', '-e', …])", `${CJS}cp.spawn('sh', ['-c', '-e', 'node ' + ${JOB}]);`],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(followed('./job.cjs')));

  it('a shell running a script file with options is no command line: the file is not read (choice 86, fail closed)', () => {
    expect(entries(shell("'sh -e ./build.sh'"))).toEqual(failsClosed);
  });
});

describe('a case inside a substitution', () => {
  const cases: Array<[string, string]> = [
    ['$(case …)', shell(`'echo $(case a in a) node ' + ${JOB} + ';; esac)'`)],
    ['"$(case …)"', shell(`'echo "$(case a in a) node ' + ${JOB} + ';; esac)"'`)],
    ['${x:-$(case …)}', shell(`': \${x:-$(case a in a) node ' + ${JOB} + ';; esac)}'`)],
    ['$(case …) with (pattern) and two arms', shell(`'echo $(case b in (a) true;; b|c) node ' + ${JOB} + ';; esac)'`)],
    ['a command after the substitution', shell(`'echo $(case a in a) true;; esac); node ' + ${JOB}`)],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(followed('./job.cjs')));
});

describe("Node's options after inert -e/-p code", () => {
  const cases: Array<[string, string]> = [
    ['-p 1 --require', shell(`'node -p 1 --require ' + ${PRE}`)],
    ['-e 1 --require', shell(`'node -e 1 --require ' + ${PRE}`)],
    ['--print 1 -r', shell(`'node --print 1 -r ' + ${PRE}`)],
    ["spawn(node, ['-p', '1', '--import', …])", `${CJS}cp.spawn(process.execPath, ['-p', '1', '--import', ${PRE}]);`],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code).edges).toEqual(['./pre.cjs']));

  it('the first argument after the code is the script\'s, not an entry', () => {
    expect(entries(shell(`'node -p 1 ' + ${JOB}`))).toEqual(untouched);
  });
  it('non-inert code still fails closed', () => {
    expect(entries(shell("'node -e \"require(process.argv[1])\" x'")).unanalyzed).toBe(true);
  });
});

describe('--version answers before any preload (precision)', () => {
  it('node --require PRE --version loads nothing', () => {
    expect(entries(shell(`'node --require ' + ${PRE} + ' --version'`))).toEqual(untouched);
    expect(entries(shell(`'node -r ' + ${PRE} + ' --v8-options'`))).toEqual(untouched);
  });
  it('--help loads the preload first (Node 20), and an entry before --version runs', () => {
    expect(entries(shell(`'node --require ' + ${PRE} + ' --help'`)).edges).toEqual(['./pre.cjs']);
    expect(entries(shell(`'node --require ' + ${PRE} + ' ' + ${JOB} + ' --version'`))).toEqual(preloaded);
  });
});

describe('a script of another interpreter that names Node or a shell fails closed', () => {
  const cases: Array<[string, string]> = [
    ['awk system()', shell(`'awk \\'BEGIN { system("node ' + ${JOB} + '") }\\''`)],
    ['awk print | "sh"', shell(`'awk \\'BEGIN { print "node ' + ${JOB} + '" | "sh" }\\''`)],
    ['awk -v c=…', shell(`'awk -v c="node ' + ${JOB} + '" \\'BEGIN { system(c) }\\''`)],
    ['perl -e system', shell(`'perl -e \\'system("node ' + ${JOB} + '")\\''`)],
    ['python3 -c os.system', shell(`'python3 -c "import os; os.system(\\\\"node ' + ${JOB} + '\\\\")"'`)],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code).unanalyzed).toBe(true));

  it('a script that names neither stays clean', () => {
    expect(entries(shell("'awk \\'{ print $1 }\\' input.txt'"))).toEqual(untouched);
  });
});

describe('commands that only look a name up run nothing (precision)', () => {
  const cases: Array<[string, string]> = [
    ['command -V node', shell(`'command -V node; node ' + ${JOB}`)],
    ['command -pV node', shell(`'command -pV node; node ' + ${JOB}`)],
    ['type node', shell(`'type node; node ' + ${JOB}`)],
    ['hash node', shell(`'hash node; node ' + ${JOB}`)],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(followed('./job.cjs')));

  it('a printed path to Node still names Node (launch17-runtime-path-dir: a link made from it)', () => {
    expect(entries(shell(`'ln -sf "$(command -v node)" /tmp/bin/js && PATH=/tmp/bin:$PATH js --require ' + ${PRE} + ' ' + ${JOB}`)).unanalyzed).toBe(true);
    expect(entries(shell(`'ln -sf "$(which node)" /tmp/bin/js && /tmp/bin/js --require ' + ${PRE}`)).unanalyzed).toBe(true);
  });
  it('command and command -p still run the Node after them', () => {
    expect(entries(shell(`'command node --require ' + ${PRE} + ' ' + ${JOB}`))).toEqual(preloaded);
    expect(entries(shell(`'command -p node --require ' + ${PRE} + ' ' + ${JOB}`))).toEqual(preloaded);
  });
});
