/**
 * Routes that get through today (rt-packets11, round 11, 2026-12-06). Each key names one check of a
 * round-11 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 *
 * Measured only (time, so never a unit test): CPU-bound wall time of the unsandboxed entry
 * (`inspectToDirectory`, one run each, one process), load 4–14 on 2 cores, 2026-12-06 10:20–10:30 UTC.
 * HIGH — one paragraph of many short sentences is superlinear (≈ quadratic in the sentence count):
 * - "exit 0. " repeated in one line: 0.4 MB 1.2 s, 1.6 MB 11.9 s (×10 for ×4 bytes);
 * - "All tests pass. ": 0.1 MB 0.17 s, 0.4 MB 0.46 s, 1.6 MB 4.7 s, 6.4 MB 56.2 s (×12 per ×4);
 * - ordinary prose "Hello there. ": 0.4 MB 0.73 s, 1.6 MB 5.5 s (×7.6);
 * - the same sentences one per paragraph stay linear ("The release build: exit 0.\n\n", 6.4 MB 3.3 s)
 *   and so do soft line breaks ("All tests pass.\n", ×3.1 per ×4).
 * Reading and hashing a 7.6 MB dossier and parsing its packet.json: 25 ms. Under `tki run` (bubblewrap,
 * default ceilings) 3.2 MB of "exit 0. " took 53 s wall and ended READ_LEVEL_FAIL; 7.6 MB (within the
 * 8 MiB prose limit and every other limit) ran 300.8 s and ended BLOCKED sandbox/limit_exceeded (the
 * launcher's report; load 14): a packet within every limit is never judged.
 * The same holds for one list item, heading or table row of many sentences, and for "ok? " runs.
 * Linear but heavy (not filed): 6.4 MB of "~~~ a\n" lines 6.8 s; 6.4 MB of `&#x2067;a` 1.8 s.
 */
export const OPEN_ROUND11: ReadonlyMap<string, string> = new Map<string, string>([
]);
