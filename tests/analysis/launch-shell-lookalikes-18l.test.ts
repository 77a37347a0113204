import { describe, expect, it } from 'vitest';
import { parseShellLine } from '../../analysis/syntax/shell-line.js';
import { entries, failsClosed, followed, untouched } from './entries/entry-facts.js';

// Session 18 (fix18l, issue #10/#11, red-team round 17's `launch17-lookalike-*`): the reader follows
// the shell that reads the line. Each look-alike below was run under dash 0.5.12 (Debian's /bin/sh)
// and bash 5 on Node 20 and starts no Node; each twin starts one (docs/choices.md, choice 78).
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const PRE = "path.join(__dirname, 'pre.cjs')";
const JOB = "path.join(__dirname, 'job.cjs')";
const shell = (line: string, options = ''): string => `${CJS}cp.execSync(${line}${options});`;
const job = followed('./job.cjs');
const preloaded = followed('./pre.cjs', './job.cjs');

describe('brace expansion is bash’s: dash reads `{a,b}` as itself', () => {
  it('look-alikes: /bin/sh (exec, shell: true, sh -c, dash -c) runs a program named `{node,job.cjs}`', () => {
    expect(entries(shell("'{node,job.cjs}'"))).toEqual(untouched);
    expect(entries(`${CJS}cp.spawn('{node,job.cjs}', { shell: true });`)).toEqual(untouched);
    expect(entries(shell("'sh -c \"{node,job.cjs}\"'"))).toEqual(untouched);
    expect(entries(shell("'dash -c \"{node,job.cjs}\"'"))).toEqual(untouched);
  });
  it('twins: bash, a shell option naming bash or zsh, or one not written out, expand it (fail closed)', () => {
    expect(entries(shell("'bash -c \"{node,job.cjs}\"'"))).toEqual(failsClosed);
    expect(entries(shell("'{node,job.cjs}'", ", { shell: '/bin/bash' }"))).toEqual(failsClosed);
    expect(entries(shell("'{node,job.cjs}'", ", { shell: 'zsh' }"))).toEqual(failsClosed);
    expect(entries(`${CJS}const o = { ...process.env.O };\ncp.execSync('{node,job.cjs}', o);`).unanalyzed).toBe(true);
  });
  it("`$'…'` is bash's: bash decodes it (fail closed), dash reads `$` and a quoted word", () => {
    expect(entries(shell("'bash -c \"\\$\\'n\\\\x6fde\\' job.cjs\"'"))).toEqual(failsClosed);
    const dash = parseShellLine(["$'node' x"], 'dash');
    expect(dash.kind === 'commands' ? dash.commands.map((command) => command.words.map((word) => [word.parts.join(''), word.expanded])) : dash).toEqual([[['$node', false], ['x', false]]]);
  });
});

describe('a backslash quotes keep is a letter of the program’s name', () => {
  const lookalikes: Array<[string, string]> = [
    ['"n\\ode" (double quotes keep a backslash before a letter)', shell(`'"n\\\\ode" ' + ${JOB}`)],
    ['"\\node"', shell(`'"\\\\node" ' + ${JOB}`)],
    ["'no\\⏎de' (single quotes keep a backslash-newline)", shell(`'\\'no\\\\\\nde\\' ' + ${JOB}`)],
    ["'n\\ode'", shell(`'\\'n\\\\ode\\' ' + ${JOB}`)],
  ];
  for (const [name, code] of lookalikes) it(`look-alike: ${name}`, () => expect(entries(code)).toEqual(untouched));
  const twins: Array<[string, string]> = [
    ['n\\ode unquoted', shell(`'n\\\\ode ' + ${JOB}`)],
    ['"no\\⏎de" (a backslash-newline joins inside double quotes)', shell(`'"no\\\\\\nde" ' + ${JOB}`)],
    ['"n"\'ode\' spliced', shell(`'"n"\\'ode\\' ' + ${JOB}`)],
    ['"n\\\\ode" is n\\ode read again by eval', shell(`'eval "n\\\\\\\\ode" ' + ${JOB}`)],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code)).toEqual(job));
});

describe('an assignment is an unquoted NAME= before the command word', () => {
  it('a quoted `"NODE_OPTIONS=…"` word is no assignment: its text preloads nothing', () => {
    expect(entries(shell(`'"NODE_OPTIONS=--require ' + ${PRE} + '" node ' + ${JOB}`)).edges).not.toContain('./pre.cjs');
    expect(entries(shell(`'NODE_OPTIONS"=--require ' + ${PRE} + '" node ' + ${JOB}`)).edges).not.toContain('./pre.cjs');
    expect(entries(shell(`'\\\\NODE_OPTIONS=--require=' + ${PRE} + ' node ' + ${JOB}`)).edges).not.toContain('./pre.cjs');
  });
  const twins: Array<[string, string]> = [
    ['a quoted value', shell(`'NODE_OPTIONS="--require ' + ${PRE} + '" node ' + ${JOB}`)],
    ['env with a quoted word (env reads it after quote removal)', shell(`'env "NODE_OPTIONS=--require ' + ${PRE} + '" node ' + ${JOB}`)],
    ['export with a quoted word', shell(`'export "NODE_OPTIONS=--require ' + ${PRE} + '"; node ' + ${JOB}`)],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code)).toEqual(preloaded));
});

describe('a function the line defines shadows the program of that name', () => {
  const lookalikes: Array<[string, string]> = [
    ['node() { echo x; }; node …', shell(`'node() { echo x; }; node --require ' + ${PRE} + ' ' + ${JOB}`)],
    ['a subshell body', shell(`'node() ( echo x ); node ' + ${JOB}`)],
    ['the body on the next line', shell(`'node ()\\n{\\n echo x\\n}\\nnode ' + ${JOB}`)],
    ['called quoted, inside $(…) and after &&', shell(`'node() { :; }\\n"node" ' + ${JOB} + '; echo $(node ' + ${JOB} + ') && node ' + ${JOB}`)],
  ];
  for (const [name, code] of lookalikes) it(`look-alike: ${name}`, () => expect(entries(code)).toEqual(untouched));
  const twins: Array<[string, string]> = [
    ['defined after the call', shell(`'node ' + ${JOB} + '; node() { :; }'`)],
    ['defined only when a test passes', shell(`'false && node() { :; }; node ' + ${JOB}`)],
    ['defined in the background', shell(`'node() { :; } & node ' + ${JOB}`)],
    ['defined in a subshell', shell(`'(node() { :; }); node ' + ${JOB}`)],
    ['defined inside if', shell(`'if false; then node() { :; }; fi; node ' + ${JOB}`)],
    ['unset -f before the call', shell(`'node() { :; }; unset -f node; node ' + ${JOB}`)],
    ['command node skips functions', shell(`'node() { :; }; command node ' + ${JOB}`)],
    ['an inner sh -c has no functions', shell(`'node() { :; }; sh -c "node ' + ${JOB} + '"'`)],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code)).toEqual(job));
  it('bash’s `function NAME {…}` is not read as a definition: the program stays (fail closed; dash refuses the line)', () => {
    expect(entries(shell(`'function node { :; }; node ' + ${JOB}`))).toEqual(job);
  });
  it('twins: a function whose body starts Node with the caller’s words, or called with NODE_OPTIONS, fails closed', () => {
    expect(entries(shell(`'node() { command node "$@"; }; node ' + ${JOB}`))).toEqual(failsClosed);
    expect(entries(shell(`'node() { exec /usr/bin/node --require ' + ${PRE} + ' "$@"; }; node ' + ${JOB}`))).toEqual(failsClosed);
    expect(entries(shell(`'f() { node ' + ${JOB} + '; }; NODE_OPTIONS="--require ' + ${PRE} + '" f'`)).unanalyzed).toBe(true);
    expect(entries(shell(`'f() { node ' + ${JOB} + '; }; export NODE_OPTIONS="--require ' + ${PRE} + '"; f'`)).unanalyzed).toBe(true);
  });
  it('look-alike: a function whose body starts no Node, called with NODE_OPTIONS', () => {
    expect(entries(shell(`'f() { echo x; }; NODE_OPTIONS="--require ' + ${PRE} + '" f'`))).toEqual(untouched);
  });
});

describe('a trap set and reset at once runs nothing', () => {
  const lookalikes: Array<[string, string]> = [
    ['trap … EXIT; trap - EXIT', shell(`'trap "node ' + ${JOB} + '" EXIT; trap - EXIT; echo x'`)],
    ['trap … 0; trap - 0', shell(`'trap "node ' + ${JOB} + '" 0\\ntrap - 0'`)],
    ['two conditions, reset by a number first', shell(`'trap "node ' + ${JOB} + '" EXIT INT; trap 0 INT'`)],
    ['an empty action and trap -p', shell(`'trap "" INT; trap -p; echo node'`)],
  ];
  for (const [name, code] of lookalikes) it(`look-alike: ${name}`, () => expect(entries(code)).toEqual(untouched));
  const twins: Array<[string, string]> = [
    ['kept (the action is a command line, followed)', shell(`'trap "node ' + ${JOB} + '" EXIT; echo x'`)],
    ['a command between set and reset', shell(`'trap "node ' + ${JOB} + '" EXIT; exit 1; trap - EXIT'`)],
    ['a reset of another condition', shell(`'trap "node ' + ${JOB} + '" EXIT; trap - INT'`)],
    ['a reset only when a test passes', shell(`'trap "node ' + ${JOB} + '" EXIT; false && trap - EXIT'`)],
    ['a reset in the background', shell(`'trap "node ' + ${JOB} + '" EXIT; trap - EXIT &'`)],
    ['a reset that stops at an unknown condition (dash)', shell(`'trap "node ' + ${JOB} + '" EXIT BOGUS; trap - BOGUS EXIT'`)],
    ['set inside a function body', shell(`'f() { trap "node ' + ${JOB} + '" EXIT; trap - EXIT; }; true'`)],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code)).toEqual(job));
  it('twin: an action the shell expands fails closed', () => {
    expect(entries(shell("'trap \"$RUN\" EXIT'")).unanalyzed).toBe(true);
  });
});

describe('`command -v node` and `which node` are judged by where the path goes', () => {
  const lookalikes: Array<[string, string]> = [
    ['>/dev/null', shell("'command -v node >/dev/null && echo ok'")],
    ['>/dev/null 2>&1', shell("'command -v node >/dev/null 2>&1 || exit 1'")],
    ['2>&1 >/dev/null (stdout still discarded)', shell("'command -v node 2>&1 >/dev/null'")],
    ['which, in an if', shell("'if which node 1>/dev/null; then echo ok; fi'")],
  ];
  for (const [name, code] of lookalikes) it(`look-alike: ${name}`, () => expect(entries(code)).toEqual(untouched));
  const twins: Array<[string, string]> = [
    ['captured by the program (execSync returns it)', shell("'command -v node'")],
    ['captured by $(…) and linked', shell("'ln -s \"$(command -v node)\" /tmp/x && /tmp/x job.cjs'")],
    ['piped', shell("'command -v node | xargs -I{} ln -s {} x'")],
    ['to a file', shell("'command -v node > where.txt'")],
    ['to stderr', shell("'command -v node >&2'")],
    ['>/dev/null, then back to the captured output (3>&1 … >&3)', shell("'command -v node 3>&1 >/dev/null >&3'")],
    ['which captured', shell("'echo $(which node)'")],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code).unanalyzed).toBe(true));
});

describe('a PATH prefix is not read (choice 78): `node` by that name is Node wherever PATH finds it', () => {
  it('PATH=/nonexistent node stays a Node command: the folder may hold one where the line runs', () => {
    expect(entries(shell(`'PATH=/nonexistent node ' + ${JOB}`))).toEqual(job);
  });
  it('twin: a PATH prefix naming the folder that holds node', () => {
    expect(entries(shell(`'PATH=/usr/bin node ' + ${JOB}`))).toEqual(job);
  });
});

describe('the reader: what each command is', () => {
  const read = (line: string) => {
    const parsed = parseShellLine([line]);
    return parsed.kind === 'commands' ? parsed.commands.map((command) => ({ words: command.words.map((word) => word.parts.join('')), sequential: command.sequential, defines: command.defines })) : parsed;
  };
  it('marks what runs unconditionally in the line’s own shell', () => {
    expect(read('a; b && c; d | e; { f; }; g &\nh')).toEqual([
      { words: ['a'], sequential: true, defines: undefined },
      { words: ['b'], sequential: false, defines: undefined },
      { words: ['c'], sequential: false, defines: undefined },
      { words: ['d'], sequential: false, defines: undefined },
      { words: ['e'], sequential: false, defines: undefined },
      { words: ['f'], sequential: false, defines: undefined },
      { words: ['g'], sequential: false, defines: undefined },
      { words: ['h'], sequential: true, defines: undefined },
    ]);
  });
  it('ends a function definition after its body', () => {
    expect(read('f() { a; }; b')).toEqual([
      { words: ['a'], sequential: false, defines: undefined },
      { words: [], sequential: true, defines: 'f' },
      { words: ['b'], sequential: true, defines: undefined },
    ]);
  });
  it('an assignment is an unquoted NAME=', () => {
    const parsed = parseShellLine(['A=1 "B=2" C"=3" \\D=4 E=\'5\' x']);
    expect(parsed.kind === 'commands' ? parsed.commands[0]?.words.map((word) => word.assignment) : parsed).toEqual([true, false, false, false, true, false]);
  });
});
