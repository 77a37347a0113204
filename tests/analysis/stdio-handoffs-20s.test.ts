import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 19 (issue #10, `stdio19-*`): a standard stream reached a place the walk did not follow, and
 * the place was read back: a method of the stream that returns it, a listener's `this`, a class field, a
 * generator's `yield`, a thenable's `resolve`, a holder filled after creation, a global read back by name,
 * and the functions a call runs with it (`emit`, timers, `call`/`apply`, tags). docs/choices.md 89. The rows
 * are in the round's table; these are other members of the same classes.
 */
const capabilitiesOf = (text: string, file = 'lib/a.cjs'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

describe('a place the stream reaches is read back as the stream', () => {
  each([
    ['`resume()` returns the stream', 'module.exports = process.stderr.resume().__proto__;'],
    ['a chain of methods that return it', 'const S = process.stdin.pause().unref().setEncoding("utf8").constructor;\nnew S();'],
    ['`addListener` with a function whose `this` is taken apart', "process.stdout.addListener('x', function () {\n  module.exports = Object.getPrototypeOf(this);\n});"],
    ['`this` in an arrow inside a listener', "process.stdin.on('x', function () {\n  setTimeout(() => new this.constructor());\n});"],
    ['a constructor storing on `this`', 'class Keeper {\n  constructor() {\n    this.out = process.stdout;\n  }\n}\nnew new Keeper().out.constructor();'],
    ['a class expression\'s static field', 'const Keeper = class {\n  static s = process.stderr;\n};\nnew Keeper.s.constructor();'],
    ['a class method that returns it', 'class Keeper {\n  get() {\n    return process.stdout;\n  }\n}\nnew (new Keeper().get().constructor)();'],
    ['a generator expression', 'const g = function* () {\n  yield process.stderr;\n};\nnew (g().next().value.constructor)();'],
    ['a callback parameter called with it', 'function each(cb) {\n  cb(process.stdout);\n}\neach((s) => new s.constructor());'],
    ['`setInterval` hands its extra argument on', 'setInterval(function (s) {\n  new s.constructor();\n}, 10, process.stdout);'],
    ['a `Set` filled by `add`, then iterated', 'const set = new Set();\nset.add(process.stdout);\nfor (const s of set) new s.constructor();'],
    ['a named listener reached by `emit`', "const { EventEmitter } = require('node:events');\nconst ee = new EventEmitter();\nfunction onS(s) {\n  new s.constructor();\n}\nee.on('s', onS);\nee.emit('s', process.stderr);"],
    ['`global.name =` read as a free name', 'global.out = process.stdout;\nnew out.constructor();'],
    ['`this` of a function run by `.call`', 'function make() {\n  return new this.constructor();\n}\nmake.call(process.stdout);'],
    ['a borrowed `push` fills a list', 'const list = [];\nArray.prototype.push.call(list, process.stdout);\nnew list[0].constructor();'],
    ['`Reflect.apply` of `Map#set` fills a map', "const m = new Map();\nReflect.apply(Map.prototype.set, m, ['o', process.stderr]);\nnew (m.get('o').constructor)();"],
    ['a tag written in place', 'const S = ((_, s) => s.constructor)`${process.stdin}`;\nnew S();'],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toContain('NETWORK'));
});

describe('the same places used only as a stream, or a container read for its own facts, stay pure', () => {
  each([
    ['a chained `setEncoding` then read', "process.stdin.setEncoding('utf8').on('data', (chunk) => console.log(chunk.length));"],
    ['a listener\'s `this` paused', "process.stdin.on('data', function () {\n  this.pause();\n});"],
    ['a list\'s class name', 'const list = [process.stdout];\nconsole.log(list.constructor.name);'],
    ['a Map filled by `set`, then written', "const m = new Map();\nm.set('o', process.stdout);\nm.get('o').write('x');"],
    ['a timer handing the stream to a writer', "setTimeout((s) => s.write('x'), 0, process.stdout);"],
    ['an options object with its own `connect` flag', "const opts = { out: process.stdout, connect: true };\nconst enabled = opts.connect;\nopts.out.write(String(enabled));"],
    ['an array of streams checked for its prototype', 'console.log(Object.getPrototypeOf([process.stdout, process.stderr]) === Array.prototype);'],
    ['a `Set` of streams copied through its class', "const all = new Set([process.stdout]);\nfor (const s of new all.constructor(all)) s.write('x');"],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).not.toContain('NETWORK'));
});

describe("a kept collection's `constructor` is its class, not `Function` (choice 48 without types)", () => {
  each([
    ['a Map copied through its class', "const streams = new Map([['out', process.stdout]]);\nconst copy = new streams.constructor(streams);\ncopy.get('out').write('x');"],
    ['an array copied through its class', "const list = ['a'];\nconst copy = new list.constructor(list.length);\nconsole.log(copy);"],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toEqual([]));
  each([
    ['the array given a function\'s prototype first', "const list = [];\nObject.setPrototypeOf(list, Function.prototype);\nnew list.constructor('return 1')();"],
    ['the array handed to an alias of the setter', "const list = [];\nconst adopt = Object.setPrototypeOf;\nadopt(list, Function.prototype);\nnew list.constructor('return 1')();"],
    ['the map\'s prototype written', "const m = new Map();\nm.__proto__ = Function.prototype;\nnew m.constructor('return 1')();"],
    ['a shadowed `Map`', "const Map = function () { return function () {}; };\nconst m = new Map();\nnew m.constructor('return 1')();"],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toContain('DYNAMIC_CODE'));
});
