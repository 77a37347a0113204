import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { RowOutcome } from '../binding.js';
import type { AcceptanceContext } from '../context.js';
import { failClosedRun } from '../resources/sandbox.js';
import { findingKey, plantedRejection } from './guard-evidence.js';
import { conclude, condition, type Check } from './outcome.js';

/**
 * L2 rows: planted violations in a copy of the inspector, judged by the built tki-guard CLI with
 * the project's own strict policy; the real tree must stay clean.
 */
async function plantedRow(ctx: AcceptanceContext, plantFile: string, attempted: string): Promise<RowOutcome> {
  const planted = await ctx.plantedGuard();
  const { conditions, findings } = plantedRejection(planted, plantFile);
  return conclude(attempted, [planted.run_id], conditions, { 'guard-findings': { run_id: planted.run_id, exit_code: planted.exit_code, findings } });
}

/** Every fixture packet, for rows that speak about "every run" rather than one fixture. */
export function allFixtures(repoRoot: string): string[] {
  const root = path.join(repoRoot, 'fixtures/packets');
  return readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

export const GUARD_CHECKS: Readonly<Record<number, Check>> = {
  3: async (ctx) => {
    const planted = await ctx.plantedGuard();
    const real = await ctx.realGuard();
    const { conditions, findings } = plantedRejection(planted, 'row03-verdict-token.ts');
    const realTokens = real.findings.filter((finding) => finding.ruleId === 'no-positive-verdict-token').map(findingKey);
    conditions.push(condition('the real tree has no positive verdict token finding', real.tool_error === undefined && realTokens.length === 0, real.tool_error ?? realTokens));
    return conclude('plant `PASS` as a verdict string in a copy of src/; run tki-guard on it and on the real tree', [planted.run_id, real.run_id], conditions, {
      'guard-findings': { planted: { run_id: planted.run_id, exit_code: planted.exit_code, findings }, real_tree: { run_id: real.run_id, exit_code: real.exit_code, verdict_token_findings: realTokens } },
    });
  },
  19: async (ctx) => {
    const real = await ctx.realGuard();
    const conditions = [
      condition('tki-guard ran over the whole project (tsconfig.json)', real.tool_error === undefined && real.modules.length > 0, real.tool_error ?? `${real.modules.length} modules`),
      condition('it reports no finding', real.findings.length === 0, real.findings.slice(0, 25).map(findingKey)),
      condition('it exits 0', real.exit_code === 0, real.exit_code),
    ];
    return conclude('run tki-guard --project tsconfig.json over this repository with tki.policy.json', [real.run_id], conditions, {
      'guard-findings': { run_id: real.run_id, exit_code: real.exit_code, modules_analyzed: real.modules.length, findings_total: real.findings.length, findings: real.findings.slice(0, 25).map(findingKey) },
    });
  },
  24: (ctx) => plantedRow(ctx, 'row24-action-outside-universe.ts', 'plant `allowedActions` with OPEN_NETWORK_SOCKET in a copy of src/; run tki-guard'),
  26: (ctx) => plantedRow(ctx, 'row26-dynamic-code.ts', 'plant a computed `import()` and `eval` in a copy of src/; run tki-guard'),
  31: (ctx) => plantedRow(ctx, 'row31-raw-sql.ts', 'plant a SELECT statement in a string in a copy of src/; run tki-guard'),
  38: async (ctx) => {
    const planted = await ctx.plantedGuard();
    const { conditions, findings } = plantedRejection(planted, 'row38-exit-zero.ts');
    const bodies = ['process.exit(0)', 'process.exitCode = 0', 'throw new Error("boom")', ''];
    const runs = [];
    for (const body of bodies) runs.push(await failClosedRun(ctx.log, ctx.repoRoot, body));
    conditions.push(condition('with the CLI fail-closed guard loaded, exit(0), exitCode = 0, a throw and doing nothing all end non-zero', runs.every((run) => run.exit_code !== 0 && run.exit_code !== null), runs.map((run) => `${run.body || '(nothing)'} → exit ${run.exit_code}`)));
    const inspections = await Promise.all(allFixtures(ctx.repoRoot).map((fixture) => ctx.inspect(fixture)));
    const codes = inspections.map((view) => `${path.basename(view.out_dir)}: ${view.exit_code}`);
    conditions.push(condition('no inspector run over the fixture packets exits 0', inspections.length > 0 && inspections.every((view) => view.exit_code !== 0), codes));
    return conclude('plant process.exit(0) / exitCode = 0; run the fail-closed entry with exit(0); run every fixture packet', [planted.run_id, ...runs.map((run) => run.run_id), ...inspections.map((view) => view.run_id)], conditions, {
      'guard-findings': { run_id: planted.run_id, exit_code: planted.exit_code, findings },
      'report-fields': { fail_closed: runs.map((run) => ({ run_id: run.run_id, body: run.body, exit_code: run.exit_code })), inspector_exit_codes: codes },
    });
  },
};
