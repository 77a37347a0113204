import { expect } from 'vitest';
import { OPEN_ROUND9 } from './open-round9.js';

/**
 * `problem` is undefined when the inspector held, else what went wrong. A key listed in OPEN_ROUND9
 * must still show its problem: a fix fails the suite until the key is removed from the list.
 */
export function createJudge9(prefix: string): { judge: (key: string, problem: string | undefined) => void; checkAllListedRan: () => void } {
  const seen = new Set<string>();
  const open: string[] = [];
  return {
    judge(key, problem) {
      expect(key.startsWith(`${prefix}:`), `${key} must start with ${prefix}:`).toBe(true);
      seen.add(key);
      if (OPEN_ROUND9.has(key)) {
        open.push(`${key}: ${problem ?? '(fixed now)'}`);
        expect.soft(problem, `${key} is fixed: remove it from OPEN_ROUND9 (open-round9.ts)`).toBeDefined();
        return;
      }
      expect.soft(problem, `${key}: ${problem ?? ''}`).toBeUndefined();
    },
    /** Every listed key of this file was judged (a renamed or deleted check cannot hide a route). */
    checkAllListedRan() {
      if (open.length > 0) console.log(`OPEN_ROUND9 (${prefix}, ${String(open.length)}):\n  ${open.join('\n  ')}`);
      const missing = [...OPEN_ROUND9.keys()].filter((key) => key.startsWith(`${prefix}:`) && !seen.has(key));
      expect(missing, 'keys listed in OPEN_ROUND9 that no check judged').toEqual([]);
    },
  };
}
