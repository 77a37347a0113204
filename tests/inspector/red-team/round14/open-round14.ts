/**
 * Routes that get through today (rt-packets14, round 14, 2026-12-06). Each key names one check of a
 * round-14 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND14: ReadonlyMap<string, string> = new Map<string, string>([
  // Empty: session 14's fixers (hostile14a: HTML, hostile14b: tables, denial readings, quotes) closed all 27 keys.
]);
