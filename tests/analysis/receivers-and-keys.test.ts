import { afterAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, typedProject } from './typed-program.js';

/**
 * Round-four classes of #10, each with its negative control, run by the syntactic detector and the
 * typed classifier alike: sloppy-mode `this` (analysis/syntax/sloppy-this.ts), `Function` reached by
 * a key computed at run time (function-values.ts), FileHandle writes and local stubs typed as
 * capabilities (typed only, analysis/typed).
 * [file, code, capabilities both modes report ([] = clean)].
 */
type Row = readonly [string, string, readonly string[]];

const SLOPPY_THIS: Row[] = [
  ['map-callback.cjs', "const host = [0].map(function () { return this; })[0];\nhost.fetch('https://x');", ['UNANALYZED']],
  ['declared-plain-call.cjs', "function realm() { return this; }\nrealm().fetch('https://x');", ['UNANALYZED']],
  ['member-read.cjs', "queueMicrotask(function () { this.fetch('https://x'); });", ['NETWORK']],
  ['this-eval.cjs', "[1].forEach(function () { this.eval('1'); });", ['DYNAMIC_CODE']],
  ['alias-member.cjs', "[1].forEach(function () { var g = this; g.fetch('https://x'); });", ['NETWORK']],
  ['alias-returned.cjs', 'function f() { var g = this; return g; }\nmodule.exports = f;', ['UNANALYZED']],
  ['setter.cjs', 'let h;\nconst box = { set realm(_) { h = this; } };\nReflect.set(box, "realm", 0, undefined);\nmodule.exports = h;', ['UNANALYZED']],
  ['descriptor-get.cjs', "const box = {};\nObject.defineProperty(box, 'h', { get: function () { return this; } });\nmodule.exports = box;", ['UNANALYZED']],
  ['call-site-this.cjs', 'function probe() { return new Error().stack[0].getThis(); }\nmodule.exports = probe();', ['UNANALYZED']],
  ['exported-function.cjs', 'module.exports = function () { return this; };', ['UNANALYZED']],
  ['exports-member.cjs', 'exports.realm = function () { return this; };', ['UNANALYZED']],
  // Negative controls: strict code, methods, constructors, bound receivers, the wrapper idiom, writes.
  ['method-by-name.cjs', 'function pointAdd() { return this; }\nfunction Point() {}\nPoint.prototype.add = pointAdd;\nmodule.exports = Point;', []],
  ['inherits.cjs', "function AppError(m) { Error.captureStackTrace(this, AppError); this.message = m; }\nrequire('node:util').inherits(AppError, Error);\nmodule.exports = AppError;", []],
  ['strict-module.mjs', 'export const r = [0].map(function () { return this; });', []],
  ['use-strict.cjs', "'use strict';\nmodule.exports = [0].map(function () { return this; });", []],
  ['use-strict-function.cjs', "function f() { 'use strict'; return [0].map(function () { return this; }); }\nmodule.exports = f;", []],
  ['object-method.cjs', 'const counter = { n: 0, bump() { this.n += 1; return this; }, twice: function () { return this.bump().bump(); } };\nmodule.exports = counter;', []],
  ['constructor-function.cjs', 'function Emitter() { var self = this; self.events = {}; if (!(this instanceof Emitter)) return new Emitter(); }\nEmitter.prototype.on = function (k, f) { this.events[k] = f; return this; };\nmodule.exports = Emitter;', []],
  ['bound-receiver.cjs', 'module.exports = (function () { return this; }).call({ a: 1 });', []],
  ['wrapper-idiom.cjs', 'module.exports = function once(fn) { var done = false; return function () { if (done) return; done = true; return fn.apply(this, arguments); }; };', []],
  ['member-writes.cjs', "require('node:events').prototype.x = 1;\n[1].forEach(function (k) { this[k] = 1; this.total = k; }, {});", []],
  ['arrow-at-top.cjs', 'module.exports = [0].map(() => this);', []],
];

const RUNTIME_KEYS: Row[] = [
  ['joined-key.ts', "const key = ['constr', 'uctor'].join('');\nconst make = (() => 0)[key as 'constructor'];\nmake('return 1')();", ['DYNAMIC_CODE']],
  ['char-codes.ts', "const key = String.fromCharCode(99, 111, 110, 115, 116, 114, 117, 99, 116, 111, 114);\n(Reflect.get(() => 0, key) as (c: string) => () => void)('return 1')();", ['DYNAMIC_CODE']],
  ['unknown-key.ts', "export const pick = (k: string) => (function () {} as unknown as Record<string, (c: string) => void>)[k]!('return 1');", ['DYNAMIC_CODE']],
  ['prototype-key.ts', "const proto = Object.getPrototypeOf(() => 0);\nexport const run = (k: string) => proto[k]('return 1');", ['DYNAMIC_CODE']],
  ['descriptors.ts', 'export const all = Object.values(Object.getOwnPropertyDescriptors(Function.prototype));', ['DYNAMIC_CODE']],
  ['with.cjs', "with (function () {}) { constructor('return 1')(); }", ['DYNAMIC_CODE']],
  // Negative controls: a folded key that is not `constructor`, computed reads on data, a class's descriptors.
  ['name-key.ts', "const key = ['na', 'me'].join('');\nexport const label = (function handler() {})[key as 'name'];", []],
  ['data-keys.ts', 'const table: Record<string, number> = { a: 1 };\nconst list = [1, 2];\nconst map = new Map([["a", 1]]);\nexport const read = (k: string, i: number) => [table[k], list[i], map.get(k)];', []],
  ['class-descriptors.ts', 'class Point { get norm() { return 1; } }\nexport const d = Object.getOwnPropertyDescriptors(Point.prototype);', []],
  ['function-writes.ts', "function debug() {}\nexport const setup = (env: Record<string, unknown>, key: string) => { (debug as unknown as Record<string, unknown>)[key] = env[key]; };", []],
  ['symbol-key.ts', 'export const hasInstance = (v: unknown) => Function.prototype[Symbol.hasInstance].call(Object, v);', []],
  ['with-data.cjs', 'with ({ a: 1 }) { module.exports = a; }', []],
];

/** Typed only: what the declarations the values resolve to say. */
const TYPED_ONLY: Row[] = [
  ['filehandle-chmod.mts', "import { open } from 'node:fs/promises';\nconst handle = await open('p', 'r');\nawait handle.chmod(0o666);", ['FILES_READ', 'FILES_WRITE']],
  ['filehandle-read.mts', "import { open } from 'node:fs/promises';\nconst handle = await open('p', 'r');\nexport const size = (await handle.stat()).size + (await handle.readFile('utf8')).length;\nawait handle.close();", ['FILES_READ']],
  ['stub-fetch.ts', "export const stubFetch: typeof fetch = async () => new Response('{}');\nexport const ping = () => stubFetch('https://x');", []],
  ['real-fetch.ts', "export const realFetch: typeof fetch = fetch;\nexport const ping = () => realFetch('https://x');", ['NETWORK']],
  ['memfs.ts', "import type * as fs from 'node:fs';\nconst files = new Map<string, string>();\nexport const memfs: Pick<typeof fs, 'writeFileSync'> = { writeFileSync: ((p: string, d: string) => { files.set(p, d); }) as typeof fs.writeFileSync };\nmemfs.writeFileSync('a', 'b');", []],
  ['stub-runner.ts', "import type { execFile } from 'node:child_process';\ntype Runner = typeof execFile;\nexport function makeRunner(): Runner { return ((_f: string) => undefined) as unknown as Runner; }\nmakeRunner()('git');", []],
  ['real-runner.ts', "import { execFile } from 'node:child_process';\nexport function makeRunner(): typeof execFile { return execFile; }\nmakeRunner()('git');", ['EXEC']],
];

describe('round-four classes of #10, syntactic and typed', () => {
  const rows = [...SLOPPY_THIS, ...RUNTIME_KEYS];
  const project = typedProject(Object.fromEntries([...rows, ...TYPED_ONLY].map(([file, code]) => [file, code])));
  afterAll(() => project.dispose());

  // Without types, a starter handed on as a value is UNANALYZED (the file it may run is chosen where
  // the syntax cannot see: analysis/syntax/starter-values.ts); with types, the call is judged where it is made.
  const syntacticOnly: Readonly<Record<string, readonly string[]>> = { 'store-local.ts': ['EXEC', 'UNANALYZED'] };
  it.each(rows.map((row) => [row[0], row] as const))('syntactic: %s', (_file, [file, , expected]) => {
    expect(capabilitiesOf(project.syntactic(file))).toEqual([...(syntacticOnly[file] ?? expected)].sort());
  });
  it.each(rows.map((row) => [row[0], row] as const))('typed: %s', (_file, [file, , expected]) => {
    expect(capabilitiesOf(project.typed(file))).toEqual([...expected].sort());
  });
  it.each(TYPED_ONLY.map((row) => [row[0], row] as const))('typed only: %s', (_file, [file, , expected]) => {
    expect(capabilitiesOf(project.typed(file))).toEqual([...expected].sort());
  });
});

describe('a capability stored where every module reads it (#10, grant laundering)', () => {
  const rows: Row[] = [
    ['store-prototype.ts', "import { execSync } from 'node:child_process';\ndeclare global { interface Array<T> { sh: (command: string) => unknown } }\nArray.prototype.sh = execSync;", ['EXEC', 'UNANALYZED']],
    ['store-global.ts', "import { spawn } from 'node:child_process';\n(globalThis as Record<string, unknown>).run = spawn;", ['EXEC', 'UNANALYZED']],
    ['store-namespace.ts', "import * as net from 'node:net';\n(globalThis as Record<string, unknown>).net = net;", ['NETWORK', 'UNANALYZED']],
    // Negative controls: data and local code on a prototype, a capability kept in a local object.
    ['store-data.ts', "declare global { interface Array<T> { tag: string; first: () => unknown } }\nArray.prototype.tag = 'x';\nArray.prototype.first = function () { return this[0]; };", []],
    ['store-local.ts', "import { execSync } from 'node:child_process';\nexport const tools = { sh: execSync };", ['EXEC']],
  ];
  // Without types, a starter kept in an exported object is UNANALYZED (analysis/syntax/starter-values.ts); with types its calls are judged where made.
  const syntacticOnly: Readonly<Record<string, readonly string[]>> = { 'store-local.ts': ['EXEC', 'UNANALYZED'] };
  const required = "const { spawn } = require('node:child_process');\nglobalThis.run = spawn;";
  const project = typedProject({ ...Object.fromEntries(rows.map(([file, code]) => [file, code.includes('export') ? code : `${code}\nexport {};`])), 'store-required.cjs': required });
  afterAll(() => project.dispose());
  it.each(rows.map((row) => [row[0], row] as const))('syntactic: %s', (_file, [file, , expected]) => {
    expect(capabilitiesOf(project.syntactic(file))).toEqual([...(syntacticOnly[file] ?? expected)].sort());
  });
  it.each(rows.map((row) => [row[0], row] as const))('typed: %s', (_file, [file, , expected]) => {
    expect(capabilitiesOf(project.typed(file))).toEqual([...expected].sort());
  });
  it('typed: a member destructured from require() is placed by its declaration', () => {
    expect(capabilitiesOf(project.typed('store-required.cjs'))).toEqual(['EXEC', 'UNANALYZED']);
  });
});
