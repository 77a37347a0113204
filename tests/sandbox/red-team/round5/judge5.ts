import type { Operator, RouteResult } from '../run-driver.js';
import { OPEN_ROUND5 } from './open-round5.js';

export function listedRound5(route: string, engine: string, operator: Operator): boolean {
  return OPEN_ROUND5.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/**
 * Splits route results: open routes not listed in open-round5.ts (must be empty) and listed routes of this
 * engine × operator found closed (must be empty too: drop the entry). `harness/…` lines are not routes.
 */
export function judgeRound5(results: readonly RouteResult[], engine: string, operator: Operator): { unlistedOpen: string[]; fixedButListed: string[] } {
  const routes = results.filter((r) => !r.id.startsWith('harness/'));
  for (const r of routes) console.log(`[red-team r5] ${r.closed ? 'closed' : 'OPEN'} ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  const unlistedOpen = routes.filter((r) => !r.closed && !listedRound5(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  const fixedButListed = routes.filter((r) => r.closed && listedRound5(r.id, engine, operator)).map((r) => r.id);
  return { unlistedOpen, fixedButListed };
}
