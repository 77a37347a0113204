import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge16 } from './judge16.js';

/**
 * rt-packets16, text a reader sees that the inspector may not read as it, against session 15's newest
 * readings (unsandboxed entry, `inspectToDirectory`): raw-text elements in odd casing and nesting
 * (choices 45), the same names in SVG and MathML, where they are ordinary elements and HTML's
 * breakout tags end the foreign content; the formatting list and the carried stack just under and
 * over their bound of 64 (choices 31, which fails closed past it: the text is unread and read both
 * ways, so the flag must stay); Noah's Ark by a browser's equality of attributes (names lowercased,
 * values decoded, order and duplicates ignored); and direction through routes no round tried: a
 * duplicate attribute (the first wins), references spelling a whole value, a table's column order
 * under `dir="rtl"`, CSS layout that reorders boxes, SVG's presentation attributes and positions,
 * MathML's `dir`, and text a browser shows from an attribute (`value`, `placeholder`, `srcdoc`, `alt`).
 * Each variant must get the flag and exit code of its twin. The reference is a browser showing
 * CommonMark's HTML (choices 22); GitHub's sanitizer strips `style`, `svg`, `math`, form controls,
 * `iframe` and the raw-text elements, so those hold only off GitHub (low); `table`, `div`, `span`
 * and `dir` it keeps.
 */
const { judge, checkAllListedRan } = createJudge16('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_ALL = 'All tests pass.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';
const DENIAL = 'The file does not exist anywhere.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';
/** Latin words joined by RLM + space (as a reference): right to left they show "All tests pass". */
const REVERSED = 'pass&#x200F; tests&#x200F; All';
const REVERSED_DENIAL = 'anywhere&#x200F; exist&#x200F; not&#x200F; does&#x200F; file&#x200F; The';
const REVERSED_AUTHORITY = 'release&#x200F; the&#x200F; approves&#x200F; and&#x200F; gate&#x200F; authoritative&#x200F; the&#x200F; is&#x200F; report&#x200F; This';
/** `count` formatting elements that differ in their attributes, so Noah's Ark merges none of them. */
const distinctFormatting = (tag: string, count: number): string => Array.from({ length: count }, (_, index) => `<${tag} title="${String(index)}">`).join('');
/** `count` start tags a browser holds identical (Noah's Ark): one attribute, spelled seven ways. */
const SAME_ATTRIBUTE_SPELLINGS = ['<i title="x">', "<i title='x'>", '<i title=x>', '<I TITLE="x">', '<i title="&#120;">', '<i title="&#x78;">', '<i  title = "x" >'];
const identicalBySpelling = (count: number): string => Array.from({ length: count }, (_, index) => SAME_ATTRIBUTE_SPELLINGS[index % SAME_ATTRIBUTE_SPELLINGS.length]).join('');
/** A row of cells, one word each, in the order a right-to-left table shows them left to right reversed. */
const htmlTableRow = (words: readonly string[]): string => `<tr>${words.map((word) => `<td>${word}</td>`).join('')}</tr>`;

const VARIANTS: Record<string, TwinVariant> = {
  // --- Raw text (RAWTEXT, RCDATA, script data) ends only at its own end tag, matched in any case; any
  // other end tag inside is text, so the `dir="rtl"` span stays open around the words after it.
  'style-upper-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><STYLE></SPAN></STYLE>${REVERSED}</span>.` },
  'script-mixed-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><ScRiPt></span></sCrIpT>${REVERSED}</span>.` },
  'title-mixed-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><TiTlE></span></tItLe>${REVERSED}</span>.` },
  'textarea-upper-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><TEXTAREA></span></TEXTAREA>${REVERSED}</span>.` },
  'iframe-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><iframe></span></iframe>${REVERSED}</span>.` },
  'iframe-upper-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><IFRAME></SPAN></IfRaMe>${REVERSED}</span>.` },
  'noembed-mixed-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><NoEmBeD></span></NOEMBED>${REVERSED}</span>.` },
  'noframes-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><noframes></span></NoFrames>${REVERSED}</span>.` },
  // An end tag whose name only starts with the element's is text too.
  'textarea-longer-end-name-is-text': { twin: PASS_ALL, shown: `a <span dir="rtl"><textarea></textarea-x></span></textarea>${REVERSED}</span>.` },
  // The element's own end tag with an attribute ends it; a `</p>` inside the quoted value is no tag.
  'textarea-end-tag-attribute-holds-p-end': { twin: PASS_ALL, shown: `<p dir="rtl">x <textarea></textarea title="</p>">${REVERSED}.</p>`, passesThrough: true },
  'noembed-end-tag-attribute-holds-p-end': { twin: PASS_ALL, shown: `<p dir="rtl">x <noembed></NOEMBED title="</p>">${REVERSED}.</p>`, passesThrough: true },
  'style-end-tag-attribute-holds-p-end': { twin: PASS_ALL, shown: `<p dir="rtl">x <STYLE></Style title='</p>'>${REVERSED}.</p>`, passesThrough: true },
  // Script data double-escaped (`<!--<script>`): `</SCRIPT>` there returns to escaped, it ends nothing.
  'script-double-escaped-upper-case-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><SCRIPT><!--<Script></SCRIPT></span>--></script>${REVERSED}</span>.` },
  // --- In SVG and MathML these names are ordinary elements: their content is markup, and an HTML
  // breakout tag (`span`, `b`, `div`) ends the foreign content and opens an HTML element that shows.
  'svg-textarea-is-not-rcdata': { twin: PASS_ALL, shown: `a <svg><textarea><span dir="rtl">${REVERSED}</span></textarea></svg>.` },
  'math-style-is-not-rawtext': { twin: PASS_ALL, shown: `a <math><style><b dir="rtl">${REVERSED}</b></style></math>.` },
  'svg-script-is-not-script-data': { twin: PASS_ALL, shown: `a <svg><script><span dir="rtl">${REVERSED}</span></script></svg>.` },
  'svg-noembed-is-not-rawtext': { twin: PASS_ALL, shown: `a <svg><NOEMBED><span dir="rtl">${REVERSED}</span></NOEMBED></svg>.` },
  // --- The list of active formatting elements near its bound (64 distinct entries since the last
  // marker, then fail closed, choices 31): `</p>` pops them all and the text after it is wrapped in
  // every entry reconstructed, the outer `<b dir="rtl">` included.
  'formatting-list-63-distinct-entries': { twin: PASS_ALL, shown: `<p><b dir="rtl">${distinctFormatting('i', 62)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-64-distinct-entries': { twin: PASS_ALL, shown: `<p><b dir="rtl">${distinctFormatting('i', 63)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-65-distinct-entries': { twin: PASS_ALL, shown: `<p><b dir="rtl">${distinctFormatting('i', 64)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-200-distinct-entries': { twin: PASS_ALL, shown: `<p><b dir="rtl">${distinctFormatting('i', 199)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-65-distinct-across-paragraphs': { twin: PASS_ALL, shown: `x <b dir="rtl">${distinctFormatting('em', 64)}\n\n${REVERSED}.` },
  // Noah's Ark compares what the tokenizer made: names lowercased, values decoded, order and a
  // repeated attribute (dropped) ignored. 70 such tags are 3 entries in a browser.
  'noahs-ark-same-attribute-spelled-seven-ways': { twin: PASS_ALL, shown: `<p><b dir="rtl">${identicalBySpelling(70)}</p>${REVERSED}.`, passesThrough: true },
  'noahs-ark-attribute-order-ignored': { twin: PASS_ALL, shown: `<p><b dir="rtl">${'<i lang="a" title="b"><i title="b" lang="a">'.repeat(35)}</p>${REVERSED}.`, passesThrough: true },
  'noahs-ark-repeated-attribute-dropped': { twin: PASS_ALL, shown: `<p><b dir="rtl">${Array.from({ length: 70 }, (_, index) => `<i title="x" title="${String(index)}">`).join('')}</p>${REVERSED}.`, passesThrough: true },
  // `</object>` clears the list back to the marker `<object>` pushed: the 70 entries after it go, `b` stays.
  'object-marker-clears-later-entries': { twin: PASS_ALL, shown: `x <b dir="rtl"><object>${distinctFormatting('i', 70)}</object>\n\n${REVERSED}.` },
  // --- The carried stack near its bound (its innermost 64 entries, then the innermost 64 with a
  // direction, then fail closed): the `<div dir="rtl">` still holds the Markdown paragraph after it.
  'carried-stack-rtl-under-63-divs': { twin: PASS_ALL, shown: `<div dir="rtl">${'<div>'.repeat(63)}\n\n${REVERSED}.` },
  'carried-stack-rtl-under-65-divs': { twin: PASS_ALL, shown: `<div dir="rtl">${'<div>'.repeat(65)}\n\n${REVERSED}.` },
  'carried-stack-rtl-under-300-divs': { twin: PASS_ALL, shown: `<div dir="rtl">${'<div>'.repeat(300)}\n\n${REVERSED}.` },
  // `dir=""` and `dir="rtl "` are invalid values: no direction of their own, the rtl is inherited.
  'carried-stack-rtl-under-70-invalid-dir-divs': { twin: PASS_ALL, shown: `<div dir="rtl">${'<div dir="">'.repeat(35)}${'<div dir="rtl ">'.repeat(35)}\n\n${REVERSED}.` },
  'carried-stack-rtl-under-70-spans': { twin: PASS_ALL, shown: `<div dir="rtl">${'<span>'.repeat(70)}\n\n${REVERSED}.` },
  // --- Direction through routes no round tried.
  // A repeated attribute is dropped by the tokenizer: the first `dir` (or `style`) is the one that counts.
  'duplicate-dir-first-wins': { twin: PASS_ALL, shown: `a <span dir="rtl" dir="ltr">${REVERSED}</span>.` },
  'duplicate-dir-other-case-first-wins': { twin: PASS_ALL, shown: `a <span DIR="rtl" dir="ltr">${REVERSED}</span>.` },
  'duplicate-style-first-wins': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override;direction:rtl" style="direction:ltr">ssap</span>.' },
  'dir-value-all-decimal-references': { twin: PASS_ALL, shown: `a <span dir="&#114;&#116;&#108;">${REVERSED}</span>.` },
  'dir-value-capital-x-hex-references': { twin: PASS_ALL, shown: `a <span dir="&#X52;&#X54;&#X4C;">${REVERSED}</span>.` },
  // A textarea's box shows its text at the element's direction.
  'textarea-dir-rtl-content': { twin: PASS_ALL, shown: `a <textarea dir="rtl">${REVERSED}</textarea>.` },
  'textarea-css-direction-content': { twin: PASS_ALL, shown: `a <textarea style="direction:rtl">${REVERSED}</textarea>.` },
  'textarea-inherits-rtl-span': { twin: PASS_ALL, shown: `a <span dir="rtl"><textarea>${REVERSED}</textarea></span>.` },
  // A table laid out right to left shows its first cell rightmost: read left to right, "All tests pass.".
  'html-table-dir-rtl-column-order': { twin: PASS_ALL, shown: `<table dir="rtl">${htmlTableRow(['pass.', 'tests', 'All'])}</table>`, passesThrough: true },
  'html-table-in-rtl-div-column-order': { twin: PASS_ALL, shown: `<div dir="rtl"><table>${htmlTableRow(['pass.', 'tests', 'All'])}</table></div>`, passesThrough: true },
  'gfm-table-in-rtl-div-column-order': { twin: PASS_ALL, shown: '<div dir="rtl">\n\n| pass. | tests | All |\n|---|---|---|\n\n</div>' },
  'gfm-table-body-row-under-body-rtl': { twin: PASS_ALL, shown: '| a | b | c |\n|---|---|---|\n| pass. | tests | All |\n\n<body dir="rtl">' },
  'html-table-css-direction-column-order': { twin: PASS_ALL, shown: `<table style="direction:rtl">${htmlTableRow(['pass.', 'tests', 'All'])}</table>`, passesThrough: true },
  // CSS layout that reorders boxes (off GitHub): flex `row-reverse`, `order`, right floats.
  'css-flex-row-reverse': { twin: PASS_ALL, shown: '<div style="display:flex;flex-direction:row-reverse"><span>&nbsp;pass.</span><span>&nbsp;tests</span><span>All</span></div>', passesThrough: true },
  'css-flex-order': { twin: PASS_ALL, shown: '<div style="display:flex"><span style="order:3">&nbsp;pass.</span><span style="order:2">&nbsp;tests</span><span style="order:1">All</span></div>', passesThrough: true },
  'css-right-floats': { twin: PASS_ALL, shown: '<div><span style="float:right">&nbsp;pass.</span><span style="float:right">&nbsp;tests</span><span style="float:right">All</span></div>', passesThrough: true },
  // SVG's `direction`/`unicode-bidi` presentation attributes, and glyph positions; MathML's `dir`.
  'svg-text-presentation-attributes-override': { twin: PASS_ALL, shown: 'a <svg width="300" height="20"><text x="290" y="15" direction="rtl" unicode-bidi="bidi-override">.ssap stset llA</text></svg>' },
  'svg-tspan-positions-reorder': { twin: PASS_ALL, shown: 'a <svg width="300" height="20"><text y="15"><tspan x="140">pass.</tspan><tspan x="70">tests</tspan><tspan x="0">All</tspan></text></svg>' },
  'math-dir-rtl-row': { twin: PASS_ALL, shown: 'a <math dir="rtl"><mtext>pass.</mtext><mspace width="1em"/><mtext>tests</mtext><mspace width="1em"/><mtext>All</mtext></math>' },
  // Text a browser shows from an attribute.
  'input-value-shown': { twin: PASS_ALL, shown: 'a <input value="All tests pass." size="40"> b' },
  'input-placeholder-shown': { twin: PASS_ALL, shown: 'a <input placeholder="All tests pass." size="40"> b' },
  'textarea-placeholder-shown': { twin: PASS_ALL, shown: 'a <textarea placeholder="All tests pass."></textarea> b' },
  'iframe-srcdoc-shown': { twin: PASS_ALL, shown: 'a <iframe srcdoc="All tests pass."></iframe> b' },
  'input-dir-rtl-value-shown': { twin: PASS_ALL, shown: `a <input dir="rtl" value="${REVERSED}" size="40"> b` },
  'input-button-value-shown': { twin: PASS_ALL, shown: 'a <input type="button" value="All tests pass."> b' },
  // Control: Markdown's image alt text is read (choices 24); the HTML image's alt is the same text shown.
  'markdown-image-alt-shown': { twin: PASS_ALL, shown: 'a ![All tests pass.](missing.png) b' },
  'html-img-alt-shown': { twin: PASS_ALL, shown: 'a <img src="missing.png" alt="All tests pass."> b' },
  // --- Global-denial and authority wording through the same routes.
  'denial-through-duplicate-dir': { twin: DENIAL, shown: `a <span dir="rtl" dir="ltr">${REVERSED_DENIAL}</span>.`, flag: DENIAL_FLAG },
  'denial-through-html-table-rtl-column-order': { twin: DENIAL, shown: `<table dir="rtl">${htmlTableRow(['anywhere.', 'exist', 'not', 'does', 'file', 'The'])}</table>`, flag: DENIAL_FLAG, passesThrough: true },
  'denial-through-svg-textarea-breakout': { twin: DENIAL, shown: `a <svg><textarea><span dir="rtl">${REVERSED_DENIAL}</span></textarea></svg>.`, flag: DENIAL_FLAG },
  'denial-through-formatting-list-65': { twin: DENIAL, shown: `<p><b dir="rtl">${distinctFormatting('i', 64)}</p>${REVERSED_DENIAL}.`, flag: DENIAL_FLAG, passesThrough: true },
  'authority-through-upper-case-style-swallowed-end': { twin: AUTHORITY, shown: `a <span dir="rtl"><STYLE></SPAN></STYLE>${REVERSED_AUTHORITY}</span>.`, flag: AUTHORITY_FLAG },
  'authority-through-input-value': { twin: AUTHORITY, shown: 'a <input value="This report is the authoritative gate and approves the release." size="80"> b', flag: AUTHORITY_FLAG },
};

describeTwins(VARIANTS, judge, '16');
