import { expect } from 'vitest';
import { OPEN_TODAY } from './open-today.js';

const seenOpen: string[] = [];

/**
 * `problem` is undefined when the inspector behaved safely, else a description. A key listed in
 * OPEN_TODAY must still show its problem (remove it from the list once fixed).
 */
export function judge(key: string, problem: string | undefined): void {
  if (OPEN_TODAY.has(key)) {
    seenOpen.push(`${key}: ${problem ?? '(fixed now)'}`);
    expect.soft(problem, `${key} is fixed: remove it from OPEN_TODAY`).toBeDefined();
    return;
  }
  expect.soft(problem, `${key}: ${problem ?? ""}`).toBeUndefined();
}

export function printOpen(): void {
  if (seenOpen.length === 0) return;
  console.log(`red-team-hostile OPEN_TODAY (${seenOpen.length}):\n  ${seenOpen.join('\n  ')}`);
}
