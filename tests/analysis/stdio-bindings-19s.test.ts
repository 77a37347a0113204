import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 18 (issue #10, `stdio18-*`): a standard stream reached a binding or an object the walk did
 * not follow: a pattern nested in a pattern (`const { stdout: { constructor: S } } = process`), a parameter of
 * a local function it is handed to, an object it becomes the prototype of (`Object.setPrototypeOf`,
 * `o.__proto__ = s`), and Node's own members that hold it (`console._stdout`, `process.openStdin()`). Every
 * way a value becomes, holds or inherits from the stream makes it the stream or a holder (choices 76, 83).
 */
const capabilitiesOf = (text: string, file = 'lib/a.cjs'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));
const CONNECT = ".connect(59999, '127.0.0.1');";

describe('a standard stream bound by a pattern, a parameter or a catch clause is judged there', () => {
  each([
    ['the row: a nested pattern', `const { stdout: { constructor: S } } = process;\nnew S()${CONNECT}`],
    ['the row: a nested pattern with a default', `const { stdout: { constructor: S } = {} } = process;\nnew S()${CONNECT}`],
    ['a nested pattern of a loaded `node:process`', "const { stderr: { __proto__: p } } = require('node:process');\nmodule.exports = p;"],
    ['the row: a parameter pattern of a local function', `function make({ constructor: S }) {\n  new S()${CONNECT}\n}\nmake(process.stdout);`],
    ['a parameter of an arrow kept in a const', 'const make = (s) => new s.constructor();\nmake(process.stderr);'],
    ['a function expression called at once', '(function (s) {\n  module.exports = Object.getPrototypeOf(s);\n})(process.stdin);'],
    ['a rest parameter', 'const make = function (...all) {\n  return new all[0].constructor();\n};\nmake(process.stdout);'],
    ['a parameter default', 'function make(s = process.stdout) {\n  return new s.constructor();\n}\nmake();'],
    ['a catch clause pattern', 'try {\n  throw process.stdout;\n} catch ({ constructor: S }) {\n  new S();\n}'],
    ['a for-of head pattern', 'for (const { constructor: S } of [process.stdout]) new S();'],
    ['an array assignment pattern', 'let S;\n[{ constructor: S }] = [process.stdout];\nnew S();'],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toContain('NETWORK'));
});

describe('an object the stream is stored in or made the prototype of holds it', () => {
  each([
    ['the row: `Object.setPrototypeOf`', `const o = {};\nObject.setPrototypeOf(o, process.stderr);\nnew o.constructor()${CONNECT}`],
    ['the row: `Reflect.setPrototypeOf`', `const o = {};\nReflect.setPrototypeOf(o, process.stdout);\nnew o.constructor()${CONNECT}`],
    ['the row: `o.__proto__ = s`', `const o = {};\no.__proto__ = process.stdout;\nnew o.constructor()${CONNECT}`],
    ['a member assigned', 'const box = {};\nbox.s = process.stdout;\nnew box.s.constructor();'],
    ['a member assigned with `??=`', 'const box = {};\nbox.s ??= process.stderr;\nObject.getPrototypeOf(box.s);'],
    ['`Object.assign` into a local', 'const o = {};\nObject.assign(o, { s: process.stdout });\nnew o.s.constructor();'],
    ['`Object.defineProperty` with the stream as value', "const o = {};\nObject.defineProperty(o, 's', { value: process.stdout });\nnew o.s.constructor();"],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toContain('NETWORK'));
});

describe("Node's own members that are or hand out a standard stream", () => {
  each([
    ['the row: `console._stdout`', `const S = console._stdout.constructor;\nnew S()${CONNECT}`],
    ['`console._stderr` through `globalThis`', 'module.exports = Object.getPrototypeOf(globalThis.console._stderr);'],
    ['`console._stdout` destructured', 'const { _stdout: out } = console;\nnew out.constructor();'],
    ['`console._stderr` in a nested pattern', 'const { _stderr: { constructor: S } } = console;\nnew S();'],
    ['the row: `process.openStdin()`', `const input = process.openStdin();\nconst S = input.constructor;\ninput.pause();\nnew S()${CONNECT}`],
    ['`process._getActiveHandles()` destructured', 'const [h] = process._getActiveHandles();\nnew h.constructor();'],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).toContain('NETWORK'));
});

describe('a stream bound or stored and only used as a stream stays pure (choice 4)', () => {
  each([
    ['a nested pattern of pure members', 'const { stdout: { columns, rows } } = process;\nconsole.log(columns, rows);'],
    ["only the class's name destructured", 'const { stdout: { constructor: { name } } } = process;\nconsole.log(name);'],
    ['a local function that writes', "function log(s, text) {\n  s.write(text);\n}\nlog(process.stdout, 'x');"],
    ['a member assigned and written', "const box = {};\nbox.s = process.stdout;\nbox.s.write('x');"],
    ['a prototype set and written through', "const o = {};\nObject.setPrototypeOf(o, process.stdout);\no.write('x');"],
    ['a catch clause that writes', "try {\n  throw process.stderr;\n} catch (e) {\n  e.write('x');\n}"],
    ["`console._stdout`'s columns", 'console.log(console._stdout.columns);'],
    ['`console.log` destructured', "const { log } = console;\nlog('x');"],
  ] as Row[])('%s', (_name, [, code]) => expect(capabilitiesOf(code)).not.toContain('NETWORK'));
});
