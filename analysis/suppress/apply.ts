import { normalizeRuleName } from './comment.js';
import type { Suppression } from './collect.js';

/** What a suppression can match: a finding's line, rule and capability (both enforcers have these). */
export interface SuppressibleFinding {
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly capability: string | null;
}

export interface SuppressionOutcome<F extends SuppressibleFinding> {
  /** Findings no suppression accepted: they still fail. */
  readonly kept: F[];
  readonly suppressed: { readonly finding: F; readonly suppression: Suppression }[];
  /** Suppressions that matched no finding (stale, or naming a rule that did not fire there). */
  readonly unused: Suppression[];
}

function matches(suppression: Suppression, finding: SuppressibleFinding): boolean {
  if (finding.line !== suppression.line || normalizeRuleName(finding.ruleId) !== suppression.rule) return false;
  return suppression.capability === null || suppression.capability === finding.capability;
}

/**
 * Each suppression accepts exactly one finding: the first (by column) on its line with its rule
 * (and capability, when it names one). Two findings on one line need two comments, so accepting
 * one never hides a second. This only filters what is *reported*: the analysis already ran, so
 * a suppressed capability still flows to importers — a suppression is not a grant.
 */
export function applySuppressions<F extends SuppressibleFinding>(findings: readonly F[], suppressions: readonly Suppression[]): SuppressionOutcome<F> {
  const order = findings.map((finding, index) => ({ finding, index })).sort((a, b) => a.finding.line - b.finding.line || a.finding.column - b.finding.column || a.index - b.index);
  const accepted = new Map<number, Suppression>();
  const unused: Suppression[] = [];
  for (const suppression of suppressions) {
    const candidate = order.find(({ finding, index }) => !accepted.has(index) && matches(suppression, finding));
    if (candidate === undefined) unused.push(suppression);
    else accepted.set(candidate.index, suppression);
  }
  const kept: F[] = [];
  const suppressed: SuppressionOutcome<F>['suppressed'] = [];
  findings.forEach((finding, index) => {
    const suppression = accepted.get(index);
    if (suppression === undefined) kept.push(finding);
    else suppressed.push({ finding, suppression });
  });
  return { kept, suppressed, unused };
}
