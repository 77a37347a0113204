import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bindRow, buildBindingReport, renderBindingMarkdown, type BindingReport, type BindingRow } from './binding.js';
import { CHECKS, runCheck } from './checks/index.js';
import { createContext, type AcceptanceContext } from './context.js';
import { MATRIX } from './matrix.js';
import { renderSelfAuditMarkdown, runSelfAudits, type SelfAuditReport } from './self-audit/index.js';

/** Where `npm run acceptance` writes: out/acceptance/ (gitignored), next to the runs it made. */
export const ACCEPTANCE_OUT = 'out/acceptance';

/**
 * Runs every row's check in matrix order against one shared context and binds the outcomes to
 * the matrix. Rows run one after another: they share the attestation, the guard runs and the
 * fixture runs, and two cores are better spent inside each run than between them.
 */
export async function runAcceptance(ctx: AcceptanceContext, now: () => Date = () => new Date()): Promise<BindingReport> {
  const started = now();
  const begin = performance.now();
  const rows: BindingRow[] = [];
  for (const row of MATRIX) {
    const check = CHECKS.get(row.number);
    const outcome = check === undefined
      ? { result: 'FAIL' as const, attempted: 'nothing: no check is bound to this row', evidence: { runs: [], conditions: [] }, reason: 'no check for this row' }
      : await runCheck(check, ctx);
    rows.push(bindRow(row, outcome));
  }
  return buildBindingReport(rows, ctx.log.records, started, Math.round(performance.now() - begin));
}

export interface AcceptanceFiles {
  readonly binding: BindingReport;
  readonly audit: SelfAuditReport;
  readonly files: readonly string[];
}

/** The whole acceptance run: the 45 rows, the binding report, the Article-13/14 self-audits, all written to `outRoot`. */
export async function runAndWriteAcceptance(repoRoot: string, outRoot: string = path.join(repoRoot, ACCEPTANCE_OUT)): Promise<AcceptanceFiles> {
  mkdirSync(outRoot, { recursive: true });
  const ctx = createContext({ repoRoot, outRoot });
  const binding = await runAcceptance(ctx);
  const audit = await runSelfAudits(binding, { repoRoot });
  const files = [
    [path.join(outRoot, 'acceptance-binding.json'), `${JSON.stringify(binding, null, 2)}\n`],
    [path.join(outRoot, 'acceptance-binding.md'), renderBindingMarkdown(binding)],
    [path.join(outRoot, 'self-audit.json'), `${JSON.stringify(audit, null, 2)}\n`],
    [path.join(outRoot, 'self-audit.md'), renderSelfAuditMarkdown(audit)],
  ] as const;
  for (const [file, content] of files) writeFileSync(file, content);
  return { binding, audit, files: files.map(([file]) => file) };
}
