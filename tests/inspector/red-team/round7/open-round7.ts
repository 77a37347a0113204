/**
 * Routes that get through today (rt-packets7, round 7, 2026-12-05). Each key names one check of a
 * round-7 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A
 * key that no check judges also fails.
 *
 * Measured only (time, so never a unit test): CPU of the unsandboxed entry (`inspectToDirectory`, one
 * run each, in one process) against reading + sha256 of every packet file, load 15–17 on 2 cores,
 * 2026-12-05 23:25–23:47 UTC. All within every limit unless "refused":
 * - 256 distinct short dangling citations per claim: 200 claims (0.3 MB) 1,737 ms (1,066×) → 20.3 MB
 *   of reports; 400 claims (0.5 MB) 3,695 ms (2,171×) → 40.6 MB. Linear in claims, ≈ 80 report
 *   bytes per packet byte; maxEvidenceEntries allows 1,562 such claims (≈ 160 MB of reports).
 * - 256 items cited by each of 400 claims (0.6 MB): 3,944 ms (1,845×) → 36.8 MB.
 * - malformed items (`kind: "NOPE"`): 100,000 (32 MB) 7,099 ms (69×) → 36.6 MB; 200,000 (64 MB)
 *   15,029 ms (43×) → 73.4 MB; ≈ 70 µs per item, every one listed in item_findings.
 * - claim coverage (claims and claim-like sentences sharing a 14-word prefix): 2,000 → 802 ms,
 *   4,000 → 1,135 ms; one sentence naming n artifacts with n claims: 2,000 → 452 ms, 4,000 → 743 ms
 *   (linear).
 * - items failing provenance with 4 KiB paths: 5,000 (42 MB) 938 ms (4×), 10,000 (84 MB) 2,135 ms (4×).
 * - refusals are not cheap: 700–4,000 claims on one subject × as many listings, refused by
 *   limits/max_evidence_entries after 1,201–1,842 ms CPU for a 0.4–2.3 MB packet.json (reading and
 *   parsing it: a few ms; target ≤ 1.5×); 10 CONTENT_STATES claims of 400 quoted passages over a 1 MiB
 *   item, refused the same way after 640 ms (the binding budget is spent before the refusal).
 */
export const OPEN_ROUND7: ReadonlyMap<string, string> = new Map<string, string>([
  // look-alike.test.ts
  // backing.test.ts
  // cost.test.ts
  // cli.test.ts (the same routes through tki run)
]);
