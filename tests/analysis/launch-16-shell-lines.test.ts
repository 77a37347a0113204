import { describe, expect, it } from 'vitest';
import { parseShellLine } from '../../analysis/syntax/shell-line.js';
import { entries, followed, untouched } from './entries/entry-facts.js';

// Session 16 (issue #11): a Node started inside a shell string's substitution, nested quotes, `eval`
// or `env -S` is judged as the same Node written as the line's first word. One reader
// (analysis/syntax/shell-line.ts) for every shell string; a line it cannot read fails closed.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const shell = (line: string): string => `${CJS}cp.execSync(${line});`;

describe('a Node inside a substitution is followed as the top-level one is', () => {
  const cases: Array<[string, string]> = [
    ['backquotes', shell(`'echo \`node ' + ${JOB} + '\`'`)],
    ['$(…) as an argument', shell(`'x $(node ' + ${JOB} + ')'`)],
    ['$(…) in double quotes', shell(`'echo "$(node ' + ${JOB} + ')"'`)],
    ['$(…) in an assignment', shell(`'out=$(node ' + ${JOB} + ')'`)],
    ['$(…) nested in $(…)', shell(`'echo $(cat $(node ' + ${JOB} + '))'`)],
    ['backquotes nested in backquotes', shell(`'echo \`echo \\\\\`node ' + ${JOB} + '\\\\\`\`'`)],
    ['$(…) in a ${X:-…} default', shell(`'echo \${X:-$(node ' + ${JOB} + ')}'`)],
    ['a process substitution', shell(`'diff <(node ' + ${JOB} + ') expected.txt'`)],
    ['$(…) in an unquoted here-document', shell(`'cat <<EOF\\n$(node ' + ${JOB} + ')\\nEOF'`)],
    ['env -S inside $(…)', shell(`'echo $(env -S "node ' + ${JOB} + '")'`)],
    ['sh -c with an escaped substitution', shell(`'sh -c "echo \\\\$(node ' + ${JOB} + ')"'`)],
    ["spawn('sh', ['-c', …]) with a substitution", `${CJS}cp.spawn('sh', ['-c', 'echo $(node ' + ${JOB} + ')']);`],
    ['shell: true with the substitution in an argument', `${CJS}cp.spawn('echo', ['$(node ' + ${JOB} + ')'], { shell: true });`],
    ['shell: true with backquotes in the command', `${CJS}cp.spawn('echo \`node ' + ${JOB} + '\`', { shell: true });`],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(followed('./job.cjs')));
});

describe('quoting, eval and the shell grammar around a Node command', () => {
  const cases: Array<[string, string]> = [
    ['an escaped letter in the program (n\\ode)', shell(`'n\\\\ode ' + ${JOB}`)],
    ['a quoted piece of the program (no"de")', shell(`'no"de" ' + ${JOB}`)],
    ['eval of written words', shell(`'eval node ' + ${JOB}`)],
    ['eval of a double-quoted line', shell(`'eval "node ' + ${JOB} + '"'`)],
    ['inside { …; }', shell(`'{ node ' + ${JOB} + '; }'`)],
    ['after then', shell(`'if true; then node ' + ${JOB} + '; fi'`)],
    ['after !', shell(`'! node ' + ${JOB}`)],
    ['after $((…)) arithmetic', shell(`'echo $((1+2)) && node ' + ${JOB}`)],
    ['with a redirection before it', shell(`'2>/dev/null node ' + ${JOB}`)],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(followed('./job.cjs')));

  it('a Node command whose words the shell expands fails closed', () => {
    expect(entries(shell(`'node $(dirname ' + ${JOB} + ')/job.cjs'`)).unanalyzed).toBe(true);
    expect(entries(shell(`'eval "$RUN" ' + ${JOB}`)).unanalyzed).toBe(true);
  });
  it('a program the shell names by a pattern or a brace list fails closed', () => {
    for (const program of ['/usr/bin/nod?', '/usr/bin/nod[e]', '/usr/*/node']) expect(entries(shell(`'${program} ' + ${JOB}`)).unanalyzed, program).toBe(true);
    expect(entries(shell(`'{node,' + ${JOB} + '}'`)).unanalyzed).toBe(true);
  });
  it('negative controls: `[ … ]` tests, patterns in arguments of other programs', () => {
    expect(entries(shell(`'[ -f x ] && node ' + ${JOB}`))).toEqual(followed('./job.cjs'));
    expect(entries(shell("'ls *.js; rm -f tmp/[ab].log'"))).toEqual(untouched);
  });
  it('an alias defined on the line fails closed (dash expands aliases in scripts)', () => {
    expect(entries(shell(`'alias n=node\\nn ' + ${JOB}`)).unanalyzed).toBe(true);
    expect(entries(shell("'alias'")).unanalyzed).toBe(false);
  });
});

describe('`cd` on the line: a relative entry after it is read from a folder the syntax does not follow', () => {
  it('a relative entry after cd, pushd or cd in a substitution fails closed', () => {
    expect(entries(`${CJS}cp.execSync('cd lib && node ./job.cjs', { cwd: __dirname });`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execSync('cd $DIR; node ./job.cjs', { cwd: __dirname });`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execSync('pushd lib; echo $(node ./job.cjs)', { cwd: __dirname });`).unanalyzed).toBe(true);
  });
  it('negative controls: the same entry before cd, or written absolute after it, is followed', () => {
    expect(entries(`${CJS}cp.execSync('node ./job.cjs && cd lib', { cwd: __dirname });`)).toEqual(followed('./job.cjs'));
    expect(entries(shell(`'cd lib && node ' + ${JOB}`))).toEqual(followed('./job.cjs'));
  });
});

describe('an unreadable line fails closed, never open', () => {
  const lines = ["'echo \\'open'", "'echo $(node x'", "'echo `node x'", "'echo \"$X'", "'echo ${X'", "'node x >'"];
  for (const line of lines) it(line, () => expect(entries(shell(line)).unanalyzed).toBe(true));
});

describe('negative controls: the same characters where the shell runs nothing', () => {
  const cases: Array<[string, string]> = [
    ['a substitution in single quotes', shell("'echo \\'$(node x.js)\\''")],
    ['backquotes in single quotes', shell("'echo \\'`node x.js`\\''")],
    ['escaped backquotes', shell("'echo \\\\`node x.js\\\\`'")],
    ['a substitution in a quoted here-document', shell("'cat <<\"EOF\"\\n$(node x.js)\\nEOF'")],
    ['a substitution in a comment', shell("'git status # $(node x.js)'")],
    ['git with a substitution of git', shell("'git log $(git rev-parse HEAD)'")],
    ['a variable in an argument', shell("'echo $HOME && git status'")],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(untouched));
});

describe('the reader itself', () => {
  const words = (line: string): string[][] => {
    const read = parseShellLine([line]);
    return read.kind === 'commands' ? read.commands.map((command) => command.words.map((word) => word.parts.join(''))) : [[read.kind]];
  };
  it('returns a substitution’s commands before the command they are written in', () => {
    expect(words('echo "a $(node x.js) b" | tee `which out`')).toEqual([['node', 'x.js'], ['echo', 'a $(…) b'], ['which', 'out'], ['tee', '`…`']]);
  });
  it('keeps quoted and escaped text as the shell does (XCU 2.2)', () => {
    expect(words(`a'b c'"d\\"e" f\\ g "h\\i"`)).toEqual([['ab cd"e', 'f g', 'h\\i']]);
  });
  it('drops redirections, IO numbers, reserved words and data heads', () => {
    expect(words('for f in a b; do node "$f" 2>&1 >out; done')).toEqual([['node', '$f']]);
  });
});
