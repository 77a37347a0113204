import type { BaselineFileOutput } from './schema.js';

/**
 * A baseline file: known findings counted per (file, rule, capability), nested like ESLint's
 * `eslint-suppressions.json` so that a merge conflict or a review touches one file's lines.
 * No line numbers and no witness paths: an entry survives code moving inside its file and the
 * renaming of the modules a transitive finding passes through. `none` stands for the rules that
 * reach no capability (the SPEC text rules, layering rules).
 */
export const BASELINE_VERSION = 1;
export const NO_CAPABILITY = 'none';
export const DEFAULT_BASELINE_FILE = 'tki-baseline.json';

/** A baseline file as its schema (guard/baseline/schema.ts) reads it. */
export type BaselineFile = BaselineFileOutput;

/** One (file, rule, capability) key and its count. */
export interface BaselineEntry {
  readonly file: string;
  readonly ruleId: string;
  readonly capability: string | null;
  readonly count: number;
}

export function entriesOf(baseline: BaselineFile): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  for (const [file, rules] of Object.entries(baseline.findings)) {
    for (const [ruleId, byCapability] of Object.entries(rules)) {
      for (const [capability, count] of Object.entries(byCapability)) {
        if (count === undefined) continue;
        entries.push({ file, ruleId, capability: capability === NO_CAPABILITY ? null : capability, count });
      }
    }
  }
  return entries;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Entries → file text: keys sorted in code-unit order, so rewriting an unchanged baseline is a no-op. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const findings: Record<string, Record<string, Record<string, number>>> = {};
  const sorted = [...entries].sort((a, b) => byKey(a.file, b.file) || byKey(a.ruleId, b.ruleId) || byKey(a.capability ?? NO_CAPABILITY, b.capability ?? NO_CAPABILITY));
  for (const entry of sorted) {
    if (entry.count <= 0) continue;
    const rules = (findings[entry.file] ??= {});
    const byCapability = (rules[entry.ruleId] ??= {});
    byCapability[entry.capability ?? NO_CAPABILITY] = entry.count;
  }
  const file: BaselineFile = {
    $comment: 'Known tki-guard findings, counted per file, rule and capability. Written by `tki-guard --update-baseline`; see docs/guard.md#baselines.',
    version: BASELINE_VERSION,
    findings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
