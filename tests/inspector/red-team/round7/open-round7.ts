/**
 * Routes that get through today (rt-packets7, round 7, 2026-12-05). Each key names one check of a
 * round-7 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A
 * key that no check judges also fails.
 */
export const OPEN_ROUND7: ReadonlyMap<string, string> = new Map<string, string>([
  // look-alike.test.ts
  ['look:rli-word-order-exit-zero', 'high: "The selftest: ⁧0 exit⁩." (U+2067 RLI) displays "exit 0" and is not flagged; only U+202E overrides get a display-order form'],
  ['look:rle-word-order-exit-zero', 'high: the same with U+202B RLE … U+202C'],
  ['look:rle-word-order-22-22-pass', 'high: "Selftest: ‫PASS 22/22‬." displays "22/22 PASS"'],
  ['look:rli-rlm-word-order-all-tests-pass', 'high: "⁧pass‏ ‏tests‏ ‏All⁩." (RLM between words) displays "All tests pass."'],
  ['look:rli-alm-word-order-all-tests-pass', 'high: the same with U+061C ALM between the words'],
  ['look:rli-word-order-global-denial', 'medium: "… ⁧anywhere exist not does⁩" (RLM between words) displays "does not exist anywhere", not flagged'],
  ['look:rli-word-order-approves-release', 'high: "The dossier ⁧release the approves⁩." (RLM between words) displays "approves the release": no FLAG_AUTHORITY_VIOLATION, exit 2 where the twin is exit 1'],
  ['look:rli-word-order-authoritative-gate', 'high: "This report is the ⁧gate authoritative⁩." displays "the authoritative gate": no FLAG_AUTHORITY_VIOLATION'],
  ['look:claim-text-rli-global-denial', 'medium: a claim text "… ⁧anywhere exist not does⁩." is kept verbatim in report.json without FLAG_GLOBAL_DENIAL_WORDING (the ASCII claim text is rewritten and flagged)'],
  ['look:entity-rli-word-order-exit-zero', 'high: the same written "&#x2067;0 exit&#x2069;" (numeric references decoded to the isolate)'],
  ['look:github-math-exit-zero', 'low: GitHub renders "exit $0$" as "exit 0" (math); like round 6\'s GFM table, not read'],
  ['look:github-math-text-pass', 'low: "All tests $\\text{pass}$." renders "All tests pass." on GitHub'],
  ['look:github-math-22-22-pass', 'low: "22/22 $\\mathrm{PASS}$" renders "22/22 PASS" on GitHub'],
  ['look:control-char-hides-pass', 'medium: "All tests pass. \\u0001": the paragraph is an UNPARSED_REGION, never scanned: UNVERIFIED (exit 2) where the twin is READ_LEVEL_FAIL (exit 1)'],
  ['look:replacement-char-hides-pass', 'medium: the same with one U+FFFD in the paragraph'],
  ['look:unknown-entity-hides-pass', 'medium: the same with one undecoded named entity (&zzz;) in the paragraph'],
  ['look:long-sentence-hides-pass', 'medium: "All tests pass, and the run went on with <10,500 characters>." is unparsed, exit 2'],
  ['look:excerpt-quotes-stored-digit', 'low: "exit ٥" (U+0665) is quoted in report.json as "The selftest: exit 0." — text the packet never wrote'],
  // backing.test.ts
  ['backing:phrase-backs-other-tool', 'high: a backed claim "tools/canon.py: 22/22 PASS, exit 0." backs the prose "tools/evil.py ran 22/22 PASS." (same pass phrase, another subject): no FLAG_PROSE_ONLY_PASS'],
  ['backing:phrase-backs-other-tool-with-exit', 'high: the same for "tools/evil.py: 22/22 PASS, exit 0." (evidence-model.md\'s own example of a sentence the canon.py claim must not cover)'],
  ['backing:phrase-backs-unrelated-build', 'high: the same for "The release build: exit 0."'],
  // cost.test.ts
  ['cost:dangling-citations-per-packet-byte', 'medium: 100 claims × 256 distinct short dangling citations: ≈ 80 report bytes per packet byte (each dangling citation is an evidence entry, a capability entry, and its id 3× in report.json and 3× in report.md)'],
  ['cost:cited-items-per-packet-byte', 'medium: 256 items cited by each of 100 claims: ≈ 60 report bytes per packet byte; cited items are listed in full per claim'],
  ['cost:invalid-identifier-flood-names-field', 'low: 256,000 evidence_refs that break the grammar (1,000 claims × 256 "-N", a 2.6 MB packet.json) end in limits/resources "RangeError: Maximum call stack size exceeded", not in dossier/invalid naming the field (128,000 do); the 34 MB variant took 19 s under tki run'],
  // cli.test.ts (the same routes through tki run)
  ['cli:rli-word-order-exit-zero', 'high: look:rli-word-order-exit-zero through tki run: UNVERIFIED (exit 2)'],
  ['cli:control-char-hides-pass', 'medium: look:control-char-hides-pass through tki run: UNVERIFIED (exit 2)'],
  ['cli:phrase-backs-other-tool', 'high: backing:phrase-backs-other-tool-with-exit through tki run: UNVERIFIED (exit 2)'],
]);
