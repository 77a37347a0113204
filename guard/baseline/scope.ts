import { ruleRunsAt, type RuleLevel } from '../report/rules.js';
import type { GuardResult, ReportedRuleId } from '../types.js';
import type { BaselineEntry } from './format.js';

/** A baseline split by what one run can judge. */
export interface ScopedBaseline {
  /** Entries of files this run analyzed, for rules this level runs: accepted, grown or fixed here. */
  readonly judged: readonly BaselineEntry[];
  /** Every other entry: this run says nothing about them, and a rewrite keeps them as they are. */
  readonly untouched: readonly BaselineEntry[];
}

/**
 * A run over part of the project (`tki-guard src/a`, `cd src/a && tki-guard .`) or at another
 * level than the one that wrote the baseline cannot tell whether the other entries were fixed:
 * their files were not analyzed, or their rule did not run. Judging them anyway made every partial
 * run fail with "fixed" entries and let `--prune-baseline` on a subset delete accepted findings
 * (red team round 9). A rule id tki does not define is a dependency-cruiser rule (rules.ts
 * ruleMetadata), judged at the recommended level like the others.
 */
export function scopeBaseline(entries: readonly BaselineEntry[], result: GuardResult, level: RuleLevel): ScopedBaseline {
  const analyzed = new Set(result.modules.map((module) => module.file));
  const judged: BaselineEntry[] = [];
  const untouched: BaselineEntry[] = [];
  for (const entry of entries) (analyzed.has(entry.file) && ruleRunsAt(entry.ruleId as ReportedRuleId, level) ? judged : untouched).push(entry);
  return { judged, untouched };
}
