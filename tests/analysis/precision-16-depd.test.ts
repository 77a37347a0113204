/**
 * Session 16, depd's class: `process` given to a function the file declares that only reads constant
 * members of it, and a call site's receiver kept in a local that is only tested. Next to each, the
 * evasions that must stay findings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

const eehaslisteners = (body = "var count = typeof emitter.listenerCount !== 'function' ? emitter.listeners(type).length : emitter.listenerCount(type);\n  return count > 0;") =>
  `function eehaslisteners(emitter, type) {\n  ${body}\n}\n`;

describe('process given to a local function that reads constant members (depd)', () => {
  it("depd's eehaslisteners(process, 'deprecation') reaches nothing", () => {
    expect(capabilities(`${eehaslisteners()}module.exports = () => eehaslisteners(process, 'deprecation');`)).toEqual([]);
  });

  it.each([
    ['a capability member read through the parameter', `${eehaslisteners('return emitter.env.HOME;')}eehaslisteners(process);`, 'ENV'],
    ['the parameter handed on', `${eehaslisteners('return keep(emitter);')}eehaslisteners(process);`, 'UNANALYZED'],
    ['a computed member', `${eehaslisteners('return emitter[type];')}eehaslisteners(process, 'env');`, 'UNANALYZED'],
    ['reached through `arguments`', `${eehaslisteners('return arguments[0].listeners(type);')}eehaslisteners(process);`, 'UNANALYZED'],
    ['the function name rebound', `${eehaslisteners()}eehaslisteners = (p) => p.binding('fs');\neehaslisteners(process);`, 'UNANALYZED'],
    ['two declarations of the name', `${eehaslisteners()}if (x) { function eehaslisteners(e) { return e; } }\neehaslisteners(process);`, 'UNANALYZED'],
    ['a member replaced through the parameter', `${eehaslisteners('emitter.emit = function () {};')}eehaslisteners(process);`, 'UNANALYZED'],
  ])('%s stays a finding', (_name, text, capability) => {
    expect(capabilities(text)).toContain(capability);
  });
});

describe("a call site's receiver kept in a local that is only tested or read for data (depd)", () => {
  it("depd's `var context = callSite.getThis(); context && …`", () => {
    const text = "module.exports = function (callSite) {\n  var context = callSite.getThis();\n  var typeName = context && callSite.getTypeName();\n  if (typeName === 'Object') typeName = context.name || typeName;\n  return typeName;\n};";
    expect(capabilities(text)).toEqual([]);
  });

  it.each([
    ['the receiver returned', 'module.exports = (site) => { var context = site.getThis(); return context && context.process; };'],
    ['the receiver exported', 'export const context = site.getThis();\nif (context) run();'],
    ['a capability global read from it', 'module.exports = (site) => { var context = site.getThis(); return context && context.fetch; };'],
    ['its constructor read', 'module.exports = (site) => { var context = site.getThis(); return context && context.constructor; };'],
    ['the receiver handed on after the test', 'module.exports = (site) => { const context = site.getThis(); if (context) use(context); };'],
  ])('%s stays UNANALYZED', (_name, text) => {
    expect(capabilities(text)).toContain('UNANALYZED');
  });
});
