/**
 * Session 15's classes of disagreement from fixtures/precision (issue #10, class 5), each as the
 * smallest code that shows it, with the evasions next to each precision rule that must stay findings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('a module binding made by its assignments (source-map-support)', () => {
  it.each([
    [
      'declared bare, loaded in a try, reset to null (source-map-support)',
      "var fs;\ntry {\n  fs = require('fs');\n  if (!fs.existsSync || !fs.readFileSync) fs = null;\n} catch (err) {}\nmodule.exports = fs && fs.existsSync('x') && fs.readFileSync('x', 'utf8');",
    ],
    ['a `let` initialized to null, loaded in a function', "let fs = null;\nfunction load() { fs = require('node:fs'); }\nmodule.exports = () => { load(); return fs.readFileSync('x'); };"],
    ['loaded lazily with `||=`', "var fs;\nmodule.exports = (p) => { fs ||= require('fs'); return fs.statSync(p); };"],
    ['reset to undefined and void 0', "var fs = undefined;\ntry { fs = require('fs'); } catch (e) { fs = void 0; }\nmodule.exports = fs.readdirSync('.');"],
  ])('%s reads only', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_READ']);
  });

  it('a module binding written with null is no use of the whole module', () => {
    expect(capabilities("var fs = require('fs');\nif (!fs.readFileSync) fs = null;\nmodule.exports = fs.readFileSync('x');")).toEqual(['FILES_READ']);
  });

  it.each([
    ['the same name also assigned a computed `require(x)`', "var fs;\ntry { fs = require('fs'); } catch (e) { fs = require(name); }\nfs.readFileSync('x');", 'UNANALYZED'],
    ['the same name also assigned another builtin', "var fs;\nif (a) fs = require('fs'); else fs = require('child_process');\nfs.exec('x');", 'EXEC'],
    ['the same name also assigned a value from elsewhere', "var fs;\nfs = require('fs');\nfunction set(x) { fs = x; }\nmodule.exports = set;\nfs.writeFileSync('x', 'y');", 'FILES_WRITE'],
    ['a write only loads, but the variable is handed on whole', "var fs;\nfs = require('fs');\nmodule.exports = fs;", 'FILES_WRITE'],
    ['a parameter of the same name is another value', "function f(fs) { var fs; fs = require('fs'); return fs; }\nmodule.exports = f;", 'FILES_WRITE'],
    ['a destructuring write of the same name', "var fs;\nfs = require('fs');\n[fs] = [other];\nfs.readFileSync('x');", 'FILES_WRITE'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });

  it('a same-named variable elsewhere written with anything else makes the name plain everywhere', () => {
    // Over-approximated by name: the second function's `fs` is another binding, but the rule gives up on both.
    const text = "function a() { var fs; fs = require('fs'); return fs.readFileSync('x'); }\nfunction b() { var fs; fs = make(); return fs; }";
    expect(capabilities(text)).toContain('FILES_WRITE');
  });
});

describe('a namespace helper recognized by what it does (colorette)', () => {
  const olderRollup = (extra = '', copy = "Object.defineProperty(n, k, d.get ? d : { enumerable: true, get: function () { return e[k]; } });") =>
    `'use strict';\nvar tty = require('tty');\nfunction _interopNamespace(e) {\n  if (e && e.__esModule) return e;\n  var n = Object.create(null);\n  if (e) {\n    Object.keys(e).forEach(function (k) {\n      if (k !== 'default') {\n        var d = Object.getOwnPropertyDescriptor(e, k);\n        ${copy}\n      }\n    });\n  }\n  n["default"] = e;\n  ${extra}\n  return Object.freeze(n);\n}\nvar tty__namespace = /*#__PURE__*/_interopNamespace(tty);\nmodule.exports = tty__namespace && tty__namespace.isatty && tty__namespace.isatty(1);`;

  it.each([
    ["colorette's older rollup helper (forEach, Object.freeze)", olderRollup()],
    ['a `for…in` copy with a `let` key, `{}` and no freeze', "var tty = require('tty');\nfunction _interopNamespace(e) {\n  var n = {};\n  for (let k in e) n[k] = e[k];\n  n.default = e;\n  return n;\n}\nvar ns = _interopNamespace(tty);\nmodule.exports = ns.isatty(1);"],
    ['a getter as an arrow', olderRollup('', 'Object.defineProperty(n, k, { enumerable: true, get: () => e[k] });')],
  ])('%s hands on a view: its pure member reaches nothing', (_name, text) => {
    expect(capabilities(text)).toEqual([]);
  });

  it('the view is judged per member', () => {
    const text = olderRollup().replace("require('tty')", "require('child_process')").replace('tty__namespace.isatty(1)', "tty__namespace.execSync('ls')");
    expect(capabilities(text)).toEqual(['EXEC']);
  });

  it.each([
    ['one extra statement leaks the fresh object', olderRollup('leak(n);')],
    ['one extra statement leaks the module', olderRollup('globalThis.x = e;')],
    ['the module stored under another key', olderRollup('n.spawn = e;')],
    ['a member copied under another key', olderRollup('', "Object.defineProperty(n, 'isatty', { get: function () { return e['ttyFd']; } });")],
    ['a setter in the descriptor', olderRollup('', 'Object.defineProperty(n, k, { get: function () { return e[k]; }, set: function (v) { e[k] = v; } });')],
    ['`arguments` reaches the module unnamed', olderRollup('keep(arguments);')],
    ['the getter reads more than the key', olderRollup('', 'Object.defineProperty(n, k, { get: function () { use(e); return e[k]; } });')],
    ['a `var` loop key read by a getter later', "var tty = require('tty');\nfunction _interopNamespace(e) {\n  var n = {};\n  for (var k in e) Object.defineProperty(n, k, { get: function () { return e[k]; } });\n  n.default = e;\n  return n;\n}\nvar ns = _interopNamespace(tty);\nmodule.exports = ns.isatty(1);"],
    ['the key written before the copy', olderRollup('', "k = 'setRawMode';\n        Object.defineProperty(n, k, d);")],
    ['the helper declared twice', `${olderRollup()}\nif (x) { function _interopNamespace(e) { return e; } }`],
  ])('%s: the module is reached whole', (_name, text) => {
    expect(capabilities(text)).toContain('SYSTEM');
  });
});

describe('open flags chosen between values (sonic-boom)', () => {
  it.each([
    ['a `?:` of read-only flags', "const fs = require('fs');\nmodule.exports = (p, sync) => fs.openSync(p, sync ? 'rs' : 'r');"],
    ['a `const` bound to a `?:`', "const fs = require('fs');\nmodule.exports = (p, o) => { const flags = o.sync ? 'rs' : 'r'; return fs.openSync(p, flags); };"],
    ['an options flag with an absent choice', "const fs = require('fs');\nmodule.exports = (p, o) => fs.readFileSync(p, { flag: o.flag === 1 ? undefined : 'r' });"],
  ])('%s reads only', (_name, text) => {
    expect(capabilities(text)).toEqual(['FILES_READ']);
  });

  it.each([
    ["a write among the choices (sonic-boom's `append ? 'a' : 'w'`)", "const fs = require('fs');\nmodule.exports = (p, s) => { const flags = s.append ? 'a' : 'w'; return fs.openSync(p, flags); };"],
    ["a caller's value among the choices", "const fs = require('fs');\nmodule.exports = (p, f) => fs.openSync(p, f || 'r');"],
    ['a `let` flags variable written later', "const fs = require('fs');\nmodule.exports = (p, s) => { let flags = s ? 'r' : 'rs'; flags = 'w'; return fs.openSync(p, flags); };"],
    ['a falsy left of `&&` may be the flags', "const fs = require('fs');\nmodule.exports = (p, f) => fs.openSync(p, f && 'r');"],
  ])('%s may write', (_name, text) => {
    expect(capabilities(text)).toContain('FILES_WRITE');
  });
});

describe('a builtin handed to a function of the file that is only ever called (esbuild)', () => {
  const esbuildShape = (extra = '', call = 'start(worker_threads)') =>
    `var worker_threads;\ntry { worker_threads = require('worker_threads'); } catch {}\nif (old) worker_threads = void 0;\nvar start = (wt) => {\n  let { port1 } = new wt.MessageChannel();\n  let worker = new wt.Worker(__filename, { workerData: { port1 } });\n  return worker;\n};\n${extra}\nmodule.exports = () => worker_threads && ${call};`;

  it("esbuild's worker service: the worker runs this file, nothing is UNANALYZED", () => {
    const found = capabilities(esbuildShape());
    expect(found).toContain('WORKER');
    expect(found).not.toContain('UNANALYZED');
  });

  it('a `const` module passed to a function expression is judged per member inside', () => {
    expect(capabilities("const fs = require('fs');\nconst read = function (f, p) { return f.readFileSync(p); };\nmodule.exports = (p) => read(fs, p);")).toEqual(['FILES_READ']);
  });

  it.each([
    ['the function also stored', esbuildShape('module.exports.start = start;')],
    ['the function called with another value too', esbuildShape('start(other);')],
    ['the function called through `.call`', esbuildShape('start.call(null, worker_threads);')],
    ['the module passed in a spread', esbuildShape('', 'start(...[worker_threads])')],
    ['the parameter written in the function', esbuildShape('', 'start(worker_threads)').replace('let { port1 }', 'wt = pick();\n  let { port1 }')],
    ['a `with` in the file', esbuildShape('with (o) { x(); }')],
  ])('%s: the module stays reached whole where it is passed', (_name, text) => {
    expect(capabilities(text)).toContain('UNANALYZED');
  });

  it('`arguments` of a function expression reaches the module unnamed', () => {
    const text = "const fs = require('fs');\nconst read = function (f) { return keep(arguments); };\nmodule.exports = () => read(fs);";
    expect(capabilities(text)).toContain('FILES_WRITE');
  });
});
