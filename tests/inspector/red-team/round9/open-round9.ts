/**
 * Routes that get through today (rt-packets9, round 9, 2026-12-06). Each key names one check of a
 * round-9 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A
 * key that no check judges also fails.
 *
 * Measured only (time, so never a unit test): CPU-bound wall time of the unsandboxed entry
 * (`inspectToDirectory`, one run each, in one process), load 13–17 on 2 cores, 2026-12-06 02:58–03:02 UTC.
 * - Display-order form (bidi): one paragraph of n × "a U+2067" (unclosed RLI): n = 10,000 (30 KB)
 *   982 ms, 20,000 2,463 ms, 40,000 (120 KB) 5,414 ms; 80,000 ends in limits/resources (stack).
 *   The same bytes of "word " cost 300 ms per 100 KB. 2,000 × 50 in short sentences: 3,091 ms, then
 *   limits/resources; 8,000 × 50 (2 MB, paragraphs): 11,900 ms in process, and under `tki run`
 *   92.5 s with the default ceilings before limits/resources (71 s with --memory 64, 107 s with
 *   --memory 32, before sandbox/limit_exceeded).
 * - Hebrew prose without any control (RTL letters get the second form): 1.5 MB in 19,086 ms, against
 *   5,420 ms for 2 MB of English sentences (≈ 4.7× per byte); the 8 MiB prose limit allows ≈ 100 s.
 * - Report bytes per packet byte of dossier findings: see cost.test.ts (20,000 "exit 0." paragraphs:
 *   0.19 MB → 9.1 MB of reports in 3,999 ms).
 */
export const OPEN_ROUND9: ReadonlyMap<string, string> = new Map<string, string>([
  // look-alike.test.ts
  // sinks.test.ts
  // cost.test.ts
]);
