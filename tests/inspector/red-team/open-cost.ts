/**
 * Cost routes that get through today (issue 13). Each key names one check of
 * tests/inspector/red-team/cost-*.test.ts; the test asserts that the problem is STILL there, so a
 * fix makes the suite fail until the key is removed. Figures: the rt-cost report.
 */
export const OPEN_COST: ReadonlySet<string> = new Set<string>([
  // Claim texts are bounded only by packet.json's 128 MiB: an 8 MB claim text of combining marks cost
  // 10.2 s CPU (211× read+hash) and 936 MiB RSS, and is judged (UNVERIFIED), never refused.
  'cost:claim-text:limit',
  // A packet BLOCKED by dossier/duplicate_claim_id is still judged and reported claim by claim:
  // 100,000 duplicates gave 38.6 MB of reports after 5.4 s CPU (6.6× reading and parsing packet.json).
  'cost:duplicate-claim-ids:refusal-small',
]);
