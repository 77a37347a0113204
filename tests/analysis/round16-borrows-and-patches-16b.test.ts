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
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});
