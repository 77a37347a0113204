/**
 * Every benchmark module exports `run(): Promise<BenchResult[]>`; bench/run.ts runs them all in
 * one process run and prints the table. Ratios compare things measured side by side in that run;
 * times are medians over repeated rounds because these machines are shared and noisy.
 */
export interface BenchResult {
  /** What was compared, e.g. "tki-guard cold vs parse floor". */
  readonly name: string;
  /** measured ÷ baseline (lower is better), from medians of the same run. */
  readonly ratio: number;
  /** The target the issue sets for `ratio`, e.g. 2 for "≤ 2×". */
  readonly target: number;
  /** Extra figures worth printing: medians in ms, peak RSS in MiB, file counts. */
  readonly details: Readonly<Record<string, string | number>>;
  /**
   * Printed beside the row the target is judged on, not judged itself: e.g. a hostile row measured
   * as `tki run` ships it, beside the unsandboxed entry the target names (choice 94).
   */
  readonly besideTarget?: true;
}

export interface BenchModule {
  readonly title: string;
  run(): Promise<BenchResult[]>;
}
