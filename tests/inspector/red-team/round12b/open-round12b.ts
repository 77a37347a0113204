/**
 * Routes that get through today (rt-packets12b, round 12b, 2026-12-06). Each key names one check of a
 * round-12b test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
// All 18 keys were closed by hostile12b (raw-text elements from one table, block and inline; references
// without `;` where a browser reads HTML; identifiers quoted apart from tki's words).
export const OPEN_ROUND12B: ReadonlyMap<string, string> = new Map<string, string>([]);
