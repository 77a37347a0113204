import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/** Round 17 (fix17b): the process's standard streams are pure as streams, not when taken apart (choices 4, 69). */
const capabilitiesOf = (text: string, file = 'lib/a.ts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string, readonly string[]];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

describe("a standard stream's prototype chain is `net.Socket`: taking it apart reaches the network", () => {
  each([
    ['`Object.getPrototypeOf(process.stdout)`', 'export const p = Object.getPrototypeOf(process.stdout);', ['NETWORK']],
    ['`Reflect.getPrototypeOf(process.stderr)` walked in a loop', "let p = Reflect.getPrototypeOf(process.stderr);\nwhile (p && !Object.hasOwn(p, 'connect')) p = Reflect.getPrototypeOf(p);", ['NETWORK']],
    ['`Object.getOwnPropertyDescriptors(process.stdin)`', 'export const all = Object.getOwnPropertyDescriptors(process.stdin);', ['NETWORK']],
    ["`Object.getOwnPropertyDescriptor(process.stdout, 'connect')`", "export const d = Object.getOwnPropertyDescriptor(process.stdout, 'connect');", ['NETWORK']],
    ['`process.stdout.__proto__`', 'export const p = (process.stdout as never as { __proto__: object }).__proto__;', ['NETWORK']],
    ['`process.stderr.connect(…)` called directly', "(process.stderr as never as { connect(p: number): void }).connect(59999);", ['NETWORK']],
    ["`Reflect.get(process.stdout, 'connect')`", "export const c = Reflect.get(process.stdout, 'connect');", ['NETWORK']],
    ['a member by a key the syntax cannot read', 'export const pick = (k: string) => (process.stdout as never as Record<string, unknown>)[k];', ['NETWORK']],
    ['the constructor built: NETWORK and DYNAMIC_CODE', 'const S = process.stdout.constructor as never as new () => object;\nexport const s = new S();', ['DYNAMIC_CODE', 'NETWORK']],
    ['`new process.stdout.constructor()` directly', 'export const s = new (process.stdout.constructor as never as new () => object)();', ['DYNAMIC_CODE', 'NETWORK']],
    ['`const { constructor: S } = process.stderr`', 'const { constructor: S } = process.stderr;\nexport const s = new (S as never as new () => object)();', ['DYNAMIC_CODE', 'NETWORK']],
    ['`const { connect } = process.stdout`', 'const { connect } = process.stdout as never as { connect: unknown };\nexport { connect };', ['NETWORK']],
    ['a `const` alias taken apart', 'const out = process.stdout;\nexport const p = Object.getPrototypeOf(out);', ['NETWORK']],
    ['an alias of an alias by assignment', 'const out = process.stderr;\nlet o;\no = out;\nexport const p = Object.getPrototypeOf(o);', ['NETWORK']],
    ["`import { stderr } from 'node:process'`", "import { stderr } from 'node:process';\nexport const p = Object.getPrototypeOf(stderr);", ['NETWORK']],
    ["`import proc from 'node:process'` then `proc.stdout`", "import proc from 'node:process';\nexport const p = Reflect.getPrototypeOf(proc.stdout);", ['NETWORK']],
    ["`require('process').stdout` in CommonJS", "const p = Object.getPrototypeOf(require('process').stdout);\nmodule.exports = p;", ['NETWORK'], ],
    ['`with (process.stdout)` in sloppy code', 'with (process.stdout) { connect(59999); }', ['NETWORK']],
    ['`connect` tested, then called (round 18: the test alone is clean, the call is not)', "const out = process.stdout as never as { connect?: (p: number) => void };\nif (typeof out.connect === 'function') out.connect(59999);", ['NETWORK']],
    ['`connect` kept by `||`', 'export const c = (process.stdout as never as { connect?: unknown }).connect || null;', ['NETWORK']],
  ] as Row[])('%s', (_name, [, code, expected]) => {
    const file = code.includes('require(') || code.startsWith('with') ? 'lib/a.cjs' : 'lib/a.ts';
    expect(capabilitiesOf(code, file)).toEqual([...expected].sort());
  });
});

describe('a standard stream used as a stream stays pure (choice 4)', () => {
  each([
    ['`write` then `exit`', "process.stdout.write('done\\n');\nprocess.exit(3);", []],
    ['`columns ?? 80` and `isTTY`', 'export const width = process.stderr.columns ?? 80;\nexport const tty = process.stderr.isTTY;', []],
    ['`setRawMode` on stdin', 'if (process.stdin.isTTY) process.stdin.setRawMode(false);', []],
    ['an alias written to and listened on', "const out = process.stdout;\nout.write('x');\nout.on('drain', () => undefined);", []],
    ['`const { columns, rows } = process.stdout`', 'const { columns, rows } = process.stdout;\nexport const area = columns * rows;', []],
    ['`process.stdout.constructor.name` only read', 'export const kind = process.stdout.constructor.name;', []],
    ["`typeof process.stdout.connect === 'function'` (round 18's look-alike: a test holds nothing)", "export const socket = typeof (process.stdout as never as { connect?: unknown }).connect === 'function';", []],
    ['`__proto__` only tested, `connect` discarded', 'if ((process.stderr as never as { __proto__: object }).__proto__) void (process.stderr as never as { connect?: unknown }).connect;', []],
    ['a symbol key (`process.stdin[Symbol.asyncIterator]`)', 'export const lines = process.stdin[Symbol.asyncIterator]();', []],
    ["another value's prototype in a file that writes to stdout", "class A {}\nexport const p = Object.getPrototypeOf(new A());\nprocess.stdout.write('x');", []],
    ['a same-named alias only written to', "const out = process.stdout;\nout.write('x');\nexport function f(out2: { a: number }) { return Object.keys(out2); }", []],
  ] as Row[])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});
