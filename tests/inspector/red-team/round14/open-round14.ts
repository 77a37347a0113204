/**
 * Routes that get through today (rt-packets14, round 14, 2026-12-06). Each key names one check of a
 * round-14 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND14: ReadonlyMap<string, string> = new Map<string, string>([
  // A `dir` value is an attribute value: references in it are decoded before the element is built.
  ['look:dir-value-numeric-reference', 'medium: `<span dir="&#x72;tl">` is `dir="rtl"`; RLM-joined words show "All tests pass"; not read, no flag'],
  ['look:bdo-dir-value-numeric-reference', 'medium: `<bdo dir="&#82;TL">ssap</bdo>` shows "pass"; not read'],
  ['look:dir-value-reference-html-block', 'medium: the same in an HTML block (`<p dir="&#x72;tl">`)'],
  ['cli:dir-value-numeric-reference', 'medium: the `dir` reference route through `tki run`: UNVERIFIED exit 2, no flag'],
  // The HTML5 tree builder, not end tags alone, decides which element holds the text.
  ['look:p-implied-end-by-div', 'medium: `<div>` closes an open `<p dir="ltr">`; the text inherits the outer `dir="rtl"`; tki keeps the p open'],
  ['look:li-implied-end-by-li', 'medium: a second `<li>` closes the first `<li dir="ltr">`; the text is right to left under `<ul dir="rtl">`'],
  ['look:formatting-element-reconstructed', 'medium: `<p><b dir="rtl">x</p>…`: the text after `</p>` is wrapped in a reconstructed `<b dir="rtl">`'],
  ['look:formatting-element-carried-into-next-paragraph', 'medium: `x <b dir="rtl">`, blank line, RLM-joined words: the next Markdown paragraph is wrapped in the reconstructed `<b dir="rtl">` (on GitHub too)'],
  ['cli:formatting-element-reconstructed', 'medium: the reconstruction route through `tki run`'],
  ['look:foster-parented-out-of-ltr-table', 'medium: text directly in `<table dir="ltr">` is moved before the table, into the outer `dir="rtl"`'],
  // Direction inherited by Markdown a CommonMark renderer writes without `dir` (GitHub gives its blocks `dir="auto"`).
  ['look:div-rtl-around-markdown-paragraph', 'low: `<div dir="rtl">`, blank line, a Markdown paragraph, `</div>`: right to left in a CommonMark renderer (not on GitHub)'],
  ['look:div-rtl-around-markdown-list', 'low: the same with a list item'],
  ['look:body-dir-merged-from-later-tag', 'low: a `<body dir="rtl">` anywhere sets the body\'s direction (GitHub strips `body`)'],
  // CSS direction (premise disputed: GitHub strips `style`; a browser showing CommonMark's HTML applies it).
  ['look:style-bidi-override', 'low: `<span style="unicode-bidi:bidi-override;direction:rtl">ssap</span>` shows "pass"'],
  ['look:style-direction-isolate', 'low: `style="direction:rtl;unicode-bidi:isolate"` lays RLM-joined words out right to left'],
  // Foreign content: `<![CDATA[` in `<svg>`/`<math>` is a CDATA section to `]]>`, not a bogus comment to `>`.
  ['look:svg-cdata-holds-comment-opener', 'medium: `<div><svg><![CDATA[ > <!-- ]]></svg></div>`: tki opens a comment at the `<!--` and hides the pass after the block'],
  ['look:math-cdata-holds-comment-opener', 'medium: the same in `<math>`'],
  ['cli:svg-cdata-holds-comment-opener', 'medium: the CDATA route through `tki run`'],
  // GFM tables whose rows do not start with `|` (docs: "a table row is a table row wherever a line starts with `|`").
  // Global-denial wording does not get session 13's readings (the pass scan does; authority wording does).
  ['look:denial-through-dir-value-reference', 'medium: the same with `dir="&#x72;tl"`'],
]);
