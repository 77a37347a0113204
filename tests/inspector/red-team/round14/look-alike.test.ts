import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge14 } from './judge14.js';

/**
 * rt-packets14, text a reader sees that the inspector may not read as it, after session 13's fixes
 * (unsandboxed entry, `inspectToDirectory`): HTML direction (choices 24), the HTML5 tokenizer's
 * states (25), GFM cells parsed alone, ruby read both ways (26). Each variant must get the flag and
 * exit code of its twin. Premises: `readsAs` is checked with the `commonmark` package;
 * `passesThrough` checks that CommonMark writes the variant out unchanged (an HTML block), so the
 * browser's HTML5 tree builder decides what is shown (named per case). The reference is a browser
 * showing CommonMark's HTML (choices 22), with what GitHub's sanitizer keeps (`bdo`, `span`, `p`,
 * `div`, `b`, `table`, `ul`/`li`, `ruby`/`rt`/`rp`, the `dir` attribute); the browser's tree builder
 * builds the page from the tags it is given, so its effects (implied end tags, reconstructed formatting
 * elements, foster parenting) reach the reader. Cases that hold only off GitHub say so.
 */
const { judge, checkAllListedRan } = createJudge14('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_ALL = 'All tests pass.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';
const DENIAL = 'The file does not exist anywhere.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';
/** Latin words joined by RLM + space (as a reference, which CommonMark and browsers decode): right to left they show "All tests pass". */
const REVERSED = 'pass&#x200F; tests&#x200F; All';


const VARIANTS: Record<string, TwinVariant> = {
  // Attribute values are decoded before the element is built: `dir="&#x72;tl"` is `dir="rtl"`.
  'dir-value-numeric-reference': { twin: PASS_ALL, shown: `a <span dir="&#x72;tl">${REVERSED}</span>.` },
  'bdo-dir-value-numeric-reference': { twin: PASS_ALL, shown: 'All tests <bdo dir="&#82;TL">ssap</bdo>.' },
  // A repeated attribute is dropped by the tokenizer: the FIRST `dir` counts.
  'dir-repeated-first-wins': { twin: PASS_ALL, shown: `a <span dir="rtl" dir="ltr">${REVERSED}</span>.` },
  'bdo-dir-repeated-first-wins': { twin: PASS_ALL, shown: 'All tests <bdo dir="rtl" dir="ltr">ssap</bdo>.' },
  // Tree builder: a `<div>` start tag closes an open `<p>` (implied end tag); the `dir="ltr"` of the
  // `p` no longer holds the text, which inherits the outer `dir="rtl"` and shows "All tests pass.".
  'p-implied-end-by-div': { twin: PASS_ALL, shown: `<div dir="rtl">\n<p dir="ltr">x\n<div>${REVERSED}.</div>\n</div>`, passesThrough: true },
  // A second `<li>` closes the first: its `dir="ltr"` no longer holds the text.
  'li-implied-end-by-li': { twin: PASS_ALL, shown: `<ul dir="rtl">\n<li dir="ltr">x\n<li>${REVERSED}.\n</ul>`, passesThrough: true },
  // Tree builder: `</p>` pops the `<b>`, which stays in the list of active formatting elements; the text
  // after it is wrapped in a reconstructed `<b dir="rtl">` (same attributes), so it shows right to left.
  'formatting-element-reconstructed': { twin: PASS_ALL, shown: `<p><b dir="rtl">x</p>${REVERSED}.`, passesThrough: true },
  // The same across Markdown paragraphs: a `<b dir="rtl">` left open in one paragraph is popped at its
  // `</p>` and reconstructed around the text of the next (GitHub's `dir="auto"` on the `<p>` does not
  // reach inside the isolate).
  'formatting-element-carried-into-next-paragraph': { twin: PASS_ALL, shown: `x <b dir="rtl">\n\n${REVERSED}.` },
  // Foster parenting: text directly in a `<table>` is moved before the table, out of its `dir="ltr"`,
  // into the outer `dir="rtl"` div.
  'foster-parented-out-of-ltr-table': { twin: PASS_ALL, shown: `<div dir="rtl">\n<table dir="ltr"><tr><td>x</td></tr>${REVERSED}.</table>\n</div>`, passesThrough: true },
  // `dir="auto"` (and `bdi`) skip descendants that set their own direction (HTML's auto directionality):
  // the first strong character is the Hebrew letter. Documented limit (choices 24: nested isolates not skipped).
  'dir-auto-skips-child-with-dir': { twin: PASS_ALL, shown: `a <span dir="auto"><span dir="ltr">abc</span> \u05D0 ${REVERSED}</span>.` },
  'bdi-skips-nested-bdi': { twin: PASS_ALL, shown: `a <bdi><bdi>abc</bdi> \u05D0 ${REVERSED}</bdi>.` },
  // A `<div dir="rtl">` holding Markdown: the HTML block ends at the blank line, the paragraph after it
  // is Markdown inside the browser's div, and right to left.
  'div-rtl-around-markdown-paragraph': { twin: PASS_ALL, shown: `<div dir="rtl">\n\n${REVERSED}.\n\n</div>` },
  'div-rtl-around-markdown-list': { twin: PASS_ALL, shown: `<div dir="rtl">\n\n- ${REVERSED}.\n\n</div>` },
  // CSS direction in a `style` attribute: GitHub strips `style`; a renderer that keeps it (the premise choices
  // 24 takes for `bdi`, outside GitHub's list) lays it out as `bdo` / `dir="rtl"`.
  'style-bidi-override': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override;direction:rtl">ssap</span>.' },
  'style-direction-isolate': { twin: PASS_ALL, shown: `a <span style="direction:rtl;unicode-bidi:isolate">${REVERSED}</span>.` },
  // Foreign content: inside `<svg>`/`<math>` `<![CDATA[…]]>` is a CDATA section (text up to `]]>`), not a
  // bogus comment ending at the first `>`, so the `<!--` in it opens nothing and the pass is shown.
  'svg-cdata-holds-comment-opener': { twin: PASS_ALL, shown: '<div><svg><![CDATA[ > <!-- ]]></svg></div>\n\nAll tests pass.\n\n-->' },
  'math-cdata-holds-comment-opener': { twin: PASS_ALL, shown: '<div><math><![CDATA[ > <!-- ]]></math></div>\n\nAll tests pass.\n\n-->' },
  // Script data: `<script` after `<!--` anywhere in the escaped state (not only right after it), or ended by
  // a line break, `/` or in upper case, double-escapes; the next `</script>` ends nothing.
  'script-double-escape-after-text': { twin: PASS_ALL, shown: '<script>\nx<!-- y <script>\n</script>\n<!--\n</script>\n\nAll tests pass.\n\n-->', passesThrough: true },
  'script-double-escape-name-then-line-break': { twin: PASS_ALL, shown: '<script>\n<!--<script\n</script>\n<!--\n</script>\n\nAll tests pass.\n\n-->', passesThrough: true },
  'script-double-escape-name-then-slash': { twin: PASS_ALL, shown: '<script>\n<!--<script/>\n</script>\n<!--\n</script>\n\nAll tests pass.\n\n-->', passesThrough: true },
  'script-double-escape-upper-case': { twin: PASS_ALL, shown: '<script>\n<!--<SCRIPT>\n</script>\n<!--\n</script>\n\nAll tests pass.\n\n-->', passesThrough: true },
  // RCDATA: `&lt;/textarea&gt;` is text, not an end tag; the textarea ends at the real `</textarea>`.
  'textarea-reference-is-no-end-tag': { twin: PASS_ALL, shown: 'a <textarea>&lt;/textarea&gt;<!--</textarea> All tests pass. <!-- -->' },
  // A reference that decodes to `<` builds no comment: the reader sees "<!-- All tests pass. -->".
  'reference-lt-comment-inline': { twin: PASS_ALL, shown: '&lt;!-- All tests pass. --&gt;', readsAs: '<!-- All tests pass. -->' },
  'reference-lt-comment-html-block': { twin: PASS_ALL, shown: '<div>&#60;!--</div>\n\nAll tests pass.\n\n-->' },
  // A link's title or a link reference definition's title is no HTML: its `<!--` opens nothing.
  'link-title-holds-comment-opener': { twin: PASS_ALL, shown: '[x](u "<!--") All tests pass. -->', readsAs: 'All tests pass. -->' },
  'link-reference-definition-title-holds-comment-opener': { twin: PASS_ALL, shown: '[r]: /u "<!--"\nAll tests pass. -->', readsAs: 'All tests pass. -->' },
  'autolink-then-comment-closer': { twin: PASS_ALL, shown: '<https://a.example/<!-->All tests pass. -->' },
  // GFM table without leading pipes: cells are parsed alone, the `<!--` cell is literal.
  'table-without-leading-pipe': { twin: 'x | All tests pass. | y\n--|---|--', shown: 'x | <!-- | All tests pass. | -->\n--|---|---|--' },
  'table-cell-escaped-pipe-in-comment': { twin: '| a | b |\n|---|---|\n| x | All tests pass. |', shown: '| a | b |\n|---|---|\n| <!-- \\| --> | All tests pass. |' },
  // Hard line breaks and a `<br>` split the shown sentence over two lines, as a soft break does.
  'hard-break-two-spaces': { twin: PASS_ALL, shown: 'All tests  \npass.' },
  'hard-break-backslash': { twin: PASS_ALL, shown: 'All tests\\\npass.' },
  'br-tag': { twin: PASS_ALL, shown: 'All tests<br>pass.' },
  'setext-heading': { twin: PASS_ALL, shown: 'All tests\npass.\n===' },
  // Footnotes (GitHub): a definition is shown at the foot; a reference shows as a superscript number.
  'footnote-definition-holds-pass': { twin: PASS_ALL, shown: 'See the note.[^1]\n\n[^1]: All tests pass.' },
  'footnote-reference-after-pass': { twin: PASS_ALL, shown: 'All tests pass[^1].\n\n[^1]: x' },
  // Ruby: the annotation ends at `</ruby>` too; an annotation's `<rp>` fallbacks are hidden.
  'ruby-rt-ended-by-ruby-end': { twin: PASS_ALL, shown: 'All tests <ruby>pa<rt>x</ruby>ss.' },
  'ruby-rp-inside-word': { twin: PASS_ALL, shown: 'All tests <ruby>pa<rp>(</rp><rt>x</rt><rp>)</rp>ss</ruby>.' },
  'ruby-upper-case-tags': { twin: PASS_ALL, shown: 'All tests <RUBY>pa<RT>x</RT>ss</RUBY>.' },
  'ruby-rt-with-attribute': { twin: PASS_ALL, shown: 'All tests <ruby>pa<rt class="a">x</rt>ss</ruby>.' },
  'ruby-in-html-block': { twin: PASS_ALL, shown: '<p>All tests <ruby>pa<rt>x</rt>ss</ruby>.</p>', passesThrough: true },
  'ruby-base-is-bdo': { twin: PASS_ALL, shown: 'All tests <ruby><bdo dir="rtl">ssap</bdo><rt>x</rt></ruby>.' },
  'ruby-rt-split-across-lines': { twin: PASS_ALL, shown: 'All tests <ruby>pa<rt>x\ny</rt>ss</ruby>.' },
  // `<body dir="…">` anywhere adds its attributes to the one body element (HTML's "in body" rules): every
  // paragraph a CommonMark renderer writes without `dir` is right to left (GitHub strips `body`).
  'body-dir-merged-from-later-tag': { twin: PASS_ALL, shown: `${REVERSED}.\n\n<body dir="rtl">` },
  // A GFM table inside a blockquote or a list item: its rows do not start with `|`.
  'table-in-blockquote': { twin: '> | x | All tests pass. | y |\n> |---|---|---|', shown: '> | <!-- | All tests pass. | --> |\n> |---|---|---|' },
  'table-in-list-item': { twin: '- | x | All tests pass. | y |\n  |---|---|---|', shown: '- | <!-- | All tests pass. | --> |\n  |---|---|---|' },
  // Global-denial and authority wording through the new readings (the pass scan is not the only reader).
  'denial-through-bdo': { twin: DENIAL, shown: 'The file does not <bdo dir="rtl">tsixe</bdo> anywhere.', flag: DENIAL_FLAG },
  'denial-through-ruby': { twin: DENIAL, shown: 'The file does not <ruby>ex<rt>x</rt>ist</ruby> anywhere.', flag: DENIAL_FLAG },
  'denial-through-dir-value-reference': { twin: DENIAL, shown: 'a <span dir="&#x72;tl">anywhere&#x200F; exist&#x200F; not&#x200F; does&#x200F; file&#x200F; The</span>.', flag: DENIAL_FLAG },
  'authority-through-ruby': { twin: AUTHORITY, shown: 'This report is the authoritative <ruby>ga<rt>x</rt>te</ruby> and approves the release.', flag: AUTHORITY_FLAG },
  'authority-through-bdo': { twin: AUTHORITY, shown: 'This report is the authoritative gate and <bdo dir="rtl">sevorppa</bdo> the release.', flag: AUTHORITY_FLAG },
  'denial-through-dir-rtl': { twin: DENIAL, shown: 'a <span dir="rtl">anywhere&#x200F; exist&#x200F; not&#x200F; does&#x200F; file&#x200F; The</span>.', flag: DENIAL_FLAG },
  'denial-across-table-cells': { twin: `| x | ${DENIAL} | y |\n|---|---|---|`, shown: `| <!-- | ${DENIAL} | --> |\n|---|---|---|`, flag: DENIAL_FLAG },
  'denial-after-comment-opener-in-tag': { twin: DENIAL, shown: `<div <!--x>${DENIAL} -->`, flag: DENIAL_FLAG, passesThrough: true },
  'authority-through-dir-rtl': { twin: AUTHORITY, shown: 'a <span dir="rtl">release&#x200F; the&#x200F; approves&#x200F; and&#x200F; gate&#x200F; authoritative&#x200F; the&#x200F; is&#x200F; report&#x200F; This</span>.', flag: AUTHORITY_FLAG },
  'denial-in-table-without-leading-pipe': { twin: `x | ${DENIAL} | y\n--|---|--`, shown: `x | <!-- | ${DENIAL} | -->\n--|---|---|--`, flag: DENIAL_FLAG },
  // Direction variants the fix may read by its literal spelling only.
  'dir-value-reference-html-block': { twin: PASS_ALL, shown: `<p dir="&#x72;tl">${REVERSED}.</p>`, passesThrough: true },
  'table-body-row-without-leading-pipe': { twin: '| a | b | c | d |\n|---|---|---|---|\n| x | All tests pass. | y | z |', shown: '| a | b | c | d |\n|---|---|---|---|\nx | <!-- | All tests pass. | -->' },
  'svg-cdata-inline-paragraph': { twin: PASS_ALL, shown: 'a <svg><![CDATA[ > <!-- ]]></svg> All tests pass. -->' },
  'noembed-inline': { twin: PASS_ALL, shown: 'a <noembed><!--</noembed> All tests pass. <!-- -->' },
  'xmp-inline': { twin: PASS_ALL, shown: 'a <xmp><!--</xmp> All tests pass. <!-- -->' },
  'dir-mixed-case-value': { twin: PASS_ALL, shown: `a <span dir="RtL">${REVERSED}</span>.` },
  'link-reference-text': { twin: PASS_ALL, shown: 'All tests [pass].\n\n[pass]: /u' },
  'emphasis-inside-word': { twin: PASS_ALL, shown: 'All tests pa**ss**.' },
  'dir-unquoted': { twin: PASS_ALL, shown: `a <span dir=rtl>${REVERSED}</span>.` },
  'dir-single-quoted': { twin: PASS_ALL, shown: `a <span dir='rtl'>${REVERSED}</span>.` },
  'dir-spaces-around-equals': { twin: PASS_ALL, shown: `a <span dir = "rtl">${REVERSED}</span>.` },
  'dir-upper-case': { twin: PASS_ALL, shown: `a <SPAN DIR="RTL">${REVERSED}</SPAN>.` },
  'dir-attribute-on-next-line': { twin: PASS_ALL, shown: `a <span\ndir="rtl">${REVERSED}</span>.` },
  'bdo-inside-bdi': { twin: PASS_ALL, shown: 'All tests <bdi><bdo dir="rtl">ssap</bdo></bdi>.' },
  'bdo-letters-as-references': { twin: PASS_ALL, shown: 'All tests <bdo dir="rtl">ss&#x61;p</bdo>.' },
  'bdo-comment-inside': { twin: PASS_ALL, shown: 'All tests <bdo dir="rtl">ss<!-- x -->ap</bdo>.' },
  'bdo-bold-inside': { twin: PASS_ALL, shown: 'All tests <bdo dir="rtl"><b>ssap</b></bdo>.' },
  'bdo-tag-over-lines': { twin: PASS_ALL, shown: '<bdo\ndir="rtl">\n.ssap stset llA\n</bdo>' },
  'nested-dir-rtl-inside-ltr': { twin: PASS_ALL, shown: `<div dir="ltr">\n<div dir="rtl">${REVERSED}.</div>\n</div>`, passesThrough: true },
  'dir-auto-hebrew-first': { twin: PASS_ALL, shown: `a <span dir="auto">\u05D0 ${REVERSED}</span>.` },
  'table-cell-dir-rtl': { twin: PASS_ALL, shown: `| a | b |\n|---|---|\n| x | <span dir="rtl">${REVERSED}</span> |` },
  'code-span-holds-comment-opener': { twin: PASS_ALL, shown: '`<!--` All tests pass. -->' },
  'plaintext-shows-comment': { twin: PASS_ALL, shown: 'a <plaintext><!-- All tests pass. -->' },
};

describeTwins(VARIANTS, judge, '14');
