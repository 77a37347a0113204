import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/** Round 15 (fix15a): values that flow where the syntax looked like a test, a read or an unused binding. */
const capabilitiesOf = (text: string, file = 'lib/a.ts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

type Row = readonly [string, string, readonly string[]];
const each = (rows: readonly Row[]) => it.each(rows.map((row) => [row[0], row] as const));

const TRAP = 'const Trap = { [Symbol.hasInstance](v: unknown) { void v; return false; } };\n';
const MAKE = 'const make = () => 0;\n';

describe('comparisons that call a hook of the program are no test (choice 46)', () => {
  each([
    ['`== 0` converts the object through Symbol.toPrimitive', `${MAKE}if (make.constructor == 0) {}`, ['DYNAMIC_CODE']],
    ["`!= ''` converts it too", `${MAKE}if (make.constructor != '') {}`, ['DYNAMIC_CODE']],
    ['`== null` converts nothing', `${MAKE}if (make.constructor == null) {}`, []],
    ['`== Object` compares two objects', `${MAKE}if (make.constructor == Object) {}`, []],
    ['`=== 0` never converts', `${MAKE}if ((make.constructor as unknown) === 0) {}`, []],
    ['`instanceof` a local object hands it to Symbol.hasInstance', `${TRAP}${MAKE}if (make.constructor instanceof (Trap as never)) {}`, ['DYNAMIC_CODE']],
    ['`instanceof Error` (unshadowed builtin) only tests', `${MAKE}if (make.constructor instanceof Error) {}`, []],
    ['`instanceof Error` with `Error` shadowed flows', `${TRAP}const Error = Trap as never;\n${MAKE}if (make.constructor instanceof Error) {}`, ['DYNAMIC_CODE']],
    ['a namespace `instanceof` a local object flows', `import net from 'node:net';\n${TRAP}if (net instanceof (Trap as never)) {}`, ['NETWORK']],
    ['a namespace `instanceof Object` only tests', "import net from 'node:net';\nif (net instanceof Object) {}", []],
    ['a namespace `== 1` flows', "import net from 'node:net';\nif ((net as unknown) == 1) {}", ['NETWORK']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe("`'k' in process.env` reads which variables are set", () => {
  each([
    ["`'HOME' in process.env`", "export const home = 'HOME' in process.env;", ['ENV']],
    ['through an imported `process`', "import process from 'node:process';\nexport const home = 'HOME' in process.env;", ['ENV']],
    ['a truthiness test of `process.env` reads nothing', 'if (process.env) {}', []],
    ["`'env' in process` reads only process's own keys", "export const has = 'env' in process;", []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('aliases through a choice of values', () => {
  each([
    ['`const F = make.constructor || null` then called', `${MAKE}const F = make.constructor || null;\nF!('return 1');`, ['DYNAMIC_CODE']],
    ['`?:` with a `.constructor` branch', `${MAKE}declare const c: boolean;\nconst F = c ? make.constructor : null;\nF!('return 1');`, ['DYNAMIC_CODE']],
    ['`?? ` with only `.name` read stays data', `${MAKE}const F = make.constructor ?? null;\nexport const n = F.name;`, []],
    ["`require('node:process') || {}` then `.env`", "const p = require('node:process') || {};\nexport const path = p.env.PATH;", ['ENV', 'SYSTEM']],
    ["destructured from `require('process') || {}`", "const { env } = require('process') || {};\nexport const path = env.PATH;", ['ENV', 'SYSTEM']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('`.constructor` reads by assignment patterns and bookkeeping', () => {
  each([
    ['`({ constructor: F } = make)`', `${MAKE}let F: any;\n({ constructor: F } = make);\nF('return 1');`, ['DYNAMIC_CODE']],
    ['a folded computed key in the pattern', `${MAKE}let F: any;\n({ ['constr' + 'uctor']: F } = make);\nF('return 1');`, ['DYNAMIC_CODE']],
    ['a nested pattern', 'let F: any;\n({ a: { constructor: F } } = { a: () => 0 });\nF("return 1");', ['DYNAMIC_CODE']],
    ['a pattern without `constructor` reads nothing of it', `${MAKE}let n: any;\n({ name: n } = make);\nexport { n };`, []],
    ['`captureStackTrace` frame marker, untouched', 'export class E extends Error { static mark(o: object) { Error.captureStackTrace(o, this.constructor); } }', []],
    ['`Error.captureStackTrace` replaced in the file', "(Error as any).captureStackTrace = (t: unknown, F: any) => F('return 1');\nexport class E { static mark() { Error.captureStackTrace(this, this.constructor); } }", ['DYNAMIC_CODE']],
    ['replaced through `Object.assign(Error, …)`', "Object.assign(Error, { captureStackTrace: (t: unknown, F: any) => F('x') });\nexport class E { static mark() { Error.captureStackTrace(this, this.constructor); } }", ['DYNAMIC_CODE']],
    ['replaced by a computed write', "(Error as any)['capture' + 'StackTrace'] = () => 0;\nexport class E { static mark() { Error.captureStackTrace(this, this.constructor); } }", ['DYNAMIC_CODE']],
    ['`if (Error.captureStackTrace)` is a feature test (js-yaml, node-fetch)', 'export function E(this: any) { Error.call(this); if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor); }\nE.prototype = Object.create(Error.prototype);', []],
    ['replaced by an escaped computed key', "(Error as any)['captureStackTr\\u0061ce'] = () => 0;\nexport class E { static mark() { Error.captureStackTrace(this, this.constructor); } }", ['DYNAMIC_CODE']],
    ['`X.prototype.constructor ||= X` as a statement', 'function T() {}\nT.prototype.constructor ||= T;', []],
    ['`??=` as a statement', 'function T() {}\nT.prototype.constructor ??= T;', []],
    ['`||=` whose result is exported', 'function T() {}\nexport const C = (T.prototype.constructor ||= T);', ['DYNAMIC_CODE']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

const MAKER = 'class Maker { make() { return this.constructor as any; } }\n';

describe('instance `this.constructor` given another receiver (choice 48)', () => {
  each([
    ['only called on an instance', `${MAKER}export const m = new Maker().make();`, []],
    ['`Maker.prototype.make.call(() => 0)`', `${MAKER}Maker.prototype.make.call(() => 0)('return 1');`, ['DYNAMIC_CODE']],
    ['`Reflect.apply(Maker.prototype.make, …)`', `${MAKER}Reflect.apply(Maker.prototype.make, () => 0, [])('return 1');`, ['DYNAMIC_CODE']],
    ['copied onto a function', `${MAKER}const holder = Object.assign(() => 0, { make: new Maker().make });\nholder.make()('return 1');`, ['DYNAMIC_CODE']],
    ['destructured from an instance', `${MAKER}const { make } = new Maker();\nmake.call(() => 0)('return 1');`, ['DYNAMIC_CODE']],
    ['the class handed on (`Reflect.construct`)', 'class P { C = this.constructor as any; }\nexport const x = Reflect.construct(P, [], Function).C;', ['DYNAMIC_CODE']],
    ['a type position is no use of the class', 'export class P { clone(): P { return new (this.constructor as new () => P)(); } }', []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

describe('a builtin binding nothing uses reaches nothing: one rule (choice 34)', () => {
  each([
    ["`var cp = require('node:child_process')` unused", "var cp = require('node:child_process');", []],
    ['a default import of child_process unused', "import cp from 'node:child_process';", []],
    ['used, it is EXEC', "import cp from 'node:child_process';\ncp.execSync('x');", ['EXEC']],
    ['exported, it is EXEC', "export const cp = require('node:child_process');", ['EXEC']],
    ['a bare import still loads it', "import 'node:child_process';", ['EXEC']],
    ['`import { exec }` unused', "import { exec } from 'node:child_process';", []],
    ['`import { exec }` re-exported', "import { exec } from 'node:child_process';\nexport { exec };", ['EXEC', 'UNANALYZED']],
    ["`const { exec } = require('child_process')` unused", "const { exec } = require('child_process');", []],
    ["`export const { exec } = require('child_process')`", "export const { exec } = require('child_process');", ['EXEC']],
    ['used only by `export type … = typeof connect`', "import { connect } from 'node:net';\nexport type Run = typeof connect;", []],
    ['a type use and a call', "import { connect } from 'node:net';\nexport type Run = typeof connect;\nconnect(1);", ['NETWORK']],
    ['spelled with an escape', "import { connect } from 'node:net';\n\\u0063onnect(1);", ['NETWORK']],
    ['put in an object', "import { connect } from 'node:net';\nexport const x = { connect };", ['NETWORK']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));

  it('a lower-case JSX tag is a string, not the binding; a capitalised one is the binding', () => {
    expect(capabilitiesOf("/** @jsx h */\nimport { connect } from 'node:net';\nfunction h(t: unknown): string { return String(t); }\nexport const v = <connect />;", 'lib/a.tsx')).toEqual([]);
    expect(capabilitiesOf("/** @jsx h */\nimport { connect as Connect } from 'node:net';\nfunction h(t: unknown): string { return String(t); }\nexport const v = <Connect />;", 'lib/a.tsx')).toEqual(['NETWORK']);
  });
});

describe('scopes the walk keeps one of', () => {
  each([
    ['a default closure sees the outer binding, not the body `var`', "const net = require('node:net');\nfunction go(get = () => net) { var net: unknown; void net; return get(); }\ngo().connect(1);", ['NETWORK']],
    ['a plain default too', "const net = require('node:net');\nfunction go(x = net) { var net: unknown; void net; return x; }\ngo().connect(1);", ['NETWORK']],
    ['a body `var` no default reads is the body\'s', "const net = require('node:net');\nfunction go(x = 1) { var net = { connect() {} }; return net.connect(), x; }\ngo();", []],
    ['`export import run = net.connect` in a namespace', "import net = require('node:net');\nnamespace N { export import run = net.connect; }\nN.run(1);", ['NETWORK']],
    ['`import n2 = net` aliases the whole module', "import net = require('node:net');\nimport n2 = net;\nn2.isIP('x');", ['NETWORK']],
    ['`import P = NodeJS.Process` is a type', 'import P = NodeJS.Process;\nexport type Q = P;', []],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});

const CP = "const cp = require('node:child_process');\n";

describe('global stores of plain data (choice 47), and the evasions next to them', () => {
  each([
    ['`Object.assign(globalThis, { config: { level: 1 } })`', 'Object.assign(globalThis, { appConfig: { level: 1 } });', []],
    ['`Object.assign` storing a capability', `${CP}Object.assign(globalThis, { run: cp.execSync });`, ['EXEC', 'UNANALYZED']],
    ['`Object.assign` storing a function', 'Object.assign(globalThis, { run: () => 1 });', ['UNANALYZED']],
    ['`Object.assign` whose result is kept', 'export const g = Object.assign(globalThis, { a: 1 });', ['UNANALYZED']],
    ["`Object.defineProperty(globalThis, 'v', { value: '1.0' })`", "Object.defineProperty(globalThis, 'appVersion', { value: '1.0', writable: false });", []],
    ['`defineProperty` with a getter', "Object.defineProperty(globalThis, 'appVersion', { get: () => '1.0' });", ['UNANALYZED']],
    ['`defineProperty` replacing `fetch`', "Object.defineProperty(globalThis, 'fetch', { value: 1 });", ['UNANALYZED']],
    ['`defineProperties` of data', 'Object.defineProperties(globalThis, { appA: { value: 1 }, appB: { value: [1, 2] } });', []],
    ["`Reflect.set(globalThis, 'answer', 42)`", "Reflect.set(globalThis, 'appAnswer', 42);", []],
    ['`Reflect.set` of a local', "const v = { a: 1 };\nReflect.set(globalThis, 'appAnswer', v);", ['UNANALYZED']],
    ["a `Symbol.for` keyed global read", "globalThis[Symbol.for('app.state') as never] = { ready: true } as never;\nexport const s = (globalThis as any)[Symbol.for('app.state')];", []],
    ['a runtime keyed global read', 'declare const k: string;\nexport const s = (globalThis as any)[k];', ['UNANALYZED']],
    ['a declared alias storing data', 'const g: any = globalThis || global;\ng.appCache = g.appCache || {};\ng.appCache.hits = 1;\nexport const h = g.appCache.hits;', []],
    ['a declared alias storing a call', `${CP}const g: any = globalThis || {};\ng.run = cp.execSync.bind(null);`, ['EXEC', 'UNANALYZED']],
    ['a declared alias storing into a member of a member', "const fs = require('node:fs');\nconst g: any = globalThis || global;\ng.appCache = g.appCache || {};\ng.appCache.read = fs.readFileSync;", ['FILES_READ', 'FILES_WRITE', 'UNANALYZED']],
    ['a declared alias exported by name', 'const g: any = globalThis || global;\ng.appA = 1;\nexport { g };', ['UNANALYZED']],
  ])('%s', (_name, [, code, expected]) => expect(capabilitiesOf(code)).toEqual([...expected].sort()));
});
