/**
 * Session 16: `.constructor` reads that reach no compiler (fixtures/precision rule 3): a clone made
 * with `new obj.constructor()` (postcss) and the frame marker of `Error.captureStackTrace` given as
 * one of a choice (tar's minipass). Next to each, the evasions that must stay DYNAMIC_CODE.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const capabilities = (text: string): string[] => {
  const facts = analyzeSourceFile(parseSourceText('lib/a.js', text), { policy: RECOMMENDED_POLICY, relativePath: 'lib/a.js' });
  return [...new Set(facts.findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
};

describe('a `.constructor` read that reaches no compiler', () => {
  it.each([
    ["postcss's clone", 'function cloneNode(obj) {\n  let cloned = new obj.constructor();\n  for (let j of obj.nodes) cloned.nodes.push(new j.constructor());\n  return cloned;\n}\nmodule.exports = cloneNode;'],
    ['constructed without parentheses', 'module.exports = (o) => new o.constructor;'],
    ['called with no argument', 'module.exports = (o) => o.constructor();'],
    ["tar's `t ?? this.constructor` marker", "class ZlibError extends Error {\n  constructor(e, t) { super(e.message); Error.captureStackTrace(this, t ?? this.constructor); }\n}\nmodule.exports = ZlibError;"],
    ['the marker after `||`', "class E extends Error {\n  constructor(m, f) { super(m); Error.captureStackTrace(this, f || this.constructor); }\n}\nmodule.exports = E;"],
  ])('%s is no DYNAMIC_CODE', (_name, text) => {
    expect(capabilities(text)).toEqual([]);
  });

  it.each([
    ['constructed with source text', 'module.exports = (o, code) => new o.constructor(code);'],
    ['called with source text', "module.exports = (o) => o.constructor('return process')();"],
    ['constructed with a spread', 'module.exports = (o, args) => new o.constructor(...args);'],
    ['the marker choice also handed on', "module.exports = (o, f) => { Error.captureStackTrace(o, f || o.constructor); keep(f || o.constructor); };"],
    ['the choice in the first argument', "module.exports = (o, f) => { Error.captureStackTrace(f || o.constructor, f); };"],
    ['a choice given to another function', "module.exports = (o, f) => { other.capture(o, f ?? o.constructor); };"],
  ])('%s stays DYNAMIC_CODE', (_name, text) => {
    expect(capabilities(text)).toContain('DYNAMIC_CODE');
  });
});
