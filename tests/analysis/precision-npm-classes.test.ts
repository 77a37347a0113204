/**
 * The classes of disagreement fixtures/precision found on real npm packages (issue #10, class 5),
 * each as the smallest code that shows it, with the look-alike that must stay a finding.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('a capability reached through an alias of process, the global object or module', () => {
  it.each([
    ['`||` (picocolors)', 'let p = process || {}, env = p.env || {};\nmodule.exports = env.NO_COLOR;', 'ENV'],
    ['a destructured `?:` (colorette)', "const { env = {} } = typeof process === 'undefined' ? {} : process;\nmodule.exports = env;", 'ENV'],
    [
      '`&&` chains and a member of the global object (lodash)',
      "var freeGlobal = typeof global == 'object' && global && global.Object === Object && global;\nvar freeProcess = freeGlobal.process;\nmodule.exports = freeProcess && freeProcess.binding && freeProcess.binding('util');",
      'NATIVE',
    ],
    ['a default parameter and an immediately called arrow (ansis)', 'module.exports = new function t(s = globalThis) { return ((r) => { let n = r.process ?? {}, i = n.env ?? {}; return i.CI; })(s); }();', 'ENV'],
    ['`??`', 'const p = globalThis.process ?? null;\np.kill(1);', 'SYSTEM'],
    [
      'a local `return mod.require(request)` called with `module` (source-map-support)',
      "function dynamicRequire(mod, request) { return mod.require(request); }\nvar Module = dynamicRequire(module, 'module');\nModule.prototype._compile = function (content) { return content; };",
      'DYNAMIC_CODE',
    ],
  ])('%s', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });

  it('keeps `module` handed to the wrapper UNANALYZED, declared or not', () => {
    const wrapper = 'function dynamicRequire(mod, request) { return mod.require(request); }\n';
    // The binding is never used: loading node:module alone reaches nothing.
    expect(capabilities(`${wrapper}var Module = dynamicRequire(module, 'module');`)).toEqual(['UNANALYZED']);
    expect(capabilities(`${wrapper}dynamicRequire(module, 'module').prototype._compile = f;`)).toEqual(['DYNAMIC_CODE', 'UNANALYZED']);
  });

  it('follows no wrapper whose name is declared twice', () => {
    const text = "function load(mod, name) { return mod.require(name); }\nif (x) { function load(a) { return a; } }\nvar M = load(module, 'module');\nM.prototype._compile = f;";
    expect(capabilities(text)).not.toContain('DYNAMIC_CODE');
    expect(capabilities(text)).toContain('UNANALYZED');
  });
});

describe('the global object stored to under a data name', () => {
  it.each([
    ['a UMD wrapper (acorn)', "(function (global, factory) { typeof exports === 'object' ? factory(exports) : (global = typeof globalThis !== 'undefined' ? globalThis : global || self, factory(global.acorn = {})); })(this, function (exports) {});"],
    ['a minified UMD wrapper (dayjs)', '!function(t,e){"object"==typeof exports?module.exports=e():(t="undefined"!=typeof globalThis?globalThis:t||self).dayjs=e()}(this,(function(){return 1}));'],
    ["TypeScript's downlevelled `??=` (zod)", 'var _a;\n(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});\n(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());'],
  ])('%s reaches nothing', (_name, text) => {
    expect(capabilities(text)).toEqual([]);
  });

  it.each([
    ['a capability global replaced', 'var _a;\n(_a = globalThis).fetch ?? (_a.fetch = {});'],
    ['the loader stored', 'var _a;\n(_a = globalThis).x ?? (_a.x = require);'],
    ['the alias handed on', 'var _a;\n(_a = globalThis).x ?? (_a.x = {});\nmodule.exports = _a;'],
    ['process read through the alias', 'var _a;\n(_a = globalThis).x ?? (_a.x = {});\n_a.process.kill(1);'],
    ['the alias handed on by a later write', '(function (g) { (g = g || self).foo = 1; f(g = g || {}); })(1);'],
    ['a `var` redeclared in a nested block is the same binding', '(function (g) { (g = g || self).foo = 1; if (c) { var g = 2; g.fetch = 3; } })(1);'],
    ['an undeclared name (a global variable)', '(t = globalThis).x = 1;'],
  ])('%s stays UNANALYZED', (_name, text) => {
    expect(capabilities(text)).toContain('UNANALYZED');
  });
});

describe('.constructor bookkeeping', () => {
  it('an ES5 error class is no DYNAMIC_CODE', () => {
    const text = "function E(m) { Error.captureStackTrace(this, this.constructor); this.message = m; }\nE.prototype = Object.create(Error.prototype);\nE.prototype.constructor = E;\nmodule.exports = E;";
    expect(capabilities(text)).toEqual([]);
  });

  it('a property named constructor written is no read', () => {
    expect(capabilities("const chalk = {};\nchalk.template = {};\nchalk.template.constructor = () => { throw new Error('gone'); };")).toEqual([]);
  });

  it.each([
    ['handed to another call', "function E() { 'use strict'; handle(this, this.constructor); }"],
    ['read beside a write', 'function f(g) { g.constructor = x; g.constructor("return 1")(); }'],
    ['passed first to captureStackTrace', "function E() { 'use strict'; Error.captureStackTrace(this.constructor); }"],
    ['with a shadowed Error', "function E(Error) { 'use strict'; Error.captureStackTrace(this, this.constructor); }"],
  ])('%s stays DYNAMIC_CODE', (_name, text) => {
    expect(capabilities(text)).toContain('DYNAMIC_CODE');
  });
});

describe('process members read as flags', () => {
  it('runtime flags only tested are data (debug, commander)', () => {
    expect(capabilities("if (typeof process === 'undefined' || process.type === 'renderer' || process.browser === true || process.__nwjs) f();\nif (process.defaultApp) g();")).toEqual([]);
  });

  it.each([
    ['an unknown member called', 'process.someHook(1);', 'SYSTEM'],
    ['an unknown member handed on', 'module.exports = process.__nwjs;', 'SYSTEM'],
    ['a known member used after its test', 'if (process.binding) process.binding("fs");', 'NATIVE'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });
});

describe('member precision', () => {
  it('a feature test of a module before a pure member reaches nothing (colorette)', () => {
    expect(capabilities("const tty = require('tty');\nmodule.exports = tty && tty.isatty && tty.isatty(1);")).toEqual([]);
  });

  it('the module handed on after its test is still the whole module', () => {
    expect(capabilities("const tty = require('tty');\nmodule.exports = tty && tty;")).toEqual(['NETWORK', 'SYSTEM']);
  });

  it('an unused binding of a builtin reaches nothing (isexe)', () => {
    expect(capabilities("var fs = require('fs');\nimport * as os from 'node:os';\nimport { openSync } from 'node:fs';")).toEqual([]);
  });

  it('process.report.getReport() returns a report and writes no file (detect-libc)', () => {
    expect(capabilities('if (process.report) { process.report.excludeNetwork = true; module.exports = process.report.getReport(); }')).toEqual(['ENV', 'SYSTEM']);
    expect(capabilities("process.report.writeReport('r.json');")).toContain('FILES_WRITE');
  });

  it('fs.close neither reads nor writes; the open is judged by its flags (sonic-boom)', () => {
    expect(capabilities("const fs = require('fs');\nfs.closeSync(3);\nfs.close(3, () => {});")).toEqual([]);
    expect(capabilities("const fs = require('fs');\nconst { close } = fs;\nclose(fs.openSync('log', 'r'));")).toEqual(['FILES_READ']);
  });
});

describe('a process member written', () => {
  it('replacing a shared member changes the whole process (source-map-support)', () => {
    expect(capabilities('var origEmit = process.emit;\nprocess.emit = function (type) { return origEmit.apply(this, arguments); };')).toEqual(['SYSTEM']);
  });

  it('setting the exit status is data', () => {
    expect(capabilities('process.exitCode = 1;')).toEqual([]);
  });

  it('a member of an imported process only tested is data (commander)', () => {
    expect(capabilities("const process = require('node:process');\nif (process.defaultApp) f();")).toEqual([]);
  });
});
