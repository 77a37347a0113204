import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';

/** The ESLint text rules (analysis/syntax/text-checks.ts) call the same policy matchers: look-alikes get the same findings. */
const policy = policyConfigSchema.parse({ inspectorFiles: ['src/**'] });
const rulesOf = (text: string): string[] =>
  analyzeSourceFile(parseSourceText('src/a.ts', text), { policy, relativePath: 'src/a.ts' }).findings.map((finding) => finding.ruleId).sort();

describe('text rules in the detector on look-alikes', () => {
  it.each([
    ['ASCII', "export const verdict = 'PASS';"],
    ['Cyrillic', "export const verdict = 'РАSS';"],
    ['zero-width', "export const verdict = 'PA\\u200BSS';"],
    ['fullwidth', "export const verdict = 'ＰＡＳＳ';"],
  ])('a verdict token spelled in %s', (_name, text) => {
    expect(rulesOf(text)).toEqual(['no-positive-verdict-token']);
  });

  it.each([
    ['ASCII', "export const note = 'the tool does not exist';"],
    ['Cyrillic', "export const note = 'the tool dоes nоt exist';"],
    ['zero-width', "export const note = 'the tool does n\\u200Bot exist';"],
  ])('global-denial wording spelled in %s', (_name, text) => {
    expect(rulesOf(text)).toEqual(['no-global-denial-wording']);
  });

  it('leaves ordinary words alone', () => {
    expect(rulesOf("export const note = 'pass the value on';")).toEqual([]);
  });
});
