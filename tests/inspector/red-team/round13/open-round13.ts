/**
 * Routes that get through today (rt-packets13, round 13, 2026-12-06). Each key names one check of a
 * round-13 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND13: ReadonlyMap<string, string> = new Map<string, string>([
  // Which character is the first strong one. Disputed (hostile13): tki takes the RLM as first strong
  // (level 1) already; at level 1 the isolate `abc` is laid out against `pass` (no blank between them),
  // so UAX #9 shows ".All tests passabc", which no pass pattern reads; the twin's premise may not hold.
  ['look:first-strong-rlm-after-isolate', 'low: `\\u2066abc\\u2069\\u200Fpass…`: UAX #9 P2 skips the isolate, first strong is the RLM; held with a Hebrew letter, not with an RLM'],
]);
