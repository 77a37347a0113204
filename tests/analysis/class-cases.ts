/**
 * Snippets per class of issue #10, with the capabilities both modes must report ([] = clean).
 * The syntactic detector and the typed classifier run the same rows (syntax-classes, typed-classes).
 */
/** [description, code, capabilities the syntactic detector must report ([] = clean)]. */
export type Case = readonly [string, string, readonly string[]];

export const SCOPE: Case[] = [
  ['a `var` alias made in a `try` is the function\'s binding', "function f() { try { var r = require; } catch {} return r('node:child_process'); }", ['EXEC', 'UNANALYZED']],
  ['a `var` in an `if` shadows the global in the whole function', 'function f(c: boolean) { if (c) { var fetch = () => 1; } return fetch(); }', []],
  ['a `let` in a block does not leak out of it', "function f() { { let fetch = () => 1; void fetch; } return fetch('x'); }", ['NETWORK']],
  ['a namespace of types does not shadow `process`', 'namespace process { export type T = 1; }\nexport const t = process.env.TOKEN;', ['ENV']],
  ['an instantiated namespace does shadow', 'namespace process { export const env = {}; }\nexport const t = process.env;', []],
  ['`import type { X as process }` creates no value', "import type { Env as process } from './env.js';\nexport const t = process.env;", ['ENV']],
  ['`import F = NS.T` of an ambient namespace is a type', 'import process = NodeJS.Process;\nexport const t = process.env;', ['ENV']],
];

export const LOADER: Case[] = [
  ['`require` passed as a value', 'export const load = (f: (r: unknown) => void) => f(require);', ['UNANALYZED']],
  ['`module.__proto__`', "export const m = module.__proto__;", ['UNANALYZED']],
  ['`require.bind`', "export const r = require.bind(null);", ['UNANALYZED']],
  ['`Reflect.apply(require, …)`', "Reflect.apply(require, null, ['node:net']);", ['UNANALYZED']],
  ["the CommonJS wrapper's `arguments`", "const r = arguments[1];\nr('node:net');", ['UNANALYZED']],
  ['`module` exported', 'export default module;', ['UNANALYZED']],
  ['bookkeeping: `module.exports`, `exports.x`', 'module.exports = { a: 1 };\nexports.b = 2;', []],
  ['bookkeeping: `require.main === module`', 'if (require.main === module) { void 0; }', []],
  ['bookkeeping: `typeof require`', "export const cjs = typeof require === 'function';", []],
  ['bookkeeping: `require.resolve(literal)`', "export const where = require.resolve('./x.js');", []],
  ['bookkeeping: `require.main.filename`', 'export const entry = require.main?.filename;', []],
  ['`arguments` inside a function is that function\'s', 'export function f() { return arguments[0]; }', []],
];

export const CONSTRUCTOR: Case[] = [
  ['computed `constructor`', "export const F = (() => 1)['constructor'];", ['DYNAMIC_CODE']],
  ['constant-folded `constructor`', "const k = 'constr' + 'uctor';\nexport const run = (() => 1)[k]('return 1');", ['DYNAMIC_CODE']],
  ['destructured `constructor` then called', "const { constructor: C } = async () => 1;\nC('return 1');", ['DYNAMIC_CODE']],
  ['`Reflect.get(f, "constructor")` called', "Reflect.get(Math.max, 'constructor')('return 1');", ['DYNAMIC_CODE']],
  ['`this.constructor` in a static method', "export class A { static make() { return this.constructor('return 1'); } }", ['DYNAMIC_CODE']],
  ['a `.constructor` passed on', 'declare const use: (f: unknown) => void;\nuse([].map.constructor);', ['DYNAMIC_CODE']],
  ['`.constructor.call`', "[].map.constructor.call(null, 'return 1');", ['DYNAMIC_CODE']],
  ['only `.name` read', 'export const kind = (v: object) => v.constructor.name;', []],
  ['compared', 'export const plain = (v: object) => v.constructor === Object;', []],
  ['`instanceof` through a local alias', 'export function f(v: object, w: object) { const C = v.constructor; return w instanceof C && C.name.length > 0; }', []],
  ['`new this.constructor()` in an instance method', 'export class P { clone() { return new (this.constructor as new () => P)(); } }', []],
];

export const GLOBALS: Case[] = [
  ['`frames.fetch`', "frames.fetch('https://x');", ['NETWORK']],
  ['`top` as a value', 'export const g = top;', ['UNANALYZED']],
  ['`parent[k]`', 'export const g = (k: string) => parent[k as never];', ['UNANALYZED']],
  ['`document.defaultView.fetch`', "document.defaultView!.fetch('https://x');", ['NETWORK']],
  ['`navigator.sendBeacon`', "navigator.sendBeacon('https://x', 'd');", ['NETWORK']],
  ['`navigator` aliased', "const n = navigator;\nn.sendBeacon('https://x');", ['DYNAMIC_CODE', 'FILES_READ', 'FILES_WRITE', 'NETWORK']],
  ['`navigator[computed]`', "navigator['send' + 'Beacon']('https://x');", ['NETWORK']],
  ['`const { sendBeacon } = navigator`', 'const { sendBeacon } = navigator;\nsendBeacon("https://x");', ['NETWORK']],
  ['`WebTransport`', "new WebTransport('https://x');", ['NETWORK']],
  ['`RTCPeerConnection`', 'new RTCPeerConnection();', ['NETWORK']],
  ['`importScripts`', "importScripts('https://x/a.js');", ['DYNAMIC_CODE', 'NETWORK']],
  ['`navigator.serviceWorker.register`', "navigator.serviceWorker.register('/sw.js');", ['DYNAMIC_CODE', 'NETWORK']],
  ['`localStorage.getItem`', "export const v = localStorage.getItem('k');", ['FILES_READ']],
  ['`sessionStorage.setItem`', "sessionStorage.setItem('k', 'v');", ['FILES_WRITE']],
  ['`indexedDB.open`', "indexedDB.open('db');", ['FILES_READ', 'FILES_WRITE']],
  ['OPFS `navigator.storage.getDirectory()`', 'export const root = navigator.storage.getDirectory();', ['FILES_READ', 'FILES_WRITE']],
];

export const PRECISION: Case[] = [
  // Round 19 (choice 91): the names of `process`'s keys hold none of its values.
  ['`Object.keys(process)` reads only names', 'export const n = Object.keys(process).length;', []],
  ['`Object.getOwnPropertyNames(process)` reads only names', "export const has = Object.getOwnPropertyNames(process).includes('env');", []],
  ['`Object.values(process)` hands the values on', 'export const v = Object.values(process);', ['UNANALYZED']],
  ['`Function.prototype.toString.call(f)`', 'export const source = (f: () => void) => Function.prototype.toString.call(f);', []],
  ["`typeof X === 'function'`", "export const hasFetch = typeof globalThis.fetch === 'function';", []],
  ["`'X' in window`", "export const hasBeacon = 'sendBeacon' in navigator && 'fetch' in window;", []],
  ['`globalThis.Deno.args`', 'export const args = globalThis.Deno?.args ?? [];', []],
  ['`Deno.env` is ENV only', "export const home = Deno.env.get('HOME');", ['ENV']],
  ['a feature test of a global', 'export const isBrowser = !!globalThis.window && window === self;', []],
  ['`AsyncLocalStorage` (request context) is in-process', "import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';\nexport const store = new AsyncLocalStorage<string>();\nexport const bound = AsyncResource.bind(() => 1);", []],
  ['facts of `node:os`, HTTP tables, IP parsing, message ports, test declarations', "import os from 'node:os';\nimport { STATUS_CODES } from 'node:http';\nimport { isIP } from 'node:net';\nimport { MessageChannel } from 'node:worker_threads';\nimport { describe } from 'node:test';\nexport const facts = [os.platform(), os.availableParallelism(), STATUS_CODES[200], isIP('::1'), new MessageChannel(), describe];", []],
  ['`os.homedir()` and `os.setPriority` stay SYSTEM', "import os from 'node:os';\nexport const home = os.homedir();\nos.setPriority(0, 1);", ['SYSTEM']],
  ['`process.report.getReport()` holds the environment (and writes no file)', 'export const report = process.report.getReport();', ['ENV', 'SYSTEM']],
  ['`createHook` observes the whole process', "import { createHook } from 'node:async_hooks';\ncreateHook({}).enable();", ['SYSTEM']],
];

/** `Function.prototype.caller`: at a CommonJS module's top level the caller is the wrapper, whose `arguments` hold `require`. */
export const CALLER: Case[] = [
  ['`fn.caller` returned', 'function probe() { return probe.caller; }\nexport const wrapper = probe();', ['UNANALYZED']],
  ['`arguments.callee.caller`', 'export function f() { return arguments.callee.caller; }', ['UNANALYZED']],
  ['constant-folded `caller`', "function p() { return p['cal' + 'ler']; }\nexport const w = p();", ['UNANALYZED']],
  ['destructured `caller`', 'function p() { const { caller } = p; return caller; }\nexport const w = p();', ['UNANALYZED']],
  ["`Reflect.get(fn, 'caller')`", "function p(): unknown { return Reflect.get(p, 'caller'); }\nexport const w = p();", ['UNANALYZED']],
  ['only `.caller.name` read', 'export const who = (f: () => void) => f.caller?.name;', []],
  ['`.caller` tested', 'export const nested = (f: () => void) => f.caller !== null;', []],
  ['a V8 call site\'s `getFunction()`', 'declare const sites: Array<{ getFunction(): unknown }>;\nexport const fns = sites.map((site) => site.getFunction());', ['UNANALYZED']],
  ['a call site\'s `getFunction()` only tested', 'declare const site: { getFunction(): unknown };\nexport const has = site.getFunction() !== undefined;', []],
];

/** A worker whose entry is a URL that carries or fetches its code compiles that code. */
export const WORKER_URLS: Case[] = [
  ["`new Worker(new URL('data:…'))`", "import { Worker } from 'node:worker_threads';\nexport const w = new Worker(new URL('data:text/javascript,1'));", ['DYNAMIC_CODE', 'WORKER']],
  ['a `data:` template under an alias', "import { Worker as Thread } from 'node:worker_threads';\nexport const w = (code: string) => new Thread(`data:text/javascript,${code}`);", ['DYNAMIC_CODE', 'WORKER']],
  ['a `blob:` URL from `URL.createObjectURL`', 'export const w = (code: string) => new Worker(URL.createObjectURL(new Blob([code])));', ['DYNAMIC_CODE', 'WORKER']],
  ["an `https:` entry fetches code", "export const w = new Worker('https://cdn.example/w.js');", ['DYNAMIC_CODE', 'NETWORK', 'WORKER']],
  ['a file next to the module is only a worker', "import { Worker } from 'node:worker_threads';\nexport const w = new Worker(new URL('./task.js', 'file:///app/'));", ['WORKER']],
];

/** The promise `import()` returns hands the namespace to its `then` callback. */
export const PROMISED_IMPORTS: Case[] = [
  ["`import('node:process').then((p) => p.env)`", "export const env = import('node:process').then((host) => host.env);", ['ENV']],
  ['destructured in the callback', "export const env = import('node:process').then(({ env }) => env);", ['ENV']],
  ['only a pure member read', "export const pid = import('node:process').then((host) => host.pid);", []],
  ['a pending `import()` kept in a `const`', "const pending = import('node:process');\nexport const env = pending.then((host) => host.env);", ['ENV']],
  ['the namespace handed to a function that is not a literal', "declare const use: (m: typeof import('node:process')) => void;\nvoid import('node:process').then(use);", ['UNANALYZED']],
  // `node:process` handed on whole is the global `process` handed on (choice 79): what the receiver reads is unknown here.
  ['`.catch` passes the namespace on', "export const p = import('node:process').catch(() => null);", ['UNANALYZED']],
  // A builtin's namespace `default` is the module object itself (choice 91).
  ["a builtin's `default` destructured in the callback", "export const env = import('node:process').then(({ default: p }) => p.env.HOME);", ['ENV']],
  ["`default` renamed beside a named member", "export const out = import('node:child_process').then(({ default: cp, sep }) => cp.execSync('ls') + String(sep));", ['EXEC']],
  ["a builtin's `default` read only for a pure member", "export const pid = import('node:process').then(({ default: p }) => p.pid);", []],
];

/** Code reached without a call that names it. */
export const IMPLICIT_CODE: Case[] = [
  ['`setTimeout` as a template tag', 'export const later = () => setTimeout`document.title = location.hash`;', ['DYNAMIC_CODE']],
  ['a template tag that is no timer', 'const tag = (parts: TemplateStringsArray) => parts.join();\nexport const t = tag`x`;', []],
  ["`Object.prototype.flag = 'w'`", "(Object.prototype as Record<string, unknown>).flag = 'w';", ['UNANALYZED']],
  ['a method added to a local prototype', 'class Point {}\n(Point.prototype as unknown as Record<string, unknown>).x = 1;', []],
];

export const CLASS_CASES: Readonly<Record<string, readonly Case[]>> = { IMPLICIT_CODE, SCOPE, LOADER, CONSTRUCTOR, GLOBALS, PRECISION, CALLER, WORKER_URLS, PROMISED_IMPORTS };
