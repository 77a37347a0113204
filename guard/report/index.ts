import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

/** Reporters by format name: a map, never an if/else chain over names. */
export const REPORTERS = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
} as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}

export { describeRule, ruleMetadata, ruleRunsAt, DETECTOR_RULES, GUARD_RULES, RULE_LEVELS, type RuleLevel, type RuleMetadata } from './rules.js';
export { composeVerdict, type VerdictOptions } from './verdict.js';
export { sarifForToolError, SARIF_SCHEMA_URI } from './sarif.js';
export { escapeControlCharacters } from './escape.js';
export { plainVerdict, exitCodeOf, type GuardVerdict, type BaselineReport, type Reporter, type ReportOptions, type ReportOutput } from './types.js';
