import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { typedProject } from './typed-program.js';

/**
 * Issue #10, red-team round 18 (`store18-*`): a capability stored where every module reads it, but
 * carried by a call, a member of a carrier or a local's declaration, written by a writer invoked
 * indirectly, kept by a method of a shared object (a listener, an array element), or stored through
 * a `let` once assigned a shared object. `--fast` said UNANALYZED only because `cp.execSync` is a
 * starter handed on as a value; the typed mode drops that rule (the checker follows starters), and
 * the shared-store rule it relies on read fewer carriers and places. `fs.writeFileSync` (no starter)
 * is the value of most rows, so only the shared-store rule can answer, in both modes alike.
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/**'], capabilities: ['EXEC', 'FILES_READ', 'FILES_WRITE'], reason: 'the providers hold these on purpose; only the store counts' }] });
const CP = "const cp = require('node:child_process');\n";
const FS = "const fs = require('node:fs');\n";

const STORES: Record<string, string> = {
  // store18-carried-iife, -function-return, -generator and siblings: what a called function hands out.
  'p-iife.cjs': `${CP}globalThis.rt18run = (() => cp.execSync)();`,
  'p-iife-block.cjs': `${FS}Math.write = (function () { return fs.writeFileSync; })();`,
  'p-declared-return.cjs': `${FS}function pick() { return fs.writeFileSync; }\nglobalThis.write = pick();`,
  'p-const-arrow-return.cjs': `${FS}const pick = () => ({ w: fs.writeFileSync });\nJSON.tools = pick().w;`,
  'p-generator.cjs': `${FS}globalThis.write = (function* () { yield fs.writeFileSync; })().next().value;`,
  // store18-carried-map-get, -set, -weak-ref, -promise, -proxy-of-module, -reflect-get, -object-entries, -array-at.
  'p-map-get.cjs': `${FS}globalThis.write = new Map([['w', fs.writeFileSync]]).get('w');`,
  'p-set.cjs': `${FS}console.tools = new Set([fs.writeFileSync]);`,
  'p-weak-ref.cjs': `${FS}globalThis.ref = new WeakRef(fs.writeFileSync);`,
  'p-promise.cjs': `${FS}globalThis.write = Promise.resolve(fs.writeFileSync);`,
  'p-proxy.cjs': `${FS}globalThis.files = new Proxy(fs, {});`,
  'p-reflect-get.cjs': `${FS}globalThis.write = Reflect.get(fs, 'writeFileSync');`,
  'p-entries.cjs': `${FS}globalThis.tools = Object.entries(fs);`,
  'p-array-at.cjs': `${FS}globalThis.write = [fs.writeFileSync].at(0);`,
  'p-wrapped.cjs': `${FS}const { promisify } = require('node:util');\nprocess.stdout.write2 = promisify(fs.writeFile);`,
  // store18-descriptor-variable, -carried-array-element, -carried-class-static: a local's declaration.
  'p-descriptor-const.cjs': `${FS}const d = { value: fs.writeFileSync };\nObject.defineProperty(Math, 'write', d);`,
  'p-let-carrier.cjs': `${FS}let tools = [fs.writeFileSync];\nglobalThis.write = tools[0];`,
  'p-class-static.cjs': `${FS}globalThis.Box = class { static write = fs.writeFileSync; };`,
  'p-class-declared.cjs': `${FS}class Box { get write() { return fs.writeFileSync; } }\nglobalThis.box = new Box();`,
  // store18-assign-call, -bound-assign, -call-call-assign, -reflect-apply-assign, -reflect-apply-define-getter.
  'p-assign-call.cjs': `${FS}Object.assign.call(null, Math, { write: fs.writeFileSync });`,
  'p-assign-bound.cjs': `${FS}Object.assign.bind(null, JSON)({ write: fs.writeFileSync });`,
  'p-call-call.cjs': `${FS}Function.prototype.call.call(Object.assign, null, Math, { write: fs.writeFileSync });`,
  'p-reflect-apply-assign.cjs': `${FS}Reflect.apply(Object.assign, null, [Math, { write: fs.writeFileSync }]);`,
  'p-reflect-apply-getter.cjs': `${FS}Reflect.apply(Object.prototype.__defineGetter__, Math, ['write', () => fs.writeFileSync]);`,
  'p-push-call-math.cjs': `${FS}Array.prototype.push.call(Math, fs.writeFileSync);`,
  // store18-process-listener, -once, -prepend, -stdout-listener, -process-argv-push, -unshift.
  'p-process-on.cjs': `${FS}process.on('rt18', fs.writeFileSync);`,
  'p-process-once.cjs': `${CP}process.once('rt18', cp.execSync);`,
  'p-stdout-on.cjs': `${FS}process.stdout.on('rt18', fs.writeFileSync);`,
  'p-imported-process-on.cjs': `${FS}const proc = require('node:process');\nproc.addListener('rt18', fs.writeFileSync);`,
  'p-argv-push.cjs': `${FS}process.argv.push(fs.writeFileSync);`,
  'p-argv-unshift.cjs': `${CP}process.argv.unshift(cp.execSync);`,
  // store18-let-reassigned-alias and siblings: a `let`/`var` once assigned a shared object.
  'p-let-reassigned.cjs': `${FS}let t = {};\nt = Math;\nt.write = fs.writeFileSync;`,
  'p-var-later-global.cjs': `${FS}var box;\nif (process.argv.length > 9) box = globalThis;\nelse box = {};\nbox.write = fs.writeFileSync;`,
  'p-let-stdout.cjs': `${FS}let out = null;\nout = process.stdout;\nObject.assign(out, { write2: fs.writeFileSync });`,
};

const LOOKALIKES: Record<string, string> = {
  'ok-called-result.cjs': `${FS}globalThis.config = JSON.parse(fs.readFileSync('c.json', 'utf8'));`,
  'ok-function-that-calls.cjs': `${FS}globalThis.save = (text) => { fs.writeFileSync('out.txt', text); };`,
  'ok-member-name.cjs': `${FS}globalThis.writerName = fs.writeFileSync.name;`,
  'ok-process-env-read.cjs': `globalThis.home = process.env.HOME;`,
  'ok-keys-of-module.cjs': `${FS}const names = Object.keys(fs);\nconsole.log(names.length, Promise.resolve(fs) !== null);`,
  'ok-listener-logs.cjs': `process.on('exit', () => console.log('bye'));\nprocess.stdout.on('error', (error) => console.error(error));`,
  'ok-argv-data.cjs': `process.argv.push('--flag');\nprocess.on('exit', function done() { return 0; });`,
  'ok-listener-calls.cjs': `${FS}process.on('exit', () => fs.writeFileSync('done.txt', 'x'));`,
  'ok-let-local-only.cjs': `${FS}let t = {};\nt = { other: 1 };\nt.write = fs.writeFileSync;\nt.write('out.txt', 'x');`,
  'ok-call-local.cjs': `${FS}const list = [];\nObject.assign.call(null, list, { write: fs.writeFileSync });\nlist.write('out.txt', 'x');`,
  // Round 19 (sig19-lookalike-*): `process`'s own members are judged by their policy rows in both modes,
  // whatever the types say of `process`; a pending import()'s promise is no shared receiver.
  'ok-kill-own-pid.cjs': `process.kill(process.pid, 'SIGTERM');`,
  'ok-listener-exits.cjs': `process.on('exit', () => process.exit(0));\nprocess.stdout.write(process.argv[2] ?? '');`,
  'ok-pending-import.mjs': `export const pid = import('node:process').then((host) => host.pid);\nconst pending = import('node:process');\nexport const env = pending.then((host) => host.env);`,
  'ok-bound-local.cjs': `${FS}const box = {};\nReflect.apply(Object.assign, null, [box, { write: fs.writeFileSync }]);\nbox.write('out.txt', 'x');`,
};

const project = typedProject({ ...STORES, ...LOOKALIKES });
afterAll(() => project.dispose());

const SHARED_STORE = /where every module reads it/;
const sharedStores = (facts: FileFacts) => facts.findings.filter((finding) => finding.capability === 'UNANALYZED' && SHARED_STORE.test(finding.message ?? ''));

describe.each(['typed', 'syntactic'] as const)('a capability carried, written or kept into a shared place (%s)', (mode) => {
  it.each(Object.keys(STORES))('%s: UNANALYZED at the store', (file) => {
    const found = sharedStores(project[mode](file, GRANTED));
    expect(found).toHaveLength(1);
    // On the last line: the store, not the line that loads the module.
    expect(found[0]?.start).toBeGreaterThan(STORES[file]?.lastIndexOf('\n') ?? 0);
  });

  // Only the shared-store rule is asked: the typed any-slot hand-off and --fast's starter rule judge the rest.
  it.each(Object.keys(LOOKALIKES))('%s: no shared store', (file) => {
    expect(sharedStores(project[mode](file, GRANTED))).toEqual([]);
  });
});
