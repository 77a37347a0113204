/**
 * Routes that get through today (rt-packets13, round 13, 2026-12-06). Each key names one check of a
 * round-13 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND13: ReadonlyMap<string, string> = new Map<string, string>([
  // Empty: the last key (`look:first-strong-rlm-after-isolate`) had a premise that did not hold (no blank
  // between the isolate and `pass`, so a reader sees ".All tests passabc"); with the blank it is caught.
]);
