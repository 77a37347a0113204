import path from 'node:path';
import type { BindingReport } from '../binding.js';
import { auditArticle13 } from './article13.js';
import { auditArticle14 } from './article14.js';
import type { SelfAuditReport } from './types.js';

export { type ArticleAudit, type AuditFinding, type AuditStatus, type SelfAuditReport } from './types.js';

export interface SelfAuditOptions {
  /** The repository the binding report was produced in (default: the current directory). */
  readonly repoRoot?: string;
  /** Where the acceptance run kept its outputs (default: <repoRoot>/out/acceptance). */
  readonly outRoot?: string;
  readonly now?: Date;
}

/**
 * The Article-13 and Article-14 self-audits over a binding report. Meant to be wired into a
 * `tki audit` command later; today the acceptance run calls it and writes self-audit.json/.md.
 */
export function runSelfAudits(binding: BindingReport, options: SelfAuditOptions = {}): Promise<SelfAuditReport> {
  const repoRoot = options.repoRoot ?? process.cwd();
  const outRoot = options.outRoot ?? path.join(repoRoot, 'out/acceptance');
  const audits = [auditArticle13(binding, repoRoot, outRoot), auditArticle14(binding)];
  return Promise.resolve({ generated_at: (options.now ?? new Date()).toISOString(), binding_generated_at: binding.generated_at, audits, decision_effect: 'NONE', may_gate: false });
}

const cell = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, ' ').replaceAll('|', '\\|');

export function renderSelfAuditMarkdown(report: SelfAuditReport): string {
  const lines = ['# tki self-audit (Articles 13 and 14)', '', `Generated ${report.generated_at} over the binding report of ${report.binding_generated_at}.`, 'These statements are about this project\'s own proof, never about a dossier.', ''];
  lines.push('| article | status | question |', '|---|---|---|', ...report.audits.map((audit) => `| ${audit.article} | ${audit.status} | ${cell(audit.question)} |`), '');
  for (const audit of report.audits) {
    lines.push(`## ${audit.article} — ${audit.status}`, '', audit.question, '');
    for (const entry of audit.findings) {
      lines.push(`### ${entry.id} — ${entry.status}`, '', cell(entry.statement) + '.');
      if (entry.why !== undefined) lines.push('', `Why ${entry.status}: ${cell(entry.why)}.`);
      lines.push('', ...Object.entries(entry.evidence).map(([key, value]) => `- \`${key}\`: ${cell(JSON.stringify(value) ?? 'undefined').slice(0, 1200)}`), '');
    }
  }
  return `${lines.join('\n')}\n`;
}
