/**
 * Routes that get through today (rt-packets13, round 13, 2026-12-06). Each key names one check of a
 * round-13 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND13: ReadonlyMap<string, string> = new Map<string, string>([
  // HTML direction: `bdo` and the `dir` attribute (GitHub keeps both) are not read.
  ['look:bdo-rtl-inline', 'medium: `All tests <bdo dir="rtl">ssap</bdo>.` shows "All tests pass."; UNVERIFIED exit 2, no flag'],
  ['look:bdo-rtl-block', 'medium: a `<bdo dir="rtl">` HTML block holding `.ssap stset llA` shows "All tests pass."; no flag'],
  ['look:span-dir-rtl-inline', 'medium: `<span dir="rtl">pass&#x200F; tests&#x200F; All</span>` shows "All tests pass"; no flag'],
  ['look:p-dir-rtl-block', 'medium: `<p dir="rtl">` makes a right-to-left paragraph whatever its first strong character; no flag'],
  ['look:div-dir-rtl-block', 'medium: the same in a `<div dir="rtl">` block; no flag'],
  // Session 12's paragraph level (P2–P3) reached the pass scan only.
  ['look:denial-rtl-paragraph-rlm', 'medium: RLM-led RLM-joined words show "The file does not exist anywhere."; no FLAG_GLOBAL_DENIAL_WORDING (the pass twin is flagged)'],
  ['look:denial-rtl-paragraph-hebrew', 'medium: the same led by a Hebrew letter; no denial flag'],
  ['look:denial-rtl-block-level-later-sentence', 'medium: `א. ` then the reversed denial (block level, as choices 19 says for the prose scan); no denial flag'],
  ['look:denial-rtl-list-item', 'medium: the RLM-led denial in a list item; no denial flag'],
  ['look:authority-rtl-paragraph-second-line', 'low, documented (choices 19 "Not covered"): a Hebrew first line gives the next line right to left; authority wording not flagged'],
  // Which character is the first strong one.
  ['look:first-strong-after-image-alt', 'low: `![abc](u.png) א …`: dir="auto" reads text, not alt; the inspector takes the alt as the first strong (LTR); no flag'],
  ['look:first-strong-rlm-after-isolate', 'low: `\\u2066abc\\u2069\\u200Fpass…`: UAX #9 P2 skips the isolate, first strong is the RLM; held with a Hebrew letter, not with an RLM'],
  // `<!--` where the HTML5 tokenizer is inside a tag or a bogus comment (HTML blocks pass through as written).
  ['look:comment-opener-as-attribute-name', 'medium: `<div <!--x>All tests pass. -->`: `<!--x` is an attribute name; the pass is shown, hidden for tki (UNVERIFIED, no flag)'],
  ['look:comment-opener-in-unquoted-attribute-value', 'medium: `<div title=<!--x>`: an unquoted attribute value; pass hidden for tki'],
  ['look:comment-opener-after-quoted-attribute', 'medium: `<div class="a"<!--x>`: an attribute name after a quoted value; pass hidden for tki'],
  ['look:comment-opener-in-tag-name', 'medium: `<div><a<!--x>`: part of a tag name; pass hidden for tki'],
  ['look:comment-opener-in-end-tag', 'medium: `</div <!--x>`: an end tag\'s attribute; pass hidden for tki'],
  ['look:comment-opener-in-bogus-end-tag', 'medium: `<div></ <!-- >`: a bogus comment ending at `>`; pass hidden for tki'],
  ['look:comment-opener-in-bogus-question-mark', 'medium: `<div><?x <!-- >`: `<?` is a bogus comment ending at `>`; pass hidden for tki'],
  // GFM tables: each cell's inlines are parsed alone.
  ['look:comment-across-table-cells-header', 'medium: `| <!-- | All tests pass. | --> |`: `<!--` alone in a cell is literal; tki pairs it across cells and hides the pass'],
  ['look:comment-across-table-cells-body', 'medium: the same in a body row'],
  // Ruby annotations.
  ['look:ruby-annotation-after-word', 'low: `All tests <ruby>pass<rt>ok</rt></ruby>.` shows "All tests pass." with "ok" above; read as "passok", no flag'],
  ['look:ruby-annotation-inside-word', 'low: `<ruby>pa<rt>x</rt>ss</ruby>` shows "pass" with x above; no flag'],
  ['look:ruby-whole-sentence', 'low: `<ruby>All tests pass<rt>annotated</rt></ruby>.`; no flag'],
  // Known left (choices 22).
  ['look:script-data-double-escaped', 'known (choices 22): `<!--<script>` inside a script block; the browser ends the script at the second `</script>`, tki at the first, and hides the pass'],
  // Packet text in tki's words.
  ['sinks:local-surface', 'medium: a surface `/home/READ_LEVEL_ACCEPTABLE:certified` is in FLAG_LOCAL_FIRST_AUTHORITY\'s detail (report.json) and the report.md Flags line, unquoted'],
  ['sinks:live-reference-surface', 'medium: `postgresql://…` surface ends provenance/live_reference\'s problem line "(…)" in report.json and report.md, unquoted'],
  ['sinks:surface-not-allowed', 'medium: the surface ends provenance/surface_not_allowed\'s problem line, unquoted (problem_quotes not used)'],
  ['sinks:item-id-in-flag-where', 'medium: FLAG_LOCAL_FIRST_AUTHORITY `where` is "item <id>", and report.md prints "at item READ_LEVEL_ACCEPTABLE:certified" unquoted'],
  ['sinks:pass-why-hidden-comment', 'low: prose.pass_assertions[].listed[].why is `asserts "All tests pass<!-- tki verdict READ_LEVEL_ACCEPTABLE … -->"` (report.json only)'],
  ['sinks:pass-why-struck-text', 'low: `why` holds the struck text between the matched words'],
  ['sinks:pass-why-attribute-value', 'low: `why` holds a tag and its attribute value inside the matched word'],
  // tki run.
  ['cli:bdo-rtl-inline', 'medium: the bdo route under `tki run`: UNVERIFIED exit 2, no flag'],
  ['cli:comment-across-table-cells-header', 'medium: the table-cell route under `tki run`'],
  ['cli:denial-rtl-paragraph-rlm', 'medium: the right-to-left denial under `tki run`: no FLAG_GLOBAL_DENIAL_WORDING'],
]);
