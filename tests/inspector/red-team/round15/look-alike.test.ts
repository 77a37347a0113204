import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge15 } from './judge15.js';

/**
 * rt-packets15, text a reader sees that the inspector may not read as it, against session 14's new
 * readings (unsandboxed entry, `inspectToDirectory`): the tree builder (choices 31: adoption agency,
 * the list of active formatting elements bounded at 16, the carried stack bounded at 64, `<template>`
 * and raw-text elements that swallow an end tag), attribute values decoded by HTML's rules
 * (references without `;`), `dir="auto"` and `bdo` as HTML's rendering rules define them, inline CSS
 * (choices 32), GFM tables (4.10) and wording split by Markdown. Each variant must get the flag and
 * exit code of its twin. Premises: `passesThrough` checks that CommonMark writes the variant out
 * unchanged (an HTML block), so the browser's HTML5 parser decides; inline raw HTML is written out
 * tag by tag. The reference is a browser showing CommonMark's HTML (choices 22); cases GitHub's
 * sanitizer would strip (`style`, `template`, `noscript`, `xmp`) hold only off GitHub and say so.
 */
const { judge, checkAllListedRan } = createJudge15('look');
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
const HEBREW_ALEF = '\u05D0';
const OVERRIDE_RTL = 'unicode-bidi:bidi-override;direction:rtl';
/** `count` formatting elements that differ in their attributes, so Noah's Ark merges none of them. */
const distinctFormatting = (tag: string, count: number): string => Array.from({ length: count }, (_, index) => `<${tag} title="${String(index)}">`).join('');

const VARIANTS: Record<string, TwinVariant> = {
  // --- The list of active formatting elements (choices 31 keeps its newest 16; a browser keeps every
  // entry, Noah's Ark merging only the fourth identical one). `</p>` pops them all; the text after it
  // is wrapped in every entry reconstructed, the outer `<b dir="rtl">` included.
  'noahs-ark-identical-entries-keep-outer-b': { twin: PASS_ALL, shown: `<p><b dir="rtl">${'<i>'.repeat(17)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-15-distinct-entries': { twin: PASS_ALL, shown: `<p><b dir="rtl">${distinctFormatting('i', 14)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-17-distinct-entries': { twin: PASS_ALL, shown: `<p><b dir="rtl">${distinctFormatting('i', 16)}</p>${REVERSED}.`, passesThrough: true },
  'formatting-list-17-distinct-across-paragraphs': { twin: PASS_ALL, shown: `x <b dir="rtl">${distinctFormatting('em', 16)}\n\n${REVERSED}.` },
  // --- Adoption agency without a furthest block: `</i>` pops the `<b dir="rtl">` opened inside it, which
  // stays in the list and is reconstructed around the text that follows (no `</p>` involved).
  'misnested-end-reconstructs-inner-b-inline': { twin: PASS_ALL, shown: `a <i>x <b dir="rtl"></i>${REVERSED}</b>.` },
  'misnested-end-reconstructs-inner-b-block': { twin: PASS_ALL, shown: `<p><i>x <b dir="rtl"></i>${REVERSED}.</b></p>`, passesThrough: true },
  // With a furthest block: `</b>` moves the `<p>` out of the `<b dir="ltr">`; the text is then in the
  // `<p>` under the outer `dir="rtl"`, no longer held left to right.
  'adoption-furthest-block-leaves-outer-rtl': { twin: PASS_ALL, shown: `<div dir="rtl"><b dir="ltr">x<p>y</b>${REVERSED}.</p></div>`, passesThrough: true },
  // Reconstruction after an end tag other than `</p>`: `</div>` and an implied `</li>` pop the `b`.
  'formatting-reconstructed-after-div-end': { twin: PASS_ALL, shown: `<div><b dir="rtl">x</div>${REVERSED}.`, passesThrough: true },
  'formatting-reconstructed-after-implied-li-end': { twin: PASS_ALL, shown: `<ul><li><b dir="rtl">x<li>${REVERSED}.</ul>`, passesThrough: true },
  // --- The carried stack (choices 31 keeps its innermost 64 entries): a `<div dir="rtl">` under 64
  // further divs still holds the Markdown paragraph after the block (CommonMark writes a bare `<p>`).
  // Start tags that close an element of their own kind (HTML's "in body" rules): a heading closes an
  // open heading, `<dd>` a `<dt>`, `<button>` a button, `<a>` an `a` (adoption agency); a nested `<form>`
  // is ignored. Each time the `dir="ltr"` of the closed (or never opened) element no longer holds the text.
  'heading-start-closes-open-heading': { twin: PASS_ALL, shown: `<div dir="rtl"><h2 dir="ltr">x<h3>${REVERSED}.</h3></div>`, passesThrough: true },
  'dd-start-closes-open-dt': { twin: PASS_ALL, shown: `<dl dir="rtl"><dt dir="ltr">x<dd>${REVERSED}.</dl>`, passesThrough: true },
  'button-start-closes-open-button': { twin: PASS_ALL, shown: `<div dir="rtl"><button dir="ltr">x<button>${REVERSED}.</button></div>`, passesThrough: true },
  'a-start-closes-open-a': { twin: PASS_ALL, shown: `<div dir="rtl"><a dir="ltr" href="u">x<a href="v">${REVERSED}.</a></div>`, passesThrough: true },
  'nested-form-start-ignored': { twin: PASS_ALL, shown: `<form dir="rtl"><form dir="ltr">${REVERSED}.</form></form>`, passesThrough: true },
  'carried-stack-rtl-under-62-divs': { twin: PASS_ALL, shown: `<div dir="rtl">${'<div>'.repeat(62)}\n\n${REVERSED}.` },
  'carried-stack-rtl-under-64-divs': { twin: PASS_ALL, shown: `<div dir="rtl">${'<div>'.repeat(64)}\n\n${REVERSED}.` },
  // --- End tags a browser never sees as end tags: in `<template>` an end tag other than `</template>`
  // is ignored; in RAWTEXT/RCDATA (`noscript` with scripting on, `xmp`, `style`, `textarea`) it is text.
  // The `dir="rtl"` element stays open around the text after them. Off GitHub (it strips these tags).
  'template-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><template></span></template>${REVERSED}</span>.` },
  'template-swallows-p-end': { twin: PASS_ALL, shown: `<p dir="rtl">x <template></p></template>${REVERSED}.</p>`, passesThrough: true },
  'noscript-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><noscript></span></noscript>${REVERSED}</span>.` },
  'xmp-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><xmp></span></xmp>${REVERSED}</span>.` },
  'style-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><style></span></style>${REVERSED}</span>.` },
  'script-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><script></span></script>${REVERSED}</span>.` },
  'title-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><title></span></title>${REVERSED}</span>.` },
  'noscript-swallows-p-end-block': { twin: PASS_ALL, shown: `<p dir="rtl">x <noscript></p></noscript>${REVERSED}.</p>`, passesThrough: true },
  'select-ignores-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><select></span></select>${REVERSED}</span>.` },
  'textarea-swallows-span-end': { twin: PASS_ALL, shown: `a <span dir="rtl"><textarea></span></textarea>${REVERSED}</span>.` },
  // --- `dir="auto"` reads the text nodes of the element's DOM subtree, skipping `script`, `style`,
  // `textarea` and a template's contents (not children); a `noscript`'s raw text is a child, hidden
  // but counted. Each time the first strong character is the Hebrew letter: right to left.
  'dir-auto-skips-style-text': { twin: PASS_ALL, shown: `a <span dir="auto"><style>x</style>${HEBREW_ALEF} ${REVERSED}</span>.` },
  'dir-auto-skips-script-text': { twin: PASS_ALL, shown: `a <span dir="auto"><script>x</script>${HEBREW_ALEF} ${REVERSED}</span>.` },
  'dir-auto-skips-textarea-text': { twin: PASS_ALL, shown: `a <span dir="auto"><textarea>x</textarea>${HEBREW_ALEF} ${REVERSED}</span>.` },
  'dir-auto-skips-template-contents': { twin: PASS_ALL, shown: `a <span dir="auto"><template>x</template>${HEBREW_ALEF} ${REVERSED}</span>.` },
  'dir-auto-counts-hidden-noscript-text': { twin: PASS_ALL, shown: `a <span dir="auto"><noscript>${HEBREW_ALEF}</noscript>${REVERSED}</span>.` },
  // --- `bdo` is `unicode-bidi: isolate-override` by HTML's rendering rules with or without `dir`; its
  // direction is inherited or, with `dir="auto"`, its first strong character's (an RLM is one).
  'bdo-without-dir-inherits-rtl': { twin: PASS_ALL, shown: 'All tests <span dir="rtl"><bdo>ssap</bdo></span>.' },
  'bdo-empty-dir-inherits-rtl': { twin: PASS_ALL, shown: 'All tests <span dir="rtl"><bdo dir="">ssap</bdo></span>.' },
  'bdo-without-dir-in-html-block-rtl': { twin: PASS_ALL, shown: '<div dir="rtl"><bdo>.ssap stset llA</bdo></div>', passesThrough: true },
  'bdo-dir-auto-rlm-first': { twin: PASS_ALL, shown: 'All tests <bdo dir="auto">&#x200F;ssap</bdo>.' },
  'bdo-without-dir-in-css-direction': { twin: PASS_ALL, shown: 'All tests <span style="direction:rtl"><bdo>ssap</bdo></span>.' },
  // --- Character references without `;` in an attribute value: numeric ones decode (a parse error,
  // not a refusal), so these values are `rtl`. And in an HTML block's text, `&#x200F` before a space.
  'dir-value-hex-reference-without-semicolon': { twin: PASS_ALL, shown: `a <span dir="&#x72tl">${REVERSED}</span>.` },
  'bdo-dir-value-decimal-reference-without-semicolon': { twin: PASS_ALL, shown: 'All tests <bdo dir="&#82TL">ssap</bdo>.' },
  'dir-unquoted-reference-without-semicolon': { twin: PASS_ALL, shown: `a <span dir=&#x72tl>${REVERSED}</span>.` },
  'rlm-reference-without-semicolon-html-block': { twin: PASS_ALL, shown: '<p dir="rtl">pass&#x200F tests&#x200F All.</p>', passesThrough: true },
  // --- Inline CSS read as CSS reads a declaration list (choices 32): `!important` spelled with white
  // space, a comment or in capitals; escapes (six hex digits; in a property name); references decoded
  // by HTML before CSS sees the value; keywords in capitals; `direction` inherited into a child whose
  // `unicode-bidi` isolates; `plaintext` taking the first strong character. Off GitHub (`style`).
  'css-important-with-space': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override ! important;direction:rtl;unicode-bidi:normal">ssap</span>.' },
  'css-important-comment-between': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override !/**/important;direction:rtl;unicode-bidi:normal">ssap</span>.' },
  'css-important-upper-case': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override!IMPORTANT;direction:rtl;unicode-bidi:normal">ssap</span>.' },
  'css-escape-six-hex-digits': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override;direction:\\000072tl">ssap</span>.' },
  'css-escape-in-property-name': { twin: PASS_ALL, shown: 'All tests <span style="unicode-\\62 idi:bidi-override;direction:rtl">ssap</span>.' },
  'css-references-in-style-attribute': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi&#58;bidi-override;direction&colon;rtl">ssap</span>.' },
  'css-reference-without-semicolon-in-style': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override;direction:&#x72tl">ssap</span>.' },
  'css-upper-case-names-and-keywords': { twin: PASS_ALL, shown: 'All tests <span style="UNICODE-BIDI:BIDI-OVERRIDE;DIRECTION:RTL">ssap</span>.' },
  'css-comments-inside-values': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:/* a */bidi-override;direction:/**/rtl">ssap</span>.' },
  'css-direction-inherited-into-isolate': { twin: PASS_ALL, shown: `a <span style="direction:rtl"><span style="unicode-bidi:isolate">${REVERSED}</span></span>.` },
  'css-direction-inherited-into-override': { twin: PASS_ALL, shown: 'All tests <span style="direction:rtl"><span style="unicode-bidi:bidi-override">ssap</span></span>.' },
  'css-direction-inherited-into-embed': { twin: PASS_ALL, shown: `a <span style="direction:rtl"><span style="unicode-bidi:embed">${REVERSED}</span></span>.` },
  'css-important-mixed-case-and-tab': { twin: PASS_ALL, shown: 'All tests <span style="unicode-bidi:bidi-override !\tImportant;direction:rtl;unicode-bidi:normal">ssap</span>.' },
  'css-unicode-bidi-plaintext': { twin: PASS_ALL, shown: `a <span style="unicode-bidi:plaintext">${HEBREW_ALEF} ${REVERSED}</span>.` },
  'css-direction-on-div-block': { twin: PASS_ALL, shown: `<div style=" Direction : RTL ">${REVERSED}.</div>`, passesThrough: true },
  // --- GFM tables (4.10): elements open around a table hold its cells in a browser (direction is
  // inherited through `table`/`td`), and GitHub keeps `div dir` (documented limit: cells read alone).
  'table-cell-inherits-open-div-rtl': { twin: '| a |\n|---|\n| All tests pass. |', shown: `<div dir="rtl">\n\n| a |\n|---|\n| ${REVERSED}. |\n\n</div>` },
  'table-second-cell-inherits-open-div-rtl': { twin: '| a | b |\n|---|---|\n| x | All tests pass. |', shown: `<div dir="rtl">\n\n| a | b |\n|---|---|\n| x | ${REVERSED}. |\n\n</div>` },
  'table-cell-inherits-body-dir': { twin: '| a |\n|---|\n| All tests pass. |', shown: `| a |\n|---|\n| ${REVERSED}. |\n\n<body dir="rtl">` },
  'table-pipe-in-code-span-splits-comment': { twin: '| a | b | c |\n|---|---|---|\n| x | All tests pass. | y |', shown: '| a | b | c |\n|---|---|---|\n| `<!-- | All tests pass. | -->` |' },
  'table-pipe-in-link-title-splits-comment': { twin: '| a | b |\n|---|---|\n| x | All tests pass. |', shown: '| a | b |\n|---|---|\n| [x](u "<!--|") All tests pass. -->") |' },
  'table-pass-split-across-cells-with-markup': { twin: PASS_ALL, shown: '| *All* | [tests](u) | **pass**. |\n|---|---|---|' },
  // --- Wording split by Markdown constructs a reader does not see.
  'pass-across-link-texts': { twin: PASS_ALL, shown: '[All tests](u) [pass](v).' },
  'pass-across-inline-comment': { twin: PASS_ALL, shown: 'All tests <!-- x --> pass.' },
  // --- Global-denial and authority wording through the same new readings.
  'denial-through-css-override': { twin: DENIAL, shown: `The file does not <span style="${OVERRIDE_RTL}">tsixe</span> anywhere.`, flag: DENIAL_FLAG },
  'denial-through-bdo-without-dir': { twin: DENIAL, shown: 'The file does not <span dir="rtl"><bdo>tsixe</bdo></span> anywhere.', flag: DENIAL_FLAG },
  'denial-through-dir-reference-without-semicolon': { twin: DENIAL, shown: `a <span dir="&#x72tl">${REVERSED_DENIAL}</span>.`, flag: DENIAL_FLAG },
  'denial-through-misnested-reconstruction': { twin: DENIAL, shown: `a <i>x <b dir="rtl"></i>${REVERSED_DENIAL}</b>.`, flag: DENIAL_FLAG },
  'denial-split-across-cells-with-markup': { twin: DENIAL, shown: '| The file does *not* | [exist](u) **anywhere**. |\n|---|---|', flag: DENIAL_FLAG },
  'denial-across-link-and-comment': { twin: DENIAL, shown: 'The file does <!-- x --> not [exist](u) anywhere.', flag: DENIAL_FLAG },
  'authority-through-css-override': { twin: AUTHORITY, shown: `This report is the authoritative gate and <span style="${OVERRIDE_RTL}">sevorppa</span> the release.`, flag: AUTHORITY_FLAG },
  'authority-through-template-swallowed-end': { twin: AUTHORITY, shown: 'a <span dir="rtl"><template></span></template>release&#x200F; the&#x200F; approves&#x200F; and&#x200F; gate&#x200F; authoritative&#x200F; the&#x200F; is&#x200F; report&#x200F; This</span>.', flag: AUTHORITY_FLAG },
};

describeTwins(VARIANTS, judge, '15');
