import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import type { Check } from './outcome.js';

/**
 * Row 32 belongs to L5, the export step, which is outside this product: the inspector has no
 * query path at all. The row is DEFERRED with its reason, never PASS. What the run can show is
 * that there is nothing to test here: no inspector module reaches DATABASE or NETWORK (captured
 * from the real-tree guard run), and the inspector holds no SQL text (no-raw-sql is clean).
 */
export const DEFERRED_CHECKS: Readonly<Record<number, Check>> = {
  32: async (ctx) => {
    const real = await ctx.realGuard();
    const inspector = real.modules.filter((module) => module.file.startsWith('src/'));
    const queryCapable = inspector.filter((module) => module.capabilities.some((capability) => capability === 'DATABASE' || capability === 'NETWORK')).map((module) => module.file);
    const sqlFindings = real.findings.filter((finding) => finding.ruleId === 'no-raw-sql').map((finding) => `${finding.file}:${finding.line}`);
    const srcFiles = readdirSync(path.join(ctx.repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const selectMentions = srcFiles.filter((file) => /\bSELECT\b[\s\S]{0,80}\bFROM\b/.test(readFileSync(path.join(ctx.repoRoot, 'src', file), 'utf8')));
    return {
      result: 'DEFERRED',
      attempted: 'nothing to run in this product: looked for a query path in the inspector instead',
      reason: 'L5: side-effect functions inside a SELECT can only be excluded by the export step (named queries, SELECT-only, no side-effect functions), which is outside tki; the inspector has no query path',
      evidence: {
        runs: [real.run_id],
        conditions: [],
        deferred: {
          guard_run: real.run_id,
          src_modules_analyzed: inspector.length,
          src_modules_reaching_database_or_network: queryCapable,
          no_raw_sql_findings: sqlFindings,
          src_files_with_select_from_text: selectMentions,
        },
      },
    };
  },
};
