import type { Operator, RouteResult } from '../run-driver.js';
import { OPEN_ROUND6 } from './open-round6.js';

export function listedRound6(route: string, engine: string, operator: Operator): boolean {
  return OPEN_ROUND6.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/**
 * Splits route results: open routes not listed in open-round6.ts (must be empty) and listed routes of this
 * engine × operator found closed (must be empty too: drop the entry). Prints every route with what was seen.
 */
export function judgeRound6(results: readonly RouteResult[], engine: string, operator: Operator): { unlistedOpen: string[]; fixedButListed: string[] } {
  for (const r of results) console.log(`[red-team r6] ${r.closed ? 'closed' : 'OPEN'} ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  const unlistedOpen = results.filter((r) => !r.closed && !listedRound6(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  const fixedButListed = results.filter((r) => r.closed && listedRound6(r.id, engine, operator)).map((r) => r.id);
  return { unlistedOpen, fixedButListed };
}
