import type { BaselineEntry } from '../baseline/format.js';
import type { FileEslintDisableHint, SuppressedFinding, SuppressionNote } from '../suppress/index.js';
import type { GuardFinding, GuardResult } from '../types.js';
import type { RuleLevel } from './rules.js';

export interface ReportOptions {
  /** Absolute URI of the analyzed root, for SARIF's `originalUriBaseIds`. */
  readonly rootUri: string;
}

export interface ReportOutput {
  readonly output: string;
  /** 0 clean, 1 findings (or baseline entries to prune). Tool errors (2) never reach a reporter. */
  readonly exitCode: 0 | 1;
}

/** What a baseline did to a run. */
export interface BaselineReport {
  /** Project-relative path of the baseline file. */
  readonly file: string;
  readonly accepted: readonly GuardFinding[];
  readonly removable: readonly BaselineEntry[];
  readonly grown: readonly (BaselineEntry & { readonly found: number })[];
  /** Set when this run rewrote the file (`--update-baseline`, `--prune-baseline`). */
  readonly written?: 'updated' | 'pruned';
}

/**
 * One run's verdict: `result.findings` are the findings that fail (after the level, the
 * suppression comments and the baseline); the rest is reported beside them and counted.
 */
export interface GuardVerdict {
  readonly result: GuardResult;
  readonly level: RuleLevel;
  readonly suppressed: readonly SuppressedFinding[];
  readonly suppressionNotes: readonly SuppressionNote[];
  /** Files whose `eslint-disable` comments name tki rules, which the guard does not honour (one hint per file). */
  readonly eslintDisableHints: readonly FileEslintDisableHint[];
  readonly baseline: BaselineReport | null;
}

export type Reporter = (verdict: GuardVerdict, options: ReportOptions) => ReportOutput;

export function exitCodeOf(verdict: GuardVerdict): 0 | 1 {
  return verdict.result.findings.length === 0 && (verdict.baseline?.removable.length ?? 0) === 0 ? 0 : 1;
}

/** A verdict with nothing suppressed or baselined: every finding of the result fails. */
export function plainVerdict(result: GuardResult, level: RuleLevel = 'strict'): GuardVerdict {
  return { result, level, suppressed: [], suppressionNotes: [], eslintDisableHints: [], baseline: null };
}
