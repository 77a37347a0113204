import { INSPECTOR_POLICY, at, ruleTester, ruleUnderTest, withPolicy } from '../rule-tester.js';

const inspector = { filename: at('src/main.ts'), ...withPolicy(INSPECTOR_POLICY) };

ruleTester().run('no-exit-zero', ruleUnderTest('no-exit-zero'), {
  valid: [
    { code: 'process.exit(2);', ...inspector },
    { code: 'process.exitCode = 3;', ...inspector },
    { code: 'export const finish = (code: 1 | 2 | 3) => process.exit(code);', ...inspector },
    // A tool that must exit 0 when clean computes its code.
    { code: 'const findings: unknown[] = [];\nprocess.exitCode = findings.length > 0 ? 1 : 0;', filename: at('guard/cli.ts'), ...withPolicy(INSPECTOR_POLICY) },
  ],
  invalid: [
    { code: 'process.exit(0);', ...inspector, errors: [{ messageId: 'exitZero', data: { name: 'process.exit' }, line: 1, column: 1 }] },
    { code: 'process.exit();', ...inspector, errors: [{ messageId: 'exitZero', line: 1, column: 1 }] },
    { code: 'if (true) {\n  process.exitCode = 0;\n}', ...inspector, errors: [{ messageId: 'exitZero', data: { name: 'process.exitCode' }, line: 2, column: 3 }] },
    { code: "import { exit } from 'node:process';\nexit();", ...inspector, errors: [{ messageId: 'exitZero', data: { name: 'exit' }, line: 2, column: 1 }] },
    { code: "globalThis.process['exit'](0);", ...inspector, errors: [{ messageId: 'exitZero', line: 1, column: 1 }] },
    // Not only inspector files: the CLI entry and every tool are held to it too.
    { code: 'process.exit(0);', filename: at('cli/tki.ts'), ...withPolicy(INSPECTOR_POLICY), errors: [{ messageId: 'exitZero', line: 1, column: 1 }] },
    { code: "const { exit } = process;\nexit(0);", filename: at('scripts/x.ts'), errors: [{ messageId: 'exitZero', data: { name: 'exit' }, line: 2, column: 1 }] },
  ],
});
