import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

// Round 17 (fold17, docs/choices.md 77): the constant folder evaluates the pure String/Array/JSON/Object/URI
// builtins over constants (analysis/syntax/folded-builtins.ts), trusted while no module replaces them: the
// replacement is UNANALYZED where it is written, and a file that loads another module folds no builtin call.
const run = (code: string, file = 'src/a.cjs'): { capabilities: string[]; specifiers: Array<string | null> } => {
  const facts = analyzeSourceFile(parseSourceText(file, code), { policy: RECOMMENDED_POLICY, relativePath: file });
  return { capabilities: facts.findings.map((finding) => finding.capability ?? '').sort(), specifiers: facts.references.map((reference) => reference.specifier) };
};
const capabilities = (code: string): string[] => run(code).capabilities;

/** Spellings of a module name with `NAME` in place of the module (each runs one folded builtin or more). */
const SPELLINGS: Array<[string, (name: string) => string]> = [
  ['toLowerCase (the row)', (name) => `'${name.toUpperCase()}'.toLowerCase()`],
  ['padStart (the row)', (name) => `'${name.slice(5)}'.padStart(${name.length}, 'node:')`],
  ['slice with a negative end (the row)', (name) => `'${name}X'.slice(0, -1)`],
  ['trim (the row)', (name) => `' ${name} '.trim()`],
  ["split('').join('') (the row)", (name) => `'${name}'.split('').join('')`],
  ['JSON.parse (the row)', (name) => `JSON.parse('"${name}"')`],
  ['Object.keys of a literal (the row)', (name) => `Object.keys({ '${name}': 1 })[0]`],
  ['decodeURIComponent (the row)', (name) => `decodeURIComponent('${name.replace(':', '%3A')}')`],
  ['toUpperCase then toLowerCase', (name) => `'${name}'.toUpperCase().toLowerCase()`],
  ["replace of a string pattern", (name) => `'node:xyz'.replace('xyz', '${name.slice(5)}')`],
  ['at of an array literal', (name) => `['${name}'].at(-1)`],
  ['an element of a parsed JSON array', (name) => `JSON.parse('["x", "${name}"]')[1]`],
  ['String.fromCodePoint', (name) => `String.fromCodePoint(${[...name].map((c) => c.codePointAt(0)).join(', ')})`],
  ['a method of a concatenation', (name) => `('NODE:' + '${name.slice(5).toUpperCase()}').toLowerCase()`],
  // Round 19 (choice 91): String.raw, trusted as the table's builtins are.
  ['String.raw (round 19)', (name) => `String.raw\`${name}\``],
  ['String.raw with a folded substitution', (name) => `String.raw\`node:\${'${name.slice(5)}'}\``],
];

describe('a folded module name with nothing replaced is that module (the look-alikes)', () => {
  for (const [name, spell] of SPELLINGS) {
    it(`${name}: node:path, whose join is used, reaches nothing`, () => {
      expect(run(`const m = require(${spell('node:path')});\nconsole.log(m.join('a', 'b'));`)).toEqual({ capabilities: [], specifiers: ['node:path'] });
    });
  }
});

describe('the same spellings of a capability module are judged as the module (the evasion twins)', () => {
  for (const [name, spell] of SPELLINGS) {
    it(`${name}: node:child_process is EXEC`, () => expect(capabilities(`const m = require(${spell('node:child_process')});\nm.execSync('ls');`)).toEqual(['EXEC']));
  }
  it('a folded name of node:net is NETWORK, through import() too', () => {
    expect(capabilities("require('NODE:NET'.toLowerCase()).connect(1);")).toEqual(['NETWORK']);
    expect(capabilities("import(' node:net '.trim());")).toEqual(['NETWORK']);
  });
  it('a folded name of node:process is followed member by member: its env is ENV, its pid nothing', () => {
    expect(capabilities("const p = require('NODE:PROCESS'.toLowerCase());\nconsole.log(p.env.HOME);")).toEqual(['ENV']);
    expect(capabilities("const p = require('NODE:PROCESS'.toLowerCase());\nconsole.log(p.pid);")).toEqual([]);
  });
  it('a folded key of process is that member: pid reads nothing, env is ENV', () => {
    expect(capabilities("console.log(process['PID'.toLowerCase()]);")).toEqual([]);
    expect(capabilities("console.log(process[JSON.parse('\"env\"')].HOME);")).toEqual(['ENV']);
    expect(capabilities("console.log(process[Object.keys({ env: 1 })[0]].HOME);")).toEqual(['ENV']);
    expect(capabilities("console.log(globalThis['PROCESS'.toLowerCase()].env.HOME);")).toEqual(['ENV']);
  });
});

describe('a folded builtin replaced is UNANALYZED where it is replaced (the patched twins, in any module)', () => {
  const cases: Array<[string, string]> = [
    ['String.prototype.toLowerCase = f (the row)', "String.prototype.toLowerCase = function () { return 'node:child_process'; };"],
    ["Object.defineProperty(String.prototype, 'normalize', …) (the row)", "Object.defineProperty(String.prototype, 'normalize', { value() { return 'x'; } });"],
    ['JSON.parse = f (the row)', "JSON.parse = () => 'node:child_process';"],
    ['Object.keys = f (the row)', "Object.keys = () => ['env'];"],
    ['globalThis.decodeURIComponent = f (the row)', "globalThis.decodeURIComponent = () => 'node:child_process';"],
    ['decodeURIComponent = f (a free name is the global)', "decodeURIComponent = () => 'x';"],
    ["''.__proto__.trim = f", "''.__proto__.trim = () => 'x';"],
    ["Object.getPrototypeOf('').split = f", "Object.getPrototypeOf('').split = () => ['x'];"],
    ['a const alias of String.prototype', 'const SP = String.prototype;\nSP.slice = () => "x";'],
    ['String.prototype[Symbol.split] (a string separator looks it up)', 'String.prototype[Symbol.split] = () => ["x"];'],
    ['a new prototype for String.prototype', 'Object.setPrototypeOf(String.prototype, {});'],
    ['String.prototype.__proto__ = p', 'String.prototype.__proto__ = {};'],
    ['with (String.prototype) { trim = f } (sloppy)', 'with (String.prototype) { trim = () => "x"; }'],
    ['the global JSON replaced', 'globalThis.JSON = { parse: () => "x" };'],
    ["Object.assign(JSON, { parse })", "Object.assign(JSON, { parse: () => 'x' });"],
    ['String.fromCodePoint = f', "String.fromCodePoint = () => 'x';"],
    ['a guarded polyfill of a folded method (it replaces one when it runs)', "if (!String.prototype.padStart) String.prototype.padStart = function () { return ''; };"],
    // Round 19 (choice 91): the prototype by other spellings of the write and of the object.
    ['a destructuring target on Object.prototype[Symbol.split] (the row)', '({ hook: (Object.prototype as any)[Symbol.split] } = { hook: () => ["x"] });'],
    ['an array-pattern target on String.prototype.trim with a default', '[String.prototype.trim = () => "x"] = [];'],
    ['a destructuring target on String.fromCodePoint', '({ f: String.fromCodePoint } = { f: () => "x" });'],
    ["a function handed '' as its receiver returns String.prototype (the row)", "const proto = function (this: unknown) { return Object.getPrototypeOf(this); }.call('');\nproto.trim = () => 'x';"],
    ['the same through Reflect.apply and this.__proto__', "const proto = Reflect.apply(function (this: any) { return this.__proto__; }, 'x', []);\nproto.slice = () => 'x';"],
  ];
  for (const [name, code] of cases) it(name, () => expect(capabilities(code)).toEqual(['UNANALYZED']));
});

describe('negative controls: writes that replace nothing the folder runs', () => {
  const cases: Array<[string, string]> = [
    ['a String.prototype member the folder never runs', "(String.prototype as never as Record<string, unknown>).padLeft = () => '';"],
    ['with (String.prototype) assigning a name it lacks', 'let other;\nwith (String.prototype) { other = 1; }'],
    ['a member of Object the folder never calls', 'Object.values = Object.values || (() => []);'],
    ['a local named decodeURIComponent', 'let decodeURIComponent = (x: string) => x;\ndecodeURIComponent = (x: string) => x + "!";'],
    ['a member of a local JSON-like object', 'const codec = { parse: (x: string) => x };\ncodec.parse = (x: string) => x;'],
    ['a destructuring target on a local object', 'const box: Record<string, unknown> = {};\n({ trim: box.trim } = { trim: () => "x" });'],
    ['a function handed its own class instance returns that class prototype', "class Box { trim() { return ''; } }\nconst proto = function (this: unknown) { return Object.getPrototypeOf(this); }.call(new Box());\nproto.trim = () => 'x';"],
  ];
  for (const [name, code] of cases) it(name, () => expect(capabilities(code)).toEqual([]));
});

describe('what the folder does not read stays UNANALYZED', () => {
  const computed = (code: string): void => expect(run(code)).toEqual({ capabilities: ['UNANALYZED'], specifiers: [null] });
  it('a file that loads another module first folds no builtin (that module may be the patch: the rows)', () => {
    expect(run("require('./patch.cjs');\nconst m = require('NODE:PATH'.toLowerCase());\nm.execSync('ls');")).toEqual({ capabilities: ['UNANALYZED'], specifiers: ['./patch.cjs', null] });
    expect(capabilities("require('./patch.cjs');\nconsole.log(process['PID'.toLowerCase()]);")).toEqual(['UNANALYZED']);
    expect(capabilities("import './patch.js';\nexport const m = await import(JSON.parse('\"node:path\"'));")).toEqual(['UNANALYZED']);
    expect(capabilities("const load = require;\nexport const m = load(' node:path '.trim());")).toContain('UNANALYZED');
  });
  it('loading only builtins keeps the fold', () => {
    expect(run("const fs = require('node:fs');\nconst m = require('NODE:PATH'.toLowerCase());\nconsole.log(m.join('a'), typeof fs);").specifiers).toEqual(['node:fs', 'node:path']);
  });
  it('a replace with a regular expression (RegExp.prototype runs)', () => computed("require('node:fs'.replace(/fs/, 'path'));"));
  it('a list changed after its const is made', () => computed("const parts = ['node:path'];\nparts[0] = 'node:child_process';\nrequire(parts.join(''));"));
  it('a shadowed JSON', () => computed("const JSON = { parse: () => 'node:child_process' };\nrequire(JSON.parse('\"node:path\"'));"));
  it('a locale-dependent method', () => computed("require('NODE:PATH'.toLocaleLowerCase());"));
  it('a text longer than the folder computes (no 1e9-character string is built)', () => computed("require('x'.repeat(1e9));"));
  it('an object literal with a spread or a __proto__ key', () => {
    computed('require(Object.keys({ ...{ a: 1 } })[0]);');
    computed("require(Object.keys({ __proto__: null, 'node:path': 1 })[0]);");
  });
  it('a builtin that throws (a malformed escape)', () => computed("require(decodeURIComponent('%E0%A4%A'));"));
});

describe('String.raw folds only as the tag it is (choice 91)', () => {
  it('a shadowed String', () => expect(capabilities("const String = { raw: () => 'node:child_process' };\nrequire(String.raw`node:path`);")).toEqual(['UNANALYZED']));
  it('another tag', () => expect(capabilities("const tag = (s: TemplateStringsArray) => s[0];\nrequire(tag`node:path`);")).toEqual(['UNANALYZED']));
  it('a raw escape is kept as written (it names no builtin)', () => expect(run("require(String.raw`node:pa\\th`);").specifiers).toContain('node:pa\\th'));
});
