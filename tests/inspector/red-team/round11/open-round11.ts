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
  // look-alike.test.ts
  ['look:circled-letters', 'medium: Ⓐⓛⓛ ⓣⓔⓢⓣⓢ ⓟⓐⓢⓢ (NFKD decomposes them) is UNVERIFIED, no flag'],
  ['look:squared-letters', 'medium: 🄰🄻🄻 🅃🄴🅂🅃🅂 🄿🄰🅂🅂 (NFKD decomposes them) is not flagged'],
  ['look:negative-squared-letters', 'medium: 🅰🅻🅻 … (no decomposition, no confusable) is not flagged'],
  ['look:negative-circled-letters', 'medium: 🅐🅛🅛 … is not flagged'],
  ['look:regional-indicator-letters', 'low: regional indicator letters (each followed by ZWSP) are not flagged'],
  ['look:negative-squared-pass-word', 'medium: "Selftest: 22/22 🅿🅰🆂🆂." is not flagged (circled Ⓟ… is)'],
  ['look:dingbat-negative-circled-digits', 'medium: "❷❷/❷❷ PASS" is not flagged'],
  ['look:dingbat-circled-sans-digits', 'medium: "➁➁/➁➁ PASS" is not flagged'],
  ['look:double-circled-digits', 'medium: "⓶⓶/⓶⓶ PASS" is not flagged'],
  ['look:combining-enclosing-circle', 'medium: U+20DD after each letter (Me, kept by the skeleton) hides the phrase'],
  ['look:combining-enclosing-square', 'medium: U+20DE after each letter hides the phrase'],
  ['look:combining-enclosing-keycap', 'medium: U+20E3 after each letter hides the phrase'],
  ['look:c1-next-line-between-words', 'high: U+0085 between words: no flag and no UNPARSED_REGION (a C0 control gets both)'],
  ['look:c1-csi-between-words', 'high: U+009B between words: no flag and no UNPARSED_REGION'],
  ['look:interlinear-annotation-glued', 'low: U+FFF9 All tests pass U+FFFA ok U+FFFB reads "passok"'],
  ['look:first-strong-rtl-paragraph', 'medium: RLM-led paragraph (GitHub dir="auto" → RTL) shows "All tests pass", not flagged'],
  ['look:first-strong-hebrew-paragraph', 'medium: Hebrew-led paragraph, RLM-separated words: not flagged'],
  ['look:empty-comment-then-text', 'high: "<!--> All tests pass. -->": browsers and CommonMark 0.31 close the comment at <!-->; cut as hidden'],
  ['look:empty-comment-dash-then-text', 'high: the same with <!--->'],
  ['look:comment-opener-in-attribute', 'high: <a title="<!--"> cuts the visible link text as a comment'],
  ['look:comment-opener-in-indented-code', 'high: <!-- in an indented code block hides the next paragraph'],
  ['look:del-tag-struck-word', 'medium: All tests <del>fail</del> pass. is not read as ~~fail~~ is'],
  ['look:s-tag-struck-word', 'medium: the same with <s>'],
  ['look:strike-tag-struck-words', 'medium: the same with <strike>'],
  ['look:named-entity-fraktur-letter', 'medium: &pfr; (𝔭, HTML5 entity) is U+FFFD: unparsed, exit 2, no flag; the literal 𝔭 is flagged'],
  ['look:named-entity-double-struck-letter', 'medium: "exit &Oopf;." is unparsed, exit 2, no flag'],
  // sinks.test.ts
  ['sinks:unknown-key-in-claim', 'medium: an unknown claim property name is printed as tki\'s words in the blocked reason (both reports)'],
  ['sinks:unknown-key-in-count', 'medium: the same for a property of count'],
  // cli.test.ts
  ['cli:circled-letters', 'medium: as look:circled-letters under tki run'],
  ['cli:empty-comment-then-text', 'high: as look:empty-comment-then-text under tki run'],
  ['cli:c1-next-line-between-words', 'high: as look:c1-next-line-between-words under tki run'],
  ['cli:comment-opener-in-indented-code', 'high: as look:comment-opener-in-indented-code under tki run'],
]);
