/**
 * Session 18, precision class 2 (choice 79): signal-exit's `signals.forEach(function (sig) { …
 * process.kill(process.pid, sig) })` with `signals = require('./signals.js')`, a module that exports
 * constant strings only. The detector hands the SIGUSR1 judgment on as a condition; the guard,
 * which has the list module's facts, withdraws NETWORK and DYNAMIC_CODE when the list never holds
 * SIGUSR1. Every sibling where the list or the signal could be something else keeps them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardDirectory } from './helpers.js';

const LIST = "module.exports = ['SIGABRT', 'SIGHUP', 'SIGINT', 'SIGTERM']\nif (process.platform !== 'win32') {\n  module.exports.push('SIGUSR2', 'SIGQUIT')\n}\n";

/** signal-exit's index.js, cut to the shape: the list loaded inside a top-level `else`, the kill in a listener. */
const reRaiser = (loadList = "require('./signals.js')", body = '', around: (code: string) => string = (code) => code): string => [
  'var process = global.process',
  'if (!process) {',
  '  module.exports = function () {}',
  '} else {',
  `  var signals = ${loadList}`,
  '  var sigListeners = {}',
  around([
    '  signals.forEach(function (sig) {',
    '    sigListeners[sig] = function listener () {',
    body,
    "      if (process.platform === 'win32' && sig === 'SIGHUP') sig = 'SIGINT'",
    '      process.kill(process.pid, sig)',
    '    }',
    '  })',
  ].join('\n')),
  '  signals = signals.filter(function (sig) { try { process.on(sig, sigListeners[sig]); return true } catch (er) { return false } })',
  '  module.exports.signals = function () { return signals }',
  '}',
].join('\n');

async function capabilitiesOf(files: Record<string, string>): Promise<string[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-listed-signals-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
  const run = await guardDirectory(directory);
  return [...(run.result.modules.find((module) => module.file === 'index.js')?.capabilities ?? [])];
}

describe('a signal drawn from a constant list without SIGUSR1 is a signal only', () => {
  it("signal-exit's shape: SYSTEM (and the alias's UNANALYZED), no inspector", async () => {
    const found = await capabilitiesOf({ 'index.js': reRaiser(), 'signals.js': LIST });
    expect(found).toContain('SYSTEM');
    expect(found).not.toContain('NETWORK');
    expect(found).not.toContain('DYNAMIC_CODE');
  });

  it('an arrow callback of `map` over a list with a directive and an else branch', async () => {
    const list = "'use strict'\nmodule.exports = ['SIGINT']\nif (process.platform === 'linux') module.exports.push('SIGIO')\nelse { module.exports.push('SIGTERM') }\n";
    const index = "var list = require('./list.js')\nlist.map((sig) => () => process.kill(process.pid, sig))\n";
    const found = await capabilitiesOf({ 'index.js': index, 'list.js': list });
    expect(found).toEqual(['SYSTEM']);
  });
});

describe('the evasions next to it keep NETWORK and DYNAMIC_CODE', () => {
  it.each<[string, Record<string, string>]>([
    ['the list holds SIGUSR1 (pushed under an `if`)', { 'index.js': reRaiser(), 'signals.js': `${LIST}if (process.platform === 'linux') module.exports.push('SIGUSR1')\n` }],
    ["the list holds '10' (SIGUSR1's number on Linux)", { 'index.js': reRaiser(), 'signals.js': "module.exports = ['SIGINT', '10']\n" }],
    ['the list grows by a computed value', { 'index.js': reRaiser(), 'signals.js': `${LIST}module.exports.push(process.env.SIG)\n` }],
    ['the list module runs other code (a helper that may change it)', { 'index.js': reRaiser(), 'signals.js': `${LIST}setTimeout(function () { module.exports.push(process.argv[2]) })\n` }],
    ['the list module writes through `this` (the CommonJS exports)', { 'index.js': reRaiser(), 'signals.js': `${LIST}this.push = 1\n` }],
    ['the list is another module value (a call)', { 'index.js': reRaiser(), 'signals.js': "module.exports = require('./make.js')()\n", 'make.js': "module.exports = function () { return ['SIGUSR1'] }\n" }],
    ['the list is loaded from a package the guard does not analyze', { 'index.js': reRaiser("require('signal-names')") }],
    ['the list local is replaced by another value', { 'index.js': reRaiser("require('./signals.js')", '      signals = process.argv.slice(2)'), 'signals.js': LIST }],
    ['the signal is written from a variable inside the callback', { 'index.js': reRaiser("require('./signals.js')", '      sig = process.env.SIG'), 'signals.js': LIST }],
    ['the callback reads `arguments` (a sloppy alias of its parameter)', { 'index.js': reRaiser("require('./signals.js')", "      arguments[0] = 'SIGUSR1'"), 'signals.js': LIST }],
    ['the signal name is declared again inside the callback', { 'index.js': reRaiser("require('./signals.js')", '      var sig = process.env.SIG'), 'signals.js': LIST }],
    ['a member of the list written before the loop', { 'index.js': reRaiser("require('./signals.js')\n  signals.forEach = function (f) { f('SIGUSR1') }"), 'signals.js': LIST }],
    // Round 19: the list module's exports object is one for every module that loads it.
    ['another module of the program pushes into the list', { 'index.js': reRaiser(), 'signals.js': LIST, 'sibling.js': "require('./signals.js').push('SIGUSR1')\n" }],
    ['an ES module of the program unshifts into the list', { 'index.js': reRaiser(), 'signals.js': LIST, 'sibling.mjs': "import list from './signals.js'\nlist.unshift('SIGUSR1')\n" }],
    ['another module defines an element of the list', { 'index.js': reRaiser(), 'signals.js': LIST, 'sibling.js': "Object.defineProperty(require('./signals.js'), 0, { value: 'SIGUSR1' })\n" }],
    ['the list pushed to in the re-raising module', { 'index.js': reRaiser("require('./signals.js')\n  signals.push('SIGUSR1')"), 'signals.js': LIST }],
    ['an element written ahead of the loop by a callback given the array', { 'index.js': reRaiser("require('./signals.js')\n  signals = signals.filter(function (s, i, all) { all[i + 1] = 'SIGUSR1'; return true })"), 'signals.js': LIST }],
    ['the list handed to a function of another module', { 'index.js': reRaiser("require('./signals.js')\n  require('./more.js')(signals)"), 'signals.js': LIST, 'more.js': "module.exports = function (list) { list.push('SIGUSR1') }\n" }],
    ['the loop runs inside an exported function (after anyone may have changed the list)', { 'index.js': reRaiser("require('./signals.js')", '', (code) => `  module.exports.load = function () {\n${code}\n  }`), 'signals.js': LIST }],
  ])('%s', async (_name, files) => {
    const found = await capabilitiesOf(files);
    expect(found).toEqual(expect.arrayContaining(['NETWORK', 'DYNAMIC_CODE']));
  });
});
