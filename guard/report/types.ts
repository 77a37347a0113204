import type { GuardResult } from '../types.js';

export interface ReportOptions {
  /** Absolute URI of the analyzed root, for SARIF's `originalUriBaseIds`. */
  readonly rootUri: string;
}

export interface ReportOutput {
  readonly output: string;
  /** 0 clean, 1 findings. Tool errors (2) never reach a reporter. */
  readonly exitCode: 0 | 1;
}

export type Reporter = (result: GuardResult, options: ReportOptions) => ReportOutput;

export function exitCodeOf(result: GuardResult): 0 | 1 {
  return result.findings.length === 0 ? 0 : 1;
}
