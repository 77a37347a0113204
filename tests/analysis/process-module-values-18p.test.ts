/**
 * Session 18, precision class 3 (choice 79): `node:process` imported or required and handed on whole
 * is the `process` object, so it is judged as the global `process` handed on is (choice 57):
 * UNANALYZED, what the receiver reads cannot be told. It was the module's own SYSTEM row, which
 * execa's `anyProcess = process` (lib/ipc/methods.js) showed as a false SYSTEM, and which missed
 * every other member a receiver reads (ENV, NATIVE: the guard test beside this one).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string, file = 'lib/a.js'): string[] => {
  const facts = analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('node:process handed on whole is UNANALYZED, as the global is', () => {
  it.each([
    ["execa's alias handed to a helper, its `channel` read", "import process from 'node:process';\nexport const ipc = () => { const anyProcess = process; return { ...methods(anyProcess), channel: anyProcess.channel }; };", ['EXEC', 'UNANALYZED']],
    ['the default import passed to a function', "import p from 'node:process';\nh(p);", ['UNANALYZED']],
    ['a namespace import read at a computed key', "import * as p from 'node:process';\nh(p[key]);", ['UNANALYZED']],
    ['a required binding stored in an object', "const p = require('process');\nmodule.exports = { host: p };", ['UNANALYZED']],
    ['a load handed on without a binding', "h(require('node:process'));", ['UNANALYZED']],
    ['a load returned', "module.exports.host = () => require('process');", ['UNANALYZED']],
    ['the global, for comparison', 'h(process);', ['UNANALYZED']],
  ])('%s', (_name, text, expected) => {
    expect(capabilities(text)).toEqual(expected);
  });
});

describe('uses that hand nothing on keep their member precision', () => {
  it.each([
    ['a member read', "import p from 'node:process';\nexport const home = p.env.HOME;", ['ENV']],
    ['a member destructured', "const { kill } = require('node:process');\nkill(1, 'SIGTERM');", ['SYSTEM']],
    ['a truthiness test, then a member', "const p = require('process');\nif (p) p.kill(1, 'SIGTERM');", ['SYSTEM']],
    ['a load discarded (the module row, as before)', "require('node:process');", ['SYSTEM']],
  ])('%s', (_name, text, expected) => {
    expect(capabilities(text)).toEqual(expected);
  });
});
