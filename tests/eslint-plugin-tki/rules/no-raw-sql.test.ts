import { INSPECTOR_POLICY, at, ruleTester, ruleUnderTest, withPolicy } from '../rule-tester.js';

const inspector = { filename: at('src/claims.ts'), ...withPolicy(INSPECTOR_POLICY) };

ruleTester().run('no-raw-sql', ruleUnderTest('no-raw-sql'), {
  valid: [
    { code: "export const hint = 'select the item from the list';", ...inspector },
    { code: "export const hint = 'update the report, then delete from the cache what is stale';", ...inspector },
    { code: "export const id = 'NQ-DOT-TOOLS-V1';", ...inspector },
    { code: "export const q = 'SELECT id FROM t';", filename: at('scripts/export.ts'), ...withPolicy(INSPECTOR_POLICY) },
  ],
  invalid: [
    { code: "export const q = 'SELECT id FROM claims';", ...inspector, errors: [{ messageId: 'rawSql', data: { excerpt: 'SELECT id FROM claims' }, line: 1, column: 18 }] },
    { code: 'export const q = (t: string) => `delete from ${t} where id = 1`;', ...inspector, errors: [{ messageId: 'rawSql', line: 1, column: 33 }] },
    { code: "export const q = 'insert into items (id) values ($1)';", ...inspector, errors: [{ messageId: 'rawSql', line: 1, column: 18 }] },
    { code: "export const q = 'update items set seen = true';", ...inspector, errors: [{ messageId: 'rawSql', line: 1, column: 18 }] },
  ],
});
