import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/** Round 16 (fix16b): members taken without a name, builtins the guard trusts patched, `Object.prototype` by other spellings. */
const capabilitiesOf = (text: string, file = 'lib/a.ts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string, readonly string[]];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

const CLONE = "class C { make() { return new this.constructor('x'); } }\n";

describe('a method taken without naming it may get another receiver (choice 48, 65)', () => {
  each([
    ["`Reflect.get(c, 'make')` names the member", `${CLONE}const m = Reflect.get(new C(), 'make');\nReflect.apply(m, () => 0, []);`, ['DYNAMIC_CODE']],
    ['`Reflect.get(proto, key)` with a computed key', `${CLONE}const p = Object.getPrototypeOf(new C());\nfor (const key of Reflect.ownKeys(p)) Reflect.apply(Reflect.get(p, key), () => 0, []);`, ['DYNAMIC_CODE']],
    ["`getOwnPropertyDescriptor(proto, 'make').value`", `${CLONE}const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(new C()), 'make');\nd?.value.call(() => 0);`, ['DYNAMIC_CODE']],
    ["`Reflect.getOwnPropertyDescriptor(proto, 'make')`", `${CLONE}const d = Reflect.getOwnPropertyDescriptor(Object.getPrototypeOf(new C()), 'make');\nd?.value.call(() => 0);`, ['DYNAMIC_CODE']],
    ['`getOwnPropertyDescriptors(proto)` hands out every method', `${CLONE}const p = Object.getPrototypeOf(new C());\nfor (const d of Object.values(Object.getOwnPropertyDescriptors(p))) d.value.call(() => 0);`, ['DYNAMIC_CODE']],
    ['`proto[key]` with a key from `getOwnPropertyNames`', `${CLONE}const p = Object.getPrototypeOf(new C());\nfor (const key of Object.getOwnPropertyNames(p)) Reflect.apply(p[key], () => 0, []);`, ['DYNAMIC_CODE']],
    ['a free name inside `with`', `${CLONE}let m;\nwith (Object.getPrototypeOf(new C())) { m = make; }`, ['DYNAMIC_CODE']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('reads that give no method another receiver keep the clone exempt', () => {
  each([
    ['a direct call', `${CLONE}new C().make();`, []],
    ['a computed key called at once (`c[k]()` keeps `c` as receiver)', `${CLONE}const c = new C();\nconst k = String(c);\nc[k]();`, []],
    ['a symbol key names no declared method', `${CLONE}const c = new C() as never;\nvoid c[Symbol.iterator];`, []],
    ['a computed write takes nothing out', `${CLONE}const o: Record<string, number> = {};\no[String(1)] = 1;\nnew C().make();`, []],
    ['a loop counter names only numbered members', `${CLONE}const a = [1];\nfor (let i = 0; i < a.length; i++) void a[i];\nnew C().make();`, []],
    ['`buffer[pos++]` and `buffer[pos - 1]`', `${CLONE}const a = [1];\nlet pos = 0;\nvoid a[pos++];\nvoid a[pos - 1];\nnew C().make();`, []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
  each([
    ['a counter the file also sets to a string', `${CLONE}const p = Object.getPrototypeOf(new C());\nlet i: number | string = 0;\ni = 'make';\nReflect.apply(p[i], () => 0, []);`, ['DYNAMIC_CODE']],
    ['a numeric key reaches a method named like a number', "class C { 0() { return new this.constructor('x'); } }\nconst p = Object.getPrototypeOf(new C());\nlet i = 0;\nReflect.apply(p[i], () => 0, []);", ['DYNAMIC_CODE']],
    ['a parameter key is not known to be a number', `${CLONE}export function pick(o: Record<number, unknown>, k: number) { return o[k]; }`, ['DYNAMIC_CODE']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

const HOOK = '{ value(v: unknown) { return !v; } }';

describe('a hook defined on a builtin class is a patch of every `instanceof` it (choice 46, 66)', () => {
  each([
    ['`Object.defineProperty(Array, Symbol.hasInstance, …)`', `Object.defineProperty(Array, Symbol.hasInstance, ${HOOK});`, ['UNANALYZED']],
    ['`Object.defineProperties(RegExp, { [Symbol.hasInstance]: … })`', `Object.defineProperties(RegExp, { [Symbol.hasInstance]: ${HOOK} });`, ['UNANALYZED']],
    ['`Reflect.defineProperty(Set, Symbol.hasInstance, …)`', `Reflect.defineProperty(Set, Symbol.hasInstance, ${HOOK});`, ['UNANALYZED']],
    ['through `globalThis.Date`', `Object.defineProperty(globalThis.Date, Symbol.hasInstance, ${HOOK});`, ['UNANALYZED']],
    ['a computed key that is no constant string', `const k: symbol = Symbol.hasInstance;\nObject.defineProperty(Map, k, ${HOOK});`, ['UNANALYZED']],
    ['a new prototype holding the hook (`setPrototypeOf`)', 'Object.setPrototypeOf(Error, { [Symbol.hasInstance]: (v: unknown) => !v });', ['UNANALYZED']],
    ['a new prototype by `__proto__`', '(Error as { __proto__: unknown }).__proto__ = { [Symbol.hasInstance]: (v: unknown) => !v };', ['UNANALYZED']],
    ['`__defineGetter__(Symbol.hasInstance, …)`', '(Date as never as { __defineGetter__(k: symbol, f: () => unknown): void }).__defineGetter__(Symbol.hasInstance, () => () => false);', ['UNANALYZED']],
    ['the hook on a target the guard cannot name', `export function install(target: object) { Object.defineProperty(target, Symbol.hasInstance, ${HOOK}); }`, ['UNANALYZED']],
    ['the global class replaced', 'globalThis.Map = class {} as never;', ['UNANALYZED']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
  each([
    ["the file's own class defines its hook", `class Own {}\nObject.defineProperty(Own, Symbol.hasInstance, ${HOOK});`, []],
    ['a named data member on a builtin class', "Object.defineProperty(Array, 'tag', { value: 1 });", []],
    ['a static polyfill (`Array.from = …`)', 'Array.from = Array.from || ((x: never) => x);', []],
    ['`instanceof Array` with no hook defined still only tests', "import net from 'node:net';\nif (net instanceof Array) {}", []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('keys that only look constant: `Symbol` and `String` patched (choice 66)', () => {
  each([
    ["`Symbol.x = 'process'`", "(Symbol as never as Record<string, string>).rt16 = 'process';", ['UNANALYZED']],
    ['`Symbol.for` replaced', "(Symbol as { for: unknown }).for = () => 'process';", ['UNANALYZED']],
    ["`Object.defineProperty(Symbol, 'for', …)`", "Object.defineProperty(Symbol, 'for', { value: () => 'process' });", ['UNANALYZED']],
    ['the global `Symbol` replaced', "globalThis.Symbol = { for: () => 'process' } as never;", ['UNANALYZED']],
    ['`String.fromCharCode` replaced', "String.fromCharCode = () => 'env';", ['UNANALYZED']],
    ["`Object.defineProperty(String, 'fromCharCode', …)`", "Object.defineProperty(String, 'fromCharCode', { value: () => 'process' });", ['UNANALYZED']],
    ['`String.raw` by a getter (the tag the guard trusts)', "(String as never as { __defineGetter__(k: string, f: () => unknown): void }).__defineGetter__('raw', () => () => 'x');", ['UNANALYZED']],
    ['`Object.assign(String, …)`', "Object.assign(String, { fromCharCode: () => 'env' });", ['UNANALYZED']],
    ['`Object.assign` with the member in a later source', "Object.assign(String, {}, { fromCharCode: () => 'env' });", ['UNANALYZED']],
    ['a new prototype gives `Symbol` a member', "Object.setPrototypeOf(Symbol, { rt16: 'process' });", ['UNANALYZED']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
  each([
    ['a symbol polyfill (`Symbol.asyncIterator ||= Symbol.for(…)`)', "(Symbol as { asyncIterator: symbol }).asyncIterator = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');", []],
    ['a member of `String` nothing of the guard reads (natural-compare)', '(String as never as Record<string, unknown>).naturalCompare = () => 0;', []],
    // `padStart` is folded since choice 77, so its polyfill is UNANALYZED (folded-builtins-18f.test.ts); a member the folder never runs stays clean.
    ['a `String.prototype` member the folder never runs', '(String.prototype as never as Record<string, unknown>).padLeft = function () { return \'\'; };', []],
    ['a folded key with nothing patched is still folded', 'export const pid = process[String.fromCharCode(112, 105, 100) as never];', []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('`Object.prototype` written by other spellings (choice 35, 66)', () => {
  each([
    ["`const { prototype } = Object; prototype.flag = 'a'`", "const { prototype } = Object;\n(prototype as Record<string, string>).flag = 'a';", ['UNANALYZED']],
    ["`const { prototype: P } = Object`", "const { prototype: P } = Object;\n(P as Record<string, string>).flag = 'a';", ['UNANALYZED']],
    ['an assignment pattern into a `let`', "let P: Record<string, string> = {};\n({ prototype: P } = Object);\nP.flag = 'a';", ['UNANALYZED']],
    ['a `var` alias (never followed before)', "var OP: Record<string, string> = Object.prototype as never;\nOP.flag = 'a';", ['UNANALYZED']],
    ["`Reflect.get(Object, 'prototype').flag = 'a'`", "Reflect.get(Object, 'prototype').flag = 'a';", ['UNANALYZED']],
    ["`getOwnPropertyDescriptor(Object, 'prototype').value.flag`", "Object.getOwnPropertyDescriptor(Object, 'prototype')!.value.flag = 'a';", ['UNANALYZED']],
    ['`getOwnPropertyDescriptors(Object).prototype.value.flag`', "Object.getOwnPropertyDescriptors(Object).prototype.value.flag = 'a';", ['UNANALYZED']],
    ['a destructured `Array.prototype` member replaced', "const { prototype: AP } = Array;\n(AP as never as Record<string, unknown>).join = () => '';", ['UNANALYZED']],
    ['a free name assigned in `with (Array.prototype)`', "with (Array.prototype) { join = () => ''; }", ['UNANALYZED']],
    ['in a block nested in `with (Object.prototype)`', "with (Object.prototype) { if (Date.now()) { toString = () => ''; } }", ['UNANALYZED']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
  each([
    ["a free name assigned in `with` of the file's own object", 'const o = { a: 1 };\nwith (o) { a = 2; }', []],
    ['a `var` alias only read', 'var OP = Object.prototype;\nexport const has = OP.hasOwnProperty;', []],
    ["a class's own prototype destructured and written", "class Own {}\nconst { prototype } = Own;\n(prototype as never as Record<string, string>).flag = 'a';", []],
    ["`Reflect.get(Own, 'prototype')` of the file's class", "class Own {}\nReflect.get(Own, 'prototype').flag = 'a';", []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});
