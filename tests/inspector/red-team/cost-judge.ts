import { expect } from 'vitest';
import { OPEN_COST } from './open-cost.js';
import type { RunResult } from './run.js';

/** `problem` is undefined when the inspector held; a key in OPEN_COST must still show its problem. */
export function judgeCost(key: string, problem: string | undefined): void {
  if (OPEN_COST.has(key)) {
    expect.soft(problem, `${key} is fixed: remove it from OPEN_COST`).toBeDefined();
    if (problem !== undefined) console.log(`OPEN_COST ${key}: ${problem}`);
    return;
  }
  expect.soft(problem, `${key}: ${problem ?? ''}`).toBeUndefined();
}

/** A run ended with both reports and no stack trace. */
export function endedWithReport(result: RunResult): string | undefined {
  const problems: string[] = [];
  if (result.report === undefined) problems.push('no report.json');
  if (result.markdown === undefined) problems.push('no report.md');
  if (/^\s+at /m.test(`${result.line}\n${result.stderr}`)) problems.push('stack trace printed');
  if (![1, 2, 3].includes(result.exitCode ?? -1)) problems.push(`exit ${String(result.exitCode)}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}

export function reportBytes(result: RunResult): number {
  return Buffer.byteLength(JSON.stringify(result.report ?? {})) + Buffer.byteLength(result.markdown ?? '');
}
