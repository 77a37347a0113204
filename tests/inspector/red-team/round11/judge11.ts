import { expect } from 'vitest';
import { OPEN_ROUND11 } from './open-round11.js';

/**
 * `problem` is undefined when the inspector held, else what went wrong. A key listed in OPEN_ROUND11
 * must still show its problem: a fix fails the suite until the key is removed from the list.
 */
export function createJudge11(prefix: string): { judge: (key: string, problem: string | undefined) => void; checkAllListedRan: () => void } {
  const seen = new Set<string>();
  const open: string[] = [];
  return {
    judge(key, problem) {
      expect(key.startsWith(`${prefix}:`), `${key} must start with ${prefix}:`).toBe(true);
      seen.add(key);
      if (OPEN_ROUND11.has(key)) {
        open.push(`${key}: ${problem ?? '(fixed now)'}`);
        expect.soft(problem, `${key} is fixed: remove it from OPEN_ROUND11 (open-round11.ts)`).toBeDefined();
        return;
      }
      expect.soft(problem, `${key}: ${problem ?? ''}`).toBeUndefined();
    },
    /** Every listed key of this file was judged (a renamed or deleted check cannot hide a route). */
    checkAllListedRan() {
      if (open.length > 0) console.log(`OPEN_ROUND11 (${prefix}, ${String(open.length)}):\n  ${open.join('\n  ')}`);
      const missing = [...OPEN_ROUND11.keys()].filter((key) => key.startsWith(`${prefix}:`) && !seen.has(key));
      expect(missing, 'keys listed in OPEN_ROUND11 that no check judged').toEqual([]);
    },
  };
}
