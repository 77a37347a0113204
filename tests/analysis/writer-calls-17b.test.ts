import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { entries } from './entries/entry-facts.js';

/**
 * Round 17 (fix17b): one recognizer of writes made by a call (writer-calls.ts) for launch settings,
 * shared stores, evaluated builtins, builtin patches and shared prototypes: the `Object`/`Reflect`
 * writers and the legacy definers, called on their target or borrowed with `.call`/`.apply`.
 */
const capabilitiesOf = (text: string, file = 'lib/a.cjs'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
/** The shared-store judgment's own findings (the value handed on is judged apart, as a value). */
const sharedWriteFindings = (text: string): string[] =>
  analyzeSourceFile(parseSourceText('lib/a.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.cjs' }).findings.map((finding) => finding.message).filter((message) => message.includes('where every module reads it'));
const patchUnanalyzed = (code: string): boolean => entries(code, 'src/patch.cjs').unanalyzed;

const BORROWED_GETTER = 'Object.prototype.__defineGetter__.call';
const BORROWED_SETTER = 'Object.prototype.__defineSetter__.call';

describe('a builtin the guard trusts, replaced by a legacy definer by any spelling (builtin-member-patches.ts)', () => {
  it.each([
    ['a borrowed getter on `String.raw`', `${BORROWED_GETTER}(String, 'raw', () => () => 'x');`],
    ['a borrowed setter on `Symbol.for`', `${BORROWED_SETTER}(Symbol, 'for', () => undefined);`],
    ['`.apply` hides the key', `Object.prototype.__defineGetter__.apply(String, ['fromCharCode', () => () => 'env']);`],
    ["`Object['defineProperty']` by a computed name", "Object['defineProperty'](String, 'fromCharCode', { value: () => 'env' });"],
  ])('%s', (_name, code) => expect(capabilitiesOf(code)).toEqual(['UNANALYZED']));
  it.each([
    ['a getter on a member of `String` nothing reads', `${BORROWED_GETTER}(String, 'naturalCompare', () => () => 0);`],
    ['a getter on an object of the program', "const o = {};\no.__defineGetter__('raw', () => 1);"],
  ])('%s stays clean', (_name, code) => expect(capabilitiesOf(code)).toEqual([]));
});

describe('a capability handed to every module by a legacy definer on a shared object (shared-store-writers.ts)', () => {
  const CP = "const cp = require('node:child_process');\n";
  it.each([
    ['a setter on the global object: every later write runs it', `${CP}globalThis.__defineSetter__('run', cp.execSync);`],
    ['a borrowed setter on `Array.prototype`', `${CP}${BORROWED_SETTER}(Array.prototype, 'sh', cp.execSync);`],
    ['a borrowed getter on a builtin module object', `${CP}${BORROWED_GETTER}(require('node:util'), 'sh', () => cp.execSync);`],
  ])('%s', (_name, code) => expect(sharedWriteFindings(code)).toHaveLength(1));
  it('a setter of plain data on the global object stays clean', () => {
    expect(capabilitiesOf("globalThis.__defineSetter__('version', (v) => { void v; });")).toEqual([]);
  });
  it('an `Object.assign` of plain data into a builtin module object writes no capability', () => {
    expect(sharedWriteFindings("Object.assign(require('node:util'), { tag: 'x' });")).toEqual([]);
  });
});

describe('a function the launch evaluator computes, replaced by a legacy definer (evaluated-builtins.ts)', () => {
  const PATH = "const path = require('node:path');\n";
  it.each([
    ['a borrowed getter', `${PATH}${BORROWED_GETTER}(path, 'join', () => () => '/tmp/job.cjs');`],
    ['a setter (the accessor replaces the data member)', `${PATH}path.__defineSetter__('resolve', () => undefined);`],
    ['a key folded from constants', `${PATH}const k = 'jo' + 'in';\npath.__defineGetter__(k, () => () => '/tmp/job.cjs');`],
  ])('%s', (_name, code) => expect(patchUnanalyzed(code)).toBe(true));
  it('a key the evaluator never calls stays clean', () => {
    expect(patchUnanalyzed(`const path = require('node:path');\n${BORROWED_GETTER}(path, 'extname2', () => () => '.js');`)).toBe(false);
  });
});

describe('a shared prototype patched by a legacy definer (launch-read-hooks.ts)', () => {
  it.each([
    ['a borrowed getter on `Array.prototype.join`', `${BORROWED_GETTER}(Array.prototype, 'join', () => () => '--require');`],
    ['a borrowed setter on `Function.prototype.call`', `${BORROWED_SETTER}(Function.prototype, 'call', () => undefined);`],
    ['`.apply` hides the key', `Object.prototype.__defineGetter__.apply(Array.prototype, ['join', () => () => 'x']);`],
  ])('%s', (_name, code) => expect(patchUnanalyzed(code)).toBe(true));
  it('a new key planted on `Array.prototype` by a borrowed getter stays clean', () => {
    expect(patchUnanalyzed(`${BORROWED_GETTER}(Array.prototype, 'rt17Tag', () => 1);`)).toBe(false);
  });
});

describe('launch settings defined by an accessor cannot be read (launch-reflective-writes.ts)', () => {
  const CLUSTER = "const cluster = require('node:cluster');\n";
  it.each([
    ["`cluster.settings.__defineGetter__('exec', …)`", `${CLUSTER}cluster.settings.__defineGetter__('exec', () => './w.cjs');\ncluster.fork();`],
    ['a borrowed getter on `cluster.settings`', `${CLUSTER}${BORROWED_GETTER}(cluster.settings, 'exec', () => './w.cjs');\ncluster.fork();`],
    ['a borrowed getter on `process.execArgv` (judged before as a borrowed method)', `${BORROWED_GETTER}(process.execArgv, '0', () => '--require=./p.cjs');`],
  ])('%s', (_name, code) => expect(capabilitiesOf(code)).toContain('UNANALYZED'));
  it('a written `Reflect.set` of `cluster.settings` is still followed, not failed closed', () => {
    expect(capabilitiesOf("const cluster = require('node:cluster');\nReflect.set(cluster.settings, 'silent', true);\ncluster.fork();")).not.toContain('UNANALYZED');
  });
});
