import { describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entries/entry-facts.js';

// Round 16 (fix16c): words of a launch read as the program that reads them reads them. GNU env
// splits a `-S` string at `\_` outside quotes, with pieces the program computes inside the words;
// `echo` and `printf` print their words and start nothing.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";
const PRE = "path.join(__dirname, 'pre.cjs')";
const envS = (text: string): string => `${CJS}const pre = ${PRE};\nconst job = ${JOB};\ncp.execFileSync('/usr/bin/env', [\`${text}\`]);`;

describe('env -S with computed pieces: split by env’s own rules', () => {
  const cases: Array<[string, string]> = [
    ['-S with \\_ separators (the row)', envS('-Snode\\\\_--require\\\\_${pre}\\\\_${job}')],
    ['--split-string= with \\_ separators (the row)', envS('--split-string=node\\\\_--require\\\\_${pre}\\\\_${job}')],
    ['a single-quoted word holding a piece', envS("-Snode\\\\_-r\\\\_'${pre}'\\\\_${job}")],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(followed('./pre.cjs', './job.cjs')));

  it('\\_ inside double quotes is a space, not a separator: one word, no Node option', () => {
    expect(entries(envS('-Snode\\\\_"${job}\\\\_x"'))).toEqual(followed('./job.cjs x'));
  });
  it('an escape or `$` that a computed piece completes fails closed', () => {
    expect(entries(envS('-Snode\\\\_\\\\${job}')).unanalyzed).toBe(true);
    expect(entries(envS('-Snode\\\\_$${job}')).unanalyzed).toBe(true);
  });
  it('a tab escape is a character of the word, not a separator (as /usr/bin/env -S does)', () => {
    expect(entries(envS('-Snode\\\\_${job}\\\\tx'))).toEqual(followed('./job.cjs\tx'));
  });
  it('a ${NAME} of env’s environment or words not seen after the wrapper fail closed', () => {
    expect(entries(`${CJS}cp.execFileSync('/usr/bin/env', ['-S\${CMD}']);`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.execFileSync('/usr/bin/env', process.argv.slice(2));`)).toEqual(failsClosed);
  });
  it('a string env refuses starts nothing', () => {
    expect(entries(envS('-Snode\\\\_\\\\q${job}'))).toEqual(untouched);
  });
});

describe('echo and printf print their words: a Node named among them starts nothing', () => {
  const cases: Array<[string, string]> = [
    ['echo node --require … (the row)', `${CJS}cp.execSync('echo node --require ' + ${PRE});`],
    ['sh -c "echo node …" (the row)', `${CJS}cp.execSync('sh -c "echo node --require ' + ${PRE} + '"');`],
    ['/bin/echo by path', `${CJS}cp.execSync('/bin/echo node ' + ${JOB});`],
    ['printf with a format', `${CJS}cp.execSync('printf "node %s\\\\n" ' + ${JOB});`],
    ['env echo (a wrapper peeled)', `${CJS}cp.execSync('env A=1 echo bash -c "node x"');`],
  ];
  for (const [name, code] of cases) it(name, () => expect(entries(code)).toEqual(untouched));

  it('the evasions next to them are still caught', () => {
    // A substitution among echo's words is a command of its own.
    expect(entries(`${CJS}cp.execSync('echo $(node ' + ${JOB} + ')');`)).toEqual(followed('./job.cjs'));
    // The printed text piped into a shell is read by a shell with no script.
    expect(entries(`${CJS}cp.execSync('echo node ' + ${JOB} + ' | sh');`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.execSync('printf "node x" | bash -s');`)).toEqual(failsClosed);
    // A Node after echo on the same line.
    expect(entries(`${CJS}cp.execSync('echo start; node ' + ${JOB});`)).toEqual(followed('./job.cjs'));
  });
});
