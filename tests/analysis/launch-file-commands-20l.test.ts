import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entries/entry-facts.js';

// Session 20 (fix20l, issue #10, red team rounds 18-19's `launch18-*`/`launch19-*`): scripts read from a
// here-document or a descriptor, programs that run command lines from their own files, and a reader exact
// where the shell is (docs/choices.md, choice 90). Each case was run under dash 0.5.12 and bash 5.2 with a
// stand-in program on PATH: a twin runs it, a look-alike does not.
const CJS = "const cp = require('node:child_process');\n";
const sh = (line: string): string => `${CJS}cp.execSync(${JSON.stringify(line)}, { cwd: __dirname });`;
const bash = (line: string): string => `${CJS}cp.execFileSync('bash', ['-c', ${JSON.stringify(line)}], { cwd: __dirname });`;
const NODE = 'node --require ./pre.cjs job.cjs';
const preloaded = followed('./pre.cjs', './job.cjs');

describe('a script the shell sources from a descriptor is read as a line of that shell', () => {
  const read: Array<[string, string]> = [
    ['`. /dev/stdin` of a quoted here-document', sh(`. /dev/stdin <<'EOF'\n${NODE}\nEOF`)],
    ['`. /dev/fd/0` of an unquoted one with nothing to expand', sh(`. /dev/fd/0 <<EOF\n${NODE}\nEOF`)],
    ['`. /proc/thread-self/fd/0` of `<<-` (tabs dropped)', sh(`. /proc/thread-self/fd/0 <<-'EOF'\n\t${NODE}\n\tEOF`)],
    ['`exec 4<<EOF` kept for a later `. /dev/fd/4`', sh(`exec 4<<'EOF'\n${NODE}\nEOF\ntrue\n. /dev/fd/4`)],
    ['bash `source /dev/stdin <<<`', bash(`source /dev/stdin <<< '${NODE}'`)],
    ['`0<&3` after `exec 3<<EOF`', sh(`exec 3<<'EOF'\n${NODE}\nEOF\n. /dev/stdin 0<&3`)],
  ];
  for (const [name, code] of read) it(`variant: ${name}`, () => expect(entries(code)).toEqual(preloaded));
  const closed: Array<[string, string]> = [
    ['an unquoted here-document that expands', sh(`. /dev/stdin <<EOF\nnode --require $PRE job.cjs\nEOF`)],
    ['bash `. <(printf …)`', bash(`. <(printf '%s\\n' '${NODE}')`)],
    ['`. /dev/stdin` fed by the caller (execSync `input`)', sh('. /dev/stdin')],
    ['`. /dev/fd/5` never opened on the line', sh('. /dev/fd/5')],
    ['`. ./env.sh`, a file of the project (not read)', sh('. ./env.sh')],
    ['`. /dev/stdin < ./script.sh`', sh('. /dev/stdin < ./script.sh')],
  ];
  for (const [name, code] of closed) it(`fails closed: ${name}`, () => expect(entries(code).unanalyzed).toBe(true));
  it('look-alikes: `. /dev/null`, a here-document fed to `cat`, a here-string printed', () => {
    expect(entries(sh('. /dev/null'))).toEqual(untouched);
    expect(entries(sh(`cat <<'EOF'\n${NODE}\nEOF`))).toEqual(untouched);
    expect(entries(bash(`cat <<< '${NODE}'`))).toEqual(untouched);
  });
});

describe('programs that run command lines from files they read', () => {
  const closed = ['make', 'make -s -C sub', 'gmake build', 'just', 'task build', 'ninja', 'rake test', 'git rt20', 'HOME=. git log', 'env XDG_CONFIG_HOME=. git status', 'export GIT_CONFIG_GLOBAL=x; git status', 'git -c alias.x=!true x', 'git -c core.pager=less log', 'GIT_SSH_COMMAND=ssh git fetch'];
  for (const line of closed) it(`fails closed: ${line}`, () => expect(entries(sh(line))).toEqual(failsClosed));
  it('fails closed in an argument list too: spawn(make), spawn(git, [alias])', () => {
    expect(entries(`${CJS}cp.spawnSync('make', ['-s', 'rt20']);`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.spawnSync('git', ['rt20']);`)).toEqual(failsClosed);
  });
  it("look-alike: git's subcommand computed by the program (`spawnSync('git', args)`): its own data, no configuration chosen", () => {
    expect(entries(`${CJS}function git(args) { return cp.spawnSync('git', args); }\nmodule.exports = git;`)).toEqual(untouched);
  });
  const lookalikes = ['make -n rt20', 'make -sn', 'make --dry-run', 'make --version', 'just --list', 'task --list', 'ninja -n', 'git status', 'git -C sub log --oneline', 'git -c user.name=ci commit -m msg', 'GIT_CONFIG_NOSYSTEM=1 git status', 'git --version'];
  for (const line of lookalikes) it(`look-alike: ${line}`, () => expect(entries(sh(line))).toEqual(untouched));
});

describe('a function is defined where the shell runs its definition unconditionally', () => {
  const shadowed: Array<[string, string]> = [
    ['in a `{ …; }` group', sh(`{ node() { :; }; }; ${NODE}`)],
    ['after `true && true &&`', sh(`true && true && node() { :; }; ${NODE}`)],
    ['in the subshell that calls it', sh(`(true; node() { :; }; ${NODE})`)],
    ['in `if true` then a group', sh(`if true; then { node() { :; }; }; fi; ${NODE}`)],
    ['dash `unset node` (a variable only)', sh(`node() { :; }; unset node; ${NODE}`)],
  ];
  for (const [name, code] of shadowed) it(`look-alike: ${name}`, () => expect(entries(code)).toEqual(untouched));
  const twins: Array<[string, string]> = [
    ['`false &&`', sh(`false && node() { :; }; ${NODE}`)],
    ['`true ||`', sh(`true || node() { :; }; ${NODE}`)],
    ['a group in a pipeline', sh(`{ node() { :; }; } | cat; ${NODE}`)],
    ['a group in the background', sh(`{ node() { :; }; } & ${NODE}`)],
    ['`if ! true`', sh(`if ! true; then node() { :; }; fi; ${NODE}`)],
    ['an `else` part', sh(`if true; then :; else node() { :; }; fi; ${NODE}`)],
    ['`if true` piped', sh(`if true; then node() { :; }; fi | cat; ${NODE}`)],
    ['a `true` the line redefines', sh(`true() { false; }; if true; then node() { :; }; fi; ${NODE}`)],
    ['a `while` body', sh(`while true; do node() { :; }; break; done; ${NODE}`)],
    ['a definition inside another function', sh(`outer() { node() { :; }; }; ${NODE}`)],
    ['a subshell, called after it', sh(`(node() { :; }); ${NODE}`)],
    ['`unset -f`', sh(`node() { :; }; unset -f node; ${NODE}`)],
    ['bash `unset node`', bash(`node() { :; }; unset node; ${NODE}`)],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code)).toEqual(preloaded));
});

describe('traps and aliases as the shell runs them', () => {
  const lookalikes: Array<[string, string]> = [
    ["`trap '' EXIT INT` after", sh(`trap '${NODE}' EXIT INT; trap '' INT EXIT`)],
    ['`exec sleep 1` after', sh(`trap '${NODE}' EXIT; exec sleep 1`)],
    ['`trap - EXIT` leaving TERM at the end', sh(`trap '${NODE}' EXIT TERM; trap - EXIT`)],
    ['dash: `alias r=node; r …` on one line', sh(`alias r=node; r --require ./pre.cjs job.cjs`)],
    ['bash -c: an alias never expanded', bash(`alias r=node\nr --require ./pre.cjs job.cjs`)],
  ];
  for (const [name, code] of lookalikes) it(`look-alike: ${name}`, () => expect(entries(code)).toEqual(untouched));
  const twins: Array<[string, string]> = [
    ['`exec` of a program that may be missing (the shell exits, running the trap)', sh(`trap '${NODE}' EXIT; exec ./tool`)],
    ['`trap - EXIT` leaving TERM, then more commands', sh(`trap '${NODE}' EXIT TERM; trap - EXIT; kill -TERM $$`)],
    ['`trap - EXIT` leaving INT then `true`', sh(`trap '${NODE}' EXIT INT; trap - EXIT; true`)],
  ];
  for (const [name, code] of twins) it(`twin: ${name}`, () => expect(entries(code).edges).toContain('./pre.cjs'));
  const closed: Array<[string, string]> = [
    ['dash: the alias on the next line', sh(`alias r=node\nr --require ./pre.cjs job.cjs`)],
    ['dash: `eval` parses after the alias runs', sh(`alias r=node; eval r --require ./pre.cjs job.cjs`)],
    ['bash: `shopt -s expand_aliases`', bash(`shopt -s expand_aliases\nalias r=node\nr --require ./pre.cjs job.cjs`)],
    ['bash --posix', `${CJS}cp.execFileSync('bash', ['--posix', '-c', 'alias r=node\\nr x'], { cwd: __dirname });`],
    ['zsh', `${CJS}cp.execFileSync('zsh', ['-c', 'alias r=node; r x'], { cwd: __dirname });`],
  ];
  for (const [name, code] of closed) it(`fails closed: ${name}`, () => expect(entries(code).unanalyzed).toBe(true));
});

describe('start-up variables in a child’s `env` option (round 18)', () => {
  const env = "{ cwd: __dirname, env: { ...process.env, BASH_ENV: './rt.sh' } }";
  it('a bash the line starts, bash started by its name, and a `shell` option naming bash fail closed', () => {
    expect(entries(`${CJS}cp.execSync('bash -c "node job.cjs"', ${env});`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execFileSync('bash', ['-c', 'echo ok'], ${env});`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execSync('echo ok', { ...${env}, shell: '/bin/bash' });`).unanalyzed).toBe(true);
  });
  it('look-alike: dash (/bin/sh) reads no BASH_ENV; a program that is no shell', () => {
    expect(entries(`${CJS}cp.execSync('echo ok', ${env});`)).toEqual(untouched);
    expect(entries(`${CJS}cp.execFileSync('echo', ['ok'], ${env});`)).toEqual(untouched);
  });
});
