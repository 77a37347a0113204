import type { Operator, RouteResult } from '../run-driver.js';
import { DESIGN_LIMITS_ROUND3, OPEN_ROUND3 } from './open-round3.js';

export function listedRound3(route: string, engine: string, operator: Operator): boolean {
  return OPEN_ROUND3.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/**
 * Splits a run's results: open routes that are not listed (must be empty), and listed routes of this
 * engine × operator that the run attempted and found closed (must be empty too: a fix is then proven
 * and its entry goes). Every open route is printed.
 */
export function judgeRound3(results: readonly RouteResult[], engine: string, operator: Operator): { unlistedOpen: string[]; fixedButListed: string[] } {
  const open = results.filter((r) => !r.closed && !DESIGN_LIMITS_ROUND3.some((d) => r.id.startsWith(d)));
  for (const r of open) console.log(`[red-team r3] OPEN ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  for (const r of results.filter((x) => DESIGN_LIMITS_ROUND3.some((d) => x.id.startsWith(d)))) console.log(`[red-team r3] design limit ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 200)}`);
  const unlistedOpen = open.filter((r) => !listedRound3(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  const fixedButListed = OPEN_ROUND3.filter((o) => o.engines.includes(engine) && o.operators.includes(operator))
    .filter((o) => results.some((r) => r.id.startsWith(o.route)) && !open.some((r) => r.id.startsWith(o.route)))
    .map((o) => o.route);
  return { unlistedOpen, fixedButListed };
}
