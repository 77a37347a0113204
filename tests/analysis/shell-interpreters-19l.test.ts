import { describe, expect, it } from 'vitest';
import { judgeInterpreter } from '../../analysis/syntax/shell-interpreters.js';
import { entries } from './entries/entry-facts.js';

// Session 19 (fix19l, issue #10): awk, perl, python and GNU sed scripts are read for the programs they
// start (choice 86). A constant command is judged by its words; a name the script builds fails closed;
// a script that starts nothing is cleared. shell-semantics-19l.test.ts runs the evasions and look-alikes.
const words = (...texts: string[]) => texts.map((text) => ({ node: undefined as never, parts: [text] }));
const kind = (program: string, ...texts: string[]) => judgeInterpreter(program, words(...texts))?.kind;
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";

describe('awk', () => {
  it.each([
    ['BEGIN { system("no" "de x") }'],
    ['BEGIN { system(ENVIRON["RT"]) }'],
    ['{ system($0) }'],
    ['BEGIN { c = "node x"; c | getline y }'],
    ['BEGIN { print "x" | cmd }'],
    ['BEGIN { system("node x") }'],
    ['BEGIN { "sh -c x" | getline y }'],
    ['BEGIN { x = 4 /2; system(y) /1 }'],
  ])('may start a program: %s', (script) => expect(kind('awk', script)).toBe('may-start'));
  it.each([['BEGIN { print "node --require x" }'], ['/node|deno/ { print }'], ['$1 ~ /a|b/ { n++ } END { print n }'], ['BEGIN { system("date -u") }'], ['BEGIN { print "x" | "sort" }'], ['BEGIN { "date" | getline d }']])(
    'starts no Node: %s',
    (script) => expect(kind('awk', script)).toBe('starts-none'),
  );
  it('options: -F and -v take a value; -f, gawk -E and -i name a file the syntax does not read', () => {
    expect(kind('gawk', '-F', ':', '-v', 'x=1', '{ print $1 }')).toBe('starts-none');
    expect(kind('mawk', '-f', 'prog.awk')).toBe('may-start');
    expect(kind('gawk', '-E', 'prog.awk')).toBe('may-start');
    expect(kind('gawk', '-e', 'BEGIN { system("no" "de") }')).toBe('may-start');
  });
});

describe('perl', () => {
  it.each([['system("no"."de", "x")'], ['exec(chr(110)."ode", "x")'], ['system "node x"'], ['system("$cmd")'], ['print `node x`'], ['my $o = qx(node x)'], ['open(my $f, "-|", "node")'], ['eval "sys"."tem(1)"'], ['&{"sys"."tem"}("node")'], ['$_ = "x"; s/x/"no"."de"/ee; system($_)']])(
    'may start a program: %s',
    (script) => expect(kind('perl', '-e', script)).toBe('may-start'),
  );
  it.each([['print "node x\\n"'], ['system("date")'], ['my %h = (a => 1); print $h{a}']])('starts no Node: %s', (script) => expect(kind('perl', '-e', script)).toBe('starts-none'));
  it('`-e` attached, several `-e`, a script file', () => {
    expect(kind('perl', '-le', 'system("no"."de")')).toBe('may-start');
    expect(kind('perl', '-e', 'print 1;', '-e', 'system("no"."de")')).toBe('may-start');
    expect(kind('perl', 'tool.pl')).toBe('may-start');
  });
});

describe('python', () => {
  it.each([['import os; os.system("no"+"de x")'], ['__import__("subprocess").run(["no"+"de"])'], ['import subprocess; subprocess.run(["node"])'], ['import os; os.execvp("node", ["node"])'], ['exec("imp"+"ort os")'], ['import os; os.popen(cmd)']])(
    'may start a program: %s',
    (script) => expect(kind('python3', '-c', script)).toBe('may-start'),
  );
  it.each([['print("node x")'], ['import os; os.system("date")'], ['import json, sys; print(json.dumps(sys.argv))']])('starts no Node: %s', (script) => expect(kind('python3', '-c', script)).toBe('starts-none'));
  it('`-m module` and a script file are not read', () => {
    expect(kind('python3', '-m', 'http.server')).toBe('may-start');
    expect(kind('python', 'tool.py')).toBe('may-start');
  });
});

describe('GNU sed', () => {
  it.each([['s|x|node y|e'], ['1e node y'], ['/x/ { e node y\n}'], ['s/a/b/;s/x/y/ge']])('the `e` command or flag runs a command: %s', (script) => expect(kind('sed', script)).toBe('may-start'));
  it.each([['s/node/deno/'], ['s|a|b|g;y/abc/xyz/'], ['/^#/d;s/e/f/2'], ['1i hello e'], ['$a\\\ntext e']])('starts nothing: %s', (script) => expect(kind('sed', script)).toBe('starts-none'));
  it('options: -e, --expression= (and its prefixes), -n, -i; -f is a file; --sandbox refuses `e`', () => {
    expect(kind('sed', '-n', '-e', 's|x|node|e')).toBe('may-start');
    expect(kind('sed', '--expression=s|x|node|e')).toBe('may-start');
    expect(kind('sed', '--expr', 's|x|node|e')).toBe('may-start');
    expect(kind('sed', '-i', 's/a/b/', 'file')).toBe('starts-none');
    expect(kind('sed', '-f', 'script.sed')).toBe('may-start');
    expect(kind('sed', '--sandbox', 's|x|node|e')).toBe('starts-none');
  });
});

describe('in a command line and in an argument list', () => {
  it('a shell line running awk, perl or sed is judged by the script', () => {
    expect(entries(`${CJS}cp.execSync(\`awk 'BEGIN { system("no" "de x") }'\`);`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.execSync(\`awk 'BEGIN { print "node --require x" }'\`);`).unanalyzed).toBe(false);
    expect(entries(`${CJS}cp.execSync("echo node | sed 's/node/deno/'");`).unanalyzed).toBe(false);
    expect(entries(`${CJS}cp.execSync("echo x | sed 's|x|node y|e'");`).unanalyzed).toBe(true);
  });
  it('spawn(program, [script]) is judged the same way', () => {
    expect(entries(`${CJS}cp.spawnSync('perl', ['-e', 'system("no"."de", "x")']);`).unanalyzed).toBe(true);
    expect(entries(`${CJS}cp.spawnSync('python3', ['-c', 'print(1)']);`).unanalyzed).toBe(false);
  });
  it('a piece the program computes where the command’s name stands is unknown', () => {
    expect(entries(`${CJS}const c = process.argv[2];\ncp.execSync(\`awk 'BEGIN { system("\${c} x") }'\`);`).unanalyzed).toBe(true);
    expect(entries(`${CJS}const d = process.argv[2];\ncp.execSync(\`awk 'BEGIN { system("ls \${d}") }'\`);`).unanalyzed).toBe(false);
  });
});
