/**
 * Category-level precision and recall of the guard against the ground truth: per package, a category the
 * guard reports that the truth lacks is a false extra, a truth category it does not report is a miss.
 */
import type { ScoredCapability } from './ground-truth.js';

export interface PackageScore {
  readonly name: string;
  readonly truePositives: readonly ScoredCapability[];
  readonly extras: readonly ScoredCapability[];
  readonly misses: readonly ScoredCapability[];
}

export interface Totals {
  readonly truePositives: number;
  readonly extras: number;
  readonly misses: number;
  /** 1 when nothing was reported (no claim can be wrong). */
  readonly precision: number;
  /** 1 when the truth is empty (nothing to find). */
  readonly recall: number;
}

export function scorePackage(name: string, truth: readonly ScoredCapability[], found: readonly ScoredCapability[]): PackageScore {
  const truthSet = new Set(truth);
  const foundSet = new Set(found);
  return {
    name,
    truePositives: [...foundSet].filter((c) => truthSet.has(c)).sort(),
    extras: [...foundSet].filter((c) => !truthSet.has(c)).sort(),
    misses: [...truthSet].filter((c) => !foundSet.has(c)).sort(),
  };
}

export function totals(scores: readonly PackageScore[]): Totals {
  const truePositives = sum(scores.map((s) => s.truePositives.length));
  const extras = sum(scores.map((s) => s.extras.length));
  const misses = sum(scores.map((s) => s.misses.length));
  return {
    truePositives,
    extras,
    misses,
    precision: truePositives + extras === 0 ? 1 : truePositives / (truePositives + extras),
    recall: truePositives + misses === 0 ? 1 : truePositives / (truePositives + misses),
  };
}

/** Keys of the open list: `package:CAPABILITY:extra` or `package:CAPABILITY:miss`. */
export function disagreementKeys(score: PackageScore): string[] {
  return [
    ...score.extras.map((c) => `${score.name}:${c}:extra`),
    ...score.misses.map((c) => `${score.name}:${c}:miss`),
  ];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
