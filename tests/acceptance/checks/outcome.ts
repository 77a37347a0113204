import type { RowOutcome } from '../binding.js';
import type { AcceptanceContext } from '../context.js';
import type { ProofKind } from '../matrix.js';

/** A row's check: it runs (or reuses) the real thing and judges what it observed. */
export type Check = (ctx: AcceptanceContext) => Promise<RowOutcome>;

/** One statement the row depends on, with what the run actually showed. */
export interface Condition {
  readonly statement: string;
  readonly holds: boolean;
  readonly observed: unknown;
}

export const condition = (statement: string, holds: boolean, observed: unknown): Condition => ({ statement, holds, observed });

/**
 * PASS only when there is at least one condition and every one holds; otherwise FAIL with the
 * statements that did not hold. `proofs` is the captured evidence, keyed by the matrix proof kind.
 */
export function conclude(
  attempted: string,
  runIds: readonly string[],
  conditions: readonly Condition[],
  proofs: Partial<Record<Exclude<ProofKind, 'deferred'>, unknown>>,
): RowOutcome {
  const failed = conditions.filter((entry) => !entry.holds);
  const evidence = { runs: [...new Set(runIds)], conditions, ...proofs };
  if (conditions.length === 0) return { result: 'FAIL', attempted, evidence, reason: 'the check recorded no condition' };
  if (failed.length > 0) return { result: 'FAIL', attempted, evidence, reason: failed.map((entry) => entry.statement).join('; ') };
  return { result: 'PASS', attempted, evidence };
}

/** A check that threw is a FAIL with the error as its reason, never a skip. */
export async function runCheck(check: Check, ctx: AcceptanceContext): Promise<RowOutcome> {
  try {
    return await check(ctx);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { result: 'FAIL', attempted: 'the check threw before it could judge', evidence: { runs: [], conditions: [] }, reason };
  }
}
