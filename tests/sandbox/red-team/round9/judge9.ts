import type { Operator, RouteResult } from '../run-driver.js';
import { OPEN_ROUND9 } from './open-round9.js';

const judged = new Set<string>();

export function listedRound9(route: string, engine: string, operator: Operator): boolean {
  return OPEN_ROUND9.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/**
 * Splits route results: open routes not listed in open-round9.ts (must be empty) and listed routes of this
 * engine × operator found closed (must be empty too: drop the entry). Prints every route with what was seen,
 * and remembers which listed entries some check judged (`unjudgedListed`).
 */
export function judgeRound9(results: readonly RouteResult[], engine: string, operator: Operator): { unlistedOpen: string[]; fixedButListed: string[] } {
  for (const r of results) {
    console.log(`[red-team r9] ${r.closed ? 'closed' : 'OPEN'} ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 500)}`);
    for (const o of OPEN_ROUND9) if (r.id.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator)) judged.add(`${o.route}|${engine}|${operator}`);
  }
  const unlistedOpen = results.filter((r) => !r.closed && !listedRound9(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 500)}`);
  const fixedButListed = results.filter((r) => r.closed && listedRound9(r.id, engine, operator)).map((r) => r.id);
  return { unlistedOpen, fixedButListed };
}

/** Every engine × operator of every listed route that no check judged in this run (must be empty at the end). */
export function unjudgedListed(): string[] {
  return OPEN_ROUND9.flatMap((o) => o.engines.flatMap((e) => o.operators.map((op) => `${o.route}|${e}|${op}`))).filter((k) => !judged.has(k));
}
