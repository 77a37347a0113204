import type { Operator, RouteResult } from '../run-driver.js';
import { OPEN_ROUND4 } from './open-round4.js';

export function listedRound4(route: string, engine: string, operator: Operator): boolean {
  return OPEN_ROUND4.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/**
 * Splits a run's route results: open routes not listed in open-round4.ts (must be empty), and listed
 * routes of this engine × operator that were attempted and found closed (must be empty too: the fix is
 * then proven and the entry goes). Harness lines (`harness/…`) are not routes. Every open route is printed.
 */
export function judgeRound4(results: readonly RouteResult[], engine: string, operator: Operator): { unlistedOpen: string[]; fixedButListed: string[] } {
  const routes = results.filter((r) => !r.id.startsWith('harness/'));
  const open = routes.filter((r) => !r.closed);
  for (const r of open) console.log(`[red-team r4] OPEN ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  for (const r of routes.filter((x) => x.closed)) console.log(`[red-team r4] closed ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 200)}`);
  const unlistedOpen = open.filter((r) => !listedRound4(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  const fixedButListed = routes.filter((r) => r.closed && listedRound4(r.id, engine, operator)).map((r) => r.id);
  return { unlistedOpen, fixedButListed };
}
