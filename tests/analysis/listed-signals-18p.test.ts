/**
 * Session 18 (choice 79): one file cannot tell what a loaded list holds, so the detector keeps
 * `process.kill(process.pid, sig)`'s NETWORK and DYNAMIC_CODE findings (the ESLint rules report
 * them) and marks them as withdrawable by the guard, naming the list module and SIGUSR1's spellings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const analyze = (text: string, file = 'lib/index.js') => analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file });
const LISTED = "var signals = require('./signals.js')\nsignals.forEach(function (sig) { process.on(sig, function () { process.kill(process.pid, sig) }) })\n";

describe('a signal from a loaded list, judged in one file', () => {
  it('keeps the inspector findings, each withdrawable on the list module', () => {
    const facts = analyze(LISTED);
    const inspector = facts.findings.filter((finding) => finding.capability === 'NETWORK' || finding.capability === 'DYNAMIC_CODE');
    expect(inspector.map((finding) => finding.capability).sort()).toEqual(['DYNAMIC_CODE', 'NETWORK']);
    for (const finding of inspector) expect(finding.unless).toEqual({ kind: 'constant-list-without', specifier: './signals.js', excluded: ['10', '16', '30', 'SIGUSR1'] });
    expect(facts.reached).not.toContain('NETWORK');
    expect(facts.reachedUnless?.map((reach) => reach.capability).sort()).toEqual(['DYNAMIC_CODE', 'NETWORK']);
    expect(facts.findings.find((finding) => finding.capability === 'SYSTEM')?.unless).toBeUndefined();
  });

  it.each([
    ['a parameter of a function that is no element callback', 'module.exports = function (sig) { process.kill(process.pid, sig) }\n'],
    ['a list that is a parameter', "module.exports = function (signals) { signals.forEach(function (sig) { process.kill(process.pid, sig) }) }\n"],
    ['a list required by a computed name', "var signals = require(process.env.LIST)\nsignals.forEach(function (sig) { process.kill(process.pid, sig) })\n"],
    ['a local `require` that is not the loader', "var require = function () { return [process.env.SIG] }\nvar signals = require('./signals.js')\nsignals.forEach(function (sig) { process.kill(process.pid, sig) })\n"],
    ['an `eval` in the file', "var signals = require('./signals.js')\nsignals.forEach(function (sig) { eval(process.env.CODE); process.kill(process.pid, sig) })\n"],
    ['the signal written with SIGUSR1 itself', "var signals = require('./signals.js')\nsignals.forEach(function (sig) { sig = 'SIGUSR1'; process.kill(process.pid, sig) })\n"],
  ])('%s: the findings stand, with no condition', (_name, text) => {
    const facts = analyze(text);
    const network = facts.findings.filter((finding) => finding.capability === 'NETWORK');
    expect(network).toHaveLength(1);
    expect(network[0]?.unless).toBeUndefined();
    expect(facts.reached).toEqual(expect.arrayContaining(['NETWORK', 'DYNAMIC_CODE']));
  });
});
