import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { CLASS_CASES } from './class-cases.js';

const capabilitiesOf = (text: string, file = 'lib/a.ts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

describe('the syntactic detector, by class of the issue (#10)', () => {
  for (const [name, cases] of Object.entries(CLASS_CASES)) {
    it.each(cases.map((entry) => [entry[0], entry] as const))(`${name}: %s`, (_description, [, code, expected]) => {
      expect(capabilitiesOf(code)).toEqual([...expected].sort());
    });
  }

  it('reports nothing in a declaration file: nothing in it runs', () => {
    expect(capabilitiesOf("import net from 'node:net';\ndeclare const x: typeof fetch;\nexport declare function f(): typeof process.env;", 'lib/a.d.ts')).toEqual([]);
  });
});
