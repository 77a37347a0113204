import { expect } from 'vitest';

/** The keys of a round's open list (a set of keys, or keys with their severity line). */
export type OpenList = ReadonlySet<string> | ReadonlyMap<string, string>;

export interface OpenJudge {
  readonly judge: (key: string, problem: string | undefined) => void;
  /** Every listed key of this file was judged (a renamed or deleted check cannot hide a route). */
  readonly checkAllListedRan: () => void;
}

/**
 * The one judge of every red-team round: `problem` is undefined when the inspector held, else what
 * went wrong. A key listed in the round's open list (`listName`, in `listFile`) must still show its
 * problem: a fix fails the suite until the key is removed from the list.
 */
export function createOpenJudge(prefix: string, openList: OpenList, listName: string, listFile: string): OpenJudge {
  const seen = new Set<string>();
  const open: string[] = [];
  return {
    judge(key, problem) {
      expect(key.startsWith(`${prefix}:`), `${key} must start with ${prefix}:`).toBe(true);
      seen.add(key);
      if (openList.has(key)) {
        open.push(`${key}: ${problem ?? '(fixed now)'}`);
        expect.soft(problem, `${key} is fixed: remove it from ${listName} (${listFile})`).toBeDefined();
        return;
      }
      expect.soft(problem, `${key}: ${problem ?? ''}`).toBeUndefined();
    },
    checkAllListedRan() {
      if (open.length > 0) console.log(`${listName} (${prefix}, ${String(open.length)}):\n  ${open.join('\n  ')}`);
      const missing = [...openList.keys()].filter((key) => key.startsWith(`${prefix}:`) && !seen.has(key));
      expect(missing, `keys listed in ${listName} that no check judged`).toEqual([]);
    },
  };
}
