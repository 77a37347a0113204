import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red-team round 20 (`store20-lookalike-module-prototype-helper`): a helper added to `Module.prototype`
 * under a fresh name is never called by the loader; only a write of a name the loader reads (or a
 * computed or `_` name) changes what is loaded or compiled (choice 97).
 */
const capabilitiesOf = (text: string): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText('lib/a.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.cjs' }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

describe('a fresh helper on Module.prototype reaches nothing', () => {
  it.each([
    ['the row: on the loaded module', "require('node:module').prototype.rt20len = (s) => s.length;"],
    ['on a binding of the module', "const Module = require('module');\nModule.prototype.describe = function () { return 'm'; };"],
    ['the row: the helper read back through `module`', "console.log(module.rt20len('abc'));"],
  ])('%s', (_name, code) => expect(capabilitiesOf(code)).toEqual([]));
});

describe('writes that can change loading stay DYNAMIC_CODE', () => {
  it.each([
    ['`require` replaced', "require('node:module').prototype.require = (id) => id;"],
    ['`_compile` replaced', "const Module = require('module');\nModule.prototype._compile = function () {};"],
    ['`load` replaced', "const Module = require('module');\nModule.prototype.load = function () {};"],
    ['a computed key', "const k = process.argv[2];\nrequire('node:module').prototype[k] = () => 1;"],
    ['the prototype read whole', "const p = require('node:module').prototype;\np.rt = 1;"],
    ['a `toString` (read on any object)', "require('node:module').prototype.toString = () => 'x';"],
  ])('%s', (_name, code) => expect(capabilitiesOf(code)).toContain('DYNAMIC_CODE'));
  it.each([
    ['`module._compile`', "module._compile('1', 'x.js');"],
    ['`module.load` handed on', 'const load = module.load;\nexport { load };'],
  ])('%s read through `module` hands the loader on', (_name, code) => expect(capabilitiesOf(code)).toContain('UNANALYZED'));
});
