/**
 * Routes that get through today (rt-packets17, round 17, 2026-12-07). Each key names one check of a
 * round-17 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
// All 30 keys of round 17 were closed in session 17 (fix17p): content a browser hides is read both ways
// (text/hidden-content.ts, choices 22), letters joined across blanks are matched joined too
// (policy/text-normalize-spacing.ts, choice 75), letters with an attached hook, curl or tail map to the letter.
export const OPEN_ROUND17: ReadonlyMap<string, string> = new Map<string, string>([]);
