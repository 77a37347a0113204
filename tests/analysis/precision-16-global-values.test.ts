/**
 * Session 16: the global object or `process` used as a value that hands nothing on (fixtures/precision
 * rule 6): a choice of global objects read at one constant key (readable-stream), a method bound to the
 * object it is read from (ky, axios), a UMD wrapper's parameter that only stores data (long). Next to
 * each, the evasions that must stay findings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('a choice of global objects read at one constant key (readable-stream)', () => {
  it.each([
    ["readable-stream's typeof chain", "var U = (typeof global !== 'undefined' ? global : typeof window !== 'undefined' ? window : typeof self !== 'undefined' ? self : {}).Uint8Array || function () {};\nmodule.exports = U;"],
    ['`||` with a string key', "module.exports = (globalThis || self)['TextDecoder'];"],
    ['`??` read once', 'const Ctor = (global ?? window).URL;\nmodule.exports = new Ctor("http://x/");'],
  ])('%s reaches nothing', (_name, text) => {
    expect(capabilities(text)).toEqual([]);
  });

  it.each([
    ['the key is a capability global', "module.exports = (global || self).fetch('http://x');", 'NETWORK'],
    ['the key is `process`', "module.exports = (global || self).process.env.HOME;", 'UNANALYZED'],
    ['the key is `eval`', "(global || window).eval(code);", 'DYNAMIC_CODE'],
    ['a computed key', "module.exports = (global || self)[name];", 'UNANALYZED'],
    ['the choice handed on whole', "module.exports = global || self;", 'UNANALYZED'],
    ['the choice called as a function argument', "use((global || self));", 'UNANALYZED'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });
});

describe('a method bound to the object it is read from (ky, axios)', () => {
  it.each([
    ["ky's globalThis.fetch.bind(globalThis)", "module.exports = globalThis.fetch.bind(globalThis);", ['NETWORK']],
    ["axios's process.nextTick.bind(process)", 'const tick = process.nextTick.bind(process);\ntick(() => {});', []],
    ['X.m.call(X, …)', "globalThis.queueMicrotask.call(globalThis, () => {});", []],
  ])('%s is judged by the member only', (_name, text, expected) => {
    expect(capabilities(text)).toEqual(expected);
  });

  it.each([
    ['another function given the global object as `this`', "function f() { return this.process.env; }\nf.call(globalThis);"],
    ['a method of another object bound to process', "module.exports = helper.run.bind(process);"],
    ['process bound to a method of the global object', "module.exports = globalThis.run.bind(process);"],
    ['a method of a nested member bound to the global object', "module.exports = globalThis.process.kill.bind(globalThis);"],
    ['the receiver in a later argument', "module.exports = process.nextTick.bind(null, process);"],
  ])('%s stays UNANALYZED', (_name, text) => {
    expect(capabilities(text)).toContain('UNANALYZED');
  });
});

describe("a UMD wrapper's parameter that only stores data (long)", () => {
  const umd = (body: string, argument = 'typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : this'): string =>
    `(function (global, factory) {\n  if (typeof exports === 'object') factory(exports);\n  else { ${body} }\n})(${argument}, function (_exports) { _exports.x = 1; });`;

  it("long's wrapper storing its export reaches nothing", () => {
    expect(capabilities(umd('var e = {}; factory(e); global.Long = e;'))).toEqual([]);
  });

  it.each([
    ['the parameter handed on', umd('factory(global);'), 'UNANALYZED'],
    ['a capability global read through it', umd('global.process.env.X;'), 'UNANALYZED'],
    ['a capability global replaced through it', umd('global.fetch = factory;'), 'NETWORK'],
    ['reached by `arguments`', umd('arguments[0].Long = 1; use(arguments);'), 'UNANALYZED'],
    ['a computed member', umd('global[k] = factory;'), 'UNANALYZED'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });
});

describe("a declared alias of `process` read only at constant keys (tar's minipass)", () => {
  const minipass = "var kr = typeof process == 'object' && process ? process : { stdout: null, stderr: null };\n";

  it("minipass's stdout/stderr comparison reaches nothing", () => {
    expect(capabilities(`${minipass}module.exports = (dest) => dest !== kr.stdout && dest !== kr.stderr;`)).toEqual([]);
  });

  it('a plain `const p = process` read at constant keys', () => {
    expect(capabilities("const p = process;\nmodule.exports = p.platform === 'win32' ? p.arch : '';")).toEqual([]);
  });

  it.each([
    ['a capability member read through it', `${minipass}module.exports = kr.env.HOME;`, 'ENV'],
    ['the alias handed on', `${minipass}use(kr);`, 'UNANALYZED'],
    ['a computed member', `${minipass}module.exports = kr[name];`, 'UNANALYZED'],
    ['a member replaced through it', `${minipass}kr.exit = function () {};`, 'UNANALYZED'],
    ['the alias exported', 'export const p = process;\nexport const a = p.arch;', 'UNANALYZED'],
    // Since round 17 (fix18f) a declared pattern reads its keys, judged as `process.env` (process-alias-members-18f.test.ts).
    ['the alias destructured', `${minipass}const { env } = kr;\nmodule.exports = env;`, 'ENV'],
    ['the alias destructured with a rest element', `${minipass}const { stdout, ...rest } = kr;\nmodule.exports = rest;`, 'UNANALYZED'],
    ['the alias spread', `${minipass}module.exports = { ...kr };`, 'UNANALYZED'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });
});
