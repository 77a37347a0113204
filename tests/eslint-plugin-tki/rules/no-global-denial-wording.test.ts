import { SCOPED_DENIAL_WORDING } from '../../../policy/index.js';
import { INSPECTOR_POLICY, at, ruleTester, ruleUnderTest, withPolicy } from '../rule-tester.js';

const inspector = { filename: at('src/render/disclaimer.ts'), ...withPolicy(INSPECTOR_POLICY) };

ruleTester().run('no-global-denial-wording', ruleUnderTest('no-global-denial-wording'), {
  valid: [
    { code: `export const note = ${JSON.stringify(`The executable ${SCOPED_DENIAL_WORDING}.`)};`, ...inspector },
    { code: "export const note = 'The artifact exists on the kb surface.';", ...inspector },
    { code: "export const note = 'does not exist';", filename: at('tests/x.ts'), ...withPolicy(INSPECTOR_POLICY) },
  ],
  invalid: [
    {
      code: "export const note = 'The canonicalizer does not exist.';",
      ...inspector,
      errors: [{ messageId: 'globalDenial', data: { excerpt: 'The canonicalizer does not exist.', scoped: SCOPED_DENIAL_WORDING }, line: 1, column: 21 }],
    },
    { code: 'export const note = `It is absent everywhere.`;', ...inspector, errors: [{ messageId: 'globalDenial', line: 1, column: 21 }] },
    { code: "export const note = (x: string) => `${x} doesn't exist`;", ...inspector, errors: [{ messageId: 'globalDenial', line: 1, column: 36 }] },
    // A right-to-left mark first: GitHub lays the text out right to left (dir="auto"), where it reads "The canonicalizer does not exist".
    { code: "export const note = '\u200Fexist\u200F not\u200F does\u200F canonicalizer\u200F The.';", ...inspector, errors: [{ messageId: 'globalDenial', line: 1, column: 21 }] },
  ],
});
