import type { BaselineEntry } from '../baseline/format.js';
import { applyBaseline } from '../baseline/apply.js';
import { scopeBaseline } from '../baseline/scope.js';
import { applyGuardSuppressions, type SuppressionReader } from '../suppress/index.js';
import type { GuardResult, ReportedRuleId } from '../types.js';
import { ruleRunsAt, type RuleLevel } from './rules.js';
import type { GuardVerdict } from './types.js';

export interface VerdictOptions {
  readonly level: RuleLevel;
  /** The baseline's entries and its project-relative path, when one is in use. */
  readonly baseline?: { readonly file: string; readonly entries: readonly BaselineEntry[] };
  /** How suppression comments are read (`--watch` remembers unchanged files). */
  readonly reader?: SuppressionReader;
}

/**
 * From a run's findings to what fails, in a fixed order: the level selects rules (as the
 * plugin's configs do), then tki-allow-next-line comments accept single findings, then the
 * baseline accepts known counts. Suppressed findings are not counted against the baseline,
 * so removing a suppression comment makes its finding new again.
 */
export function composeVerdict(result: GuardResult, options: VerdictOptions): GuardVerdict {
  const selected = result.findings.filter((finding) => ruleRunsAt(finding.ruleId, options.level));
  const applied = applyGuardSuppressions(result.root, result.modules.map((module) => module.file), selected, options.reader);
  // A suppression of a rule this level does not run is not stale: the other level uses it.
  const suppression = { ...applied, notes: applied.notes.filter((note) => note.kind !== 'unused' || ruleRunsAt(note.rule as ReportedRuleId, options.level)) };
  if (options.baseline === undefined) {
    return { result: { ...result, findings: suppression.findings }, level: options.level, suppressed: suppression.suppressed, suppressionNotes: suppression.notes, eslintDisableHints: suppression.eslintDisableHints, baseline: null };
  }
  const known = applyBaseline(suppression.findings, scopeBaseline(options.baseline.entries, result, options.level).judged);
  return {
    result: { ...result, findings: known.failing },
    level: options.level,
    suppressed: suppression.suppressed,
    suppressionNotes: suppression.notes,
    eslintDisableHints: suppression.eslintDisableHints,
    baseline: { file: options.baseline.file, accepted: known.accepted, removable: known.removable, grown: known.grown },
  };
}
