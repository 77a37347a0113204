import path from 'node:path';
import type { RedTeamEnforcer, RedTeamRow } from '../../fixtures/evasions/red-team/table.js';
import { rowDirectory, type EnforcerRun } from './enforcers.js';

export type Target = 'case' | 'control';
/** What an enforcer must say about one side of a row. */
export type Expectation = 'finding' | 'clean' | 'not-asserted';

/** The contract of the table (see its header): what `enforcer` must report for `target` of `row`. */
export function expectationOf(row: RedTeamRow, target: Target, enforcer: RedTeamEnforcer): Expectation {
  const plugin = enforcer === 'plugin' || enforcer === 'plugin-typed';
  if (plugin && row.lint === undefined) return 'not-asserted';
  if (target === 'control') return 'finding';
  if (row.kind === 'lookalike') return 'clean';
  if (row.detectable === 'syntactic') return 'finding';
  return enforcer === 'guard-typed' || enforcer === 'plugin-typed' ? 'finding' : 'not-asserted';
}

/** The files of one side: a file row's single file, or everything under a tree row's case/ or control/. */
export function belongsTo(row: RedTeamRow, target: Target, file: string, root?: string): boolean {
  const relative = path.relative(rowDirectory(row, root), file).split(path.sep).join('/');
  if (row.layout === 'tree') return relative.startsWith(`${target}/`);
  return relative === (target === 'case' ? row.case[0] : row.control[0]);
}

/** Whether the run meets the expectation, with a one-line reason for the failure message. */
export function judge(row: RedTeamRow, target: Target, expectation: Expectation, run: EnforcerRun, root?: string): { met: boolean; saw: string } {
  if (!run.ok) return { met: false, saw: `tool error: ${run.error}` };
  const mine = run.findings.filter((finding) => belongsTo(row, target, finding.file, root));
  const saw = mine.length === 0 ? 'no finding' : mine.map((finding) => `${path.basename(finding.file)} ${finding.ruleId} ${finding.capabilities.join('+') || '-'}`).join('; ');
  if (expectation === 'clean') return { met: mine.length === 0, saw };
  return { met: mine.some((finding) => finding.capabilities.some((capability) => (row.accept as readonly string[]).includes(capability))), saw };
}

export const checkKey = (row: RedTeamRow, target: Target, enforcer: RedTeamEnforcer): string => `${row.id}:${target}:${enforcer}`;
