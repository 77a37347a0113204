import type { GuardFinding } from '../types.js';
import type { BaselineEntry } from './format.js';

export interface BaselineOutcome {
  /** Findings the baseline does not cover: they fail. */
  readonly failing: readonly GuardFinding[];
  /** Known findings: reported as accepted, they do not fail. */
  readonly accepted: readonly GuardFinding[];
  /** Entries (with the surplus count) whose findings are gone: fixed, to be pruned. */
  readonly removable: readonly BaselineEntry[];
  /** Keys whose count grew: every finding of the key fails, `known` of them were in the baseline. */
  readonly grown: readonly (BaselineEntry & { readonly found: number })[];
}

const keyOf = (file: string, ruleId: string, capability: string | null): string => `${file}\u0000${ruleId}\u0000${capability ?? ''}`;

/**
 * Counts, not lines: a key with as many findings as the baseline counts (or fewer) is accepted;
 * a key with more fails as a whole — which of its findings is the new one cannot be told, so all
 * are shown (ESLint's bulk suppressions do the same); a key with fewer leaves the difference as
 * removable, which fails until the baseline is pruned, so a fixed finding cannot quietly return.
 */
export function applyBaseline(findings: readonly GuardFinding[], baseline: readonly BaselineEntry[]): BaselineOutcome {
  const known = new Map(baseline.map((entry) => [keyOf(entry.file, entry.ruleId, entry.capability), entry]));
  const found = new Map<string, GuardFinding[]>();
  for (const finding of findings) {
    const key = keyOf(finding.file, finding.ruleId, finding.capability);
    const list = found.get(key);
    if (list === undefined) found.set(key, [finding]);
    else list.push(finding);
  }
  const failing: GuardFinding[] = [];
  const accepted: GuardFinding[] = [];
  const grown: (BaselineEntry & { found: number })[] = [];
  for (const finding of findings) {
    const key = keyOf(finding.file, finding.ruleId, finding.capability);
    const entry = known.get(key);
    const count = found.get(key)?.length ?? 0;
    if (entry !== undefined && count <= entry.count) accepted.push(finding);
    else failing.push(finding);
  }
  const removable: BaselineEntry[] = [];
  for (const [key, entry] of known) {
    const count = found.get(key)?.length ?? 0;
    if (count < entry.count) removable.push({ ...entry, count: entry.count - count });
    else if (count > entry.count) grown.push({ ...entry, found: count });
  }
  return { failing, accepted, removable, grown };
}

/** The baseline that accepts exactly these findings (`--update-baseline`). */
export function baselineFor(findings: readonly GuardFinding[]): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const key = keyOf(finding.file, finding.ruleId, finding.capability);
    const entry = counts.get(key);
    counts.set(key, { file: finding.file, ruleId: finding.ruleId, capability: finding.capability, count: (entry?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

/** The baseline with fixed findings removed and nothing new added (`--prune-baseline`). */
export function prunedBaseline(findings: readonly GuardFinding[], baseline: readonly BaselineEntry[]): BaselineEntry[] {
  const current = new Map(baselineFor(findings).map((entry) => [keyOf(entry.file, entry.ruleId, entry.capability), entry.count]));
  return baseline.map((entry) => ({ ...entry, count: Math.min(entry.count, current.get(keyOf(entry.file, entry.ruleId, entry.capability)) ?? 0) })).filter((entry) => entry.count > 0);
}
