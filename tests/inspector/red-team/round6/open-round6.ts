/**
 * Routes that get through today (rt-packets6, round 6, 2026-12-05). Each key names one check of a
 * round-6 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A
 * key that no check judges also fails.
 *
 * Measured only (time, so never a unit test; CPU of the unsandboxed entry against reading + sha256 of
 * packet.json and the dossier, one run each, load 7–12 on 2 cores, 2026-12-05 21:17 UTC): a 6 MB
 * one-paragraph dossier (within maxProseBytes) of unclosed Markdown syntax costs 15× ordinary prose
 * of the same size, linear (200 KB → 800 KB grew 3–4×):
 *   `<a ` × 2M: 3,566 ms (755×); `[a](` × 1.5M: 3,638 ms (804×); `*a_` × 2M: 2,368 ms (514×);
 *   `a\r` × 3M: 2,540 ms (545×); `word ` × 1.2M: 234 ms (55×).
 * The same after merging main at 21:21 UTC (cost6, writer7, typed6 in; load ≈ 8): `<a ` 5,202 ms
 * (1,042×), `[a](` 5,245 ms (1,150×), `*a_` 3,750 ms (766×), `a\r` 3,894 ms (703×), `word ` 335 ms (73×).
 */
export const OPEN_ROUND6: ReadonlyMap<string, string> = new Map<string, string>([
]);
