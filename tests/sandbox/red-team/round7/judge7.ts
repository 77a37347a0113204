import type { Operator, RouteResult } from '../run-driver.js';
import { OPEN_ROUND7 } from './open-round7.js';

export function listedRound7(route: string, engine: string, operator: Operator): boolean {
  return OPEN_ROUND7.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/**
 * Splits route results: open routes not listed in open-round7.ts (must be empty) and listed routes of this
 * engine × operator found closed (must be empty too: drop the entry). Prints every route with what was seen.
 */
export function judgeRound7(results: readonly RouteResult[], engine: string, operator: Operator): { unlistedOpen: string[]; fixedButListed: string[] } {
  for (const r of results) console.log(`[red-team r7] ${r.closed ? 'closed' : 'OPEN'} ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 400)}`);
  const unlistedOpen = results.filter((r) => !r.closed && !listedRound7(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 400)}`);
  const fixedButListed = results.filter((r) => r.closed && listedRound7(r.id, engine, operator)).map((r) => r.id);
  return { unlistedOpen, fixedButListed };
}
