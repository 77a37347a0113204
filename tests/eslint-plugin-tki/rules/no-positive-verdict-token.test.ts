import { INSPECTOR_POLICY, at, ruleTester, ruleUnderTest, withPolicy } from '../rule-tester.js';

const inspector = { filename: at('src/verdict.ts'), ...withPolicy(INSPECTOR_POLICY) };

ruleTester().run('no-positive-verdict-token', ruleUnderTest('no-positive-verdict-token'), {
  valid: [
    { code: "export const verdict = 'UNVERIFIED';", ...inspector },
    { code: "export const word = 'PASSAGE';", ...inspector },
    { code: 'export const prosePass = /\\bPASS\\b/;', ...inspector },
    { code: "export const text = '22/22 PASS, exit 0';", ...inspector },
    // The project's own proof lives outside the inspector and may say PASS about the project.
    { code: "export const row = 'PASS';", filename: at('tests/acceptance/binding.ts'), ...withPolicy(INSPECTOR_POLICY) },
  ],
  invalid: [
    { code: "export const verdict = 'PASS';", ...inspector, errors: [{ messageId: 'verdictToken', data: { token: 'PASS' }, line: 1, column: 24 }] },
    {
      code: "export type Verdict = 'READ_LEVEL_ACCEPTABLE' | 'UNVERIFIED';",
      ...inspector,
      errors: [{ messageId: 'verdictToken', data: { token: 'READ_LEVEL_ACCEPTABLE' }, line: 1, column: 23 }],
    },
    {
      code: 'export enum Verdict {\n  EVIDENCE_PRESENT,\n}',
      ...inspector,
      errors: [{ messageId: 'verdictToken', data: { token: 'EVIDENCE_PRESENT' }, line: 2, column: 3 }],
    },
    { code: 'export const v = { READ_REPORT_PASS: true };', ...inspector, errors: [{ messageId: 'verdictToken', line: 1, column: 20 }] },
  ],
});
