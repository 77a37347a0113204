import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge19 } from './judge19.js';

/**
 * rt-packets19, text a browser hides or shows (choices 22 and 70 as session 18 amended them): a word
 * hidden inside the pass phrase by CSS that no round used (several declarations, `<style>` rules with
 * selectors tki must match, CSS escapes, `@media`, `:not()`, `!important`, a duplicated `style`
 * attribute, whose first copy is the one a browser keeps), by a colour equal to its background, by CSS
 * functions that hide without naming a hiding property (`filter: opacity(0)`, a mask, a text fill), by
 * elements whose content a browser does not show (`noembed`, `noframes`, `iframe` content), inside a
 * `srcdoc` document; and text a browser shows that the packet's Markdown does not hold as text (CSS
 * `content`). Each variant shows "All tests pass." (or the denial, or the authority sentence) and must
 * get the flag and exit code of its twin that shows the same words as plain text.
 */
const { judge, checkAllListedRan } = createJudge19('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS_ALL = 'All tests pass.';
const DENIAL = 'The file does not exist anywhere.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';

/** "All tests pass." with `never ` inside an element a browser does not show (its opening tag given). */
const hiddenNever = (open: string, close = '</span>'): string => `All tests ${open}never ${close}pass.`;
/** The same with a `<style>` sheet before the paragraph's words. */
const sheet = (rules: string, open: string, close = '</span>'): string => `<style>${rules}</style>\n\n${hiddenNever(open, close)}`;
/** A srcdoc document (attribute-escaped) holding `html`. */
const srcdoc = (html: string): string => `<iframe srcdoc="${html.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"></iframe>`;

const VARIANTS: Record<string, TwinVariant> = {
  // --- Hiding by a colour: equal to the element's own background, or a zero alpha spelled another way.
  'colour-equal-to-own-background': { twin: PASS_ALL, shown: hiddenNever('<span style="color:#fff;background:#fff">') },
  'colour-equal-to-own-background-named-and-hex': { twin: PASS_ALL, shown: hiddenNever('<span style="background-color:white;color:#ffffff">') },
  'colour-four-digit-hex-zero-alpha': { twin: PASS_ALL, shown: hiddenNever('<span style="color:#0000">') },
  'colour-eight-digit-hex-zero-alpha': { twin: PASS_ALL, shown: hiddenNever('<span style="color:#12345600">') },
  'colour-hsl-slash-zero-alpha': { twin: PASS_ALL, shown: hiddenNever('<span style="color:hsl(0 0% 0% / 0)">') },
  'colour-rgb-zero-percent-alpha': { twin: PASS_ALL, shown: hiddenNever('<span style="color:rgb(0 0 0 / 0%)">') },
  'webkit-text-fill-transparent': { twin: PASS_ALL, shown: hiddenNever('<span style="-webkit-text-fill-color:transparent">') },
  'font-colour-attribute-equal-to-page-white-in-mark': { twin: PASS_ALL, shown: hiddenNever('<mark style="background:yellow"><font color="yellow">', '</font></mark>') },
  'colour-canvas-system-colour': { twin: PASS_ALL, shown: hiddenNever('<span style="color:Canvas">') },
  'colour-current-colour-background': { twin: PASS_ALL, shown: hiddenNever('<span style="color:red;background-color:currentcolor">') },
  'colour-mix-all-transparent': { twin: PASS_ALL, shown: hiddenNever('<span style="color:color-mix(in srgb, red 0%, transparent)">') },
  'colour-relative-zero-alpha': { twin: PASS_ALL, shown: hiddenNever('<span style="color:rgb(from red r g b / 0)">') },
  'colour-hsla-commas-zero-alpha': { twin: PASS_ALL, shown: hiddenNever('<span style="color:hsla(0,0%,0%,0)">') },
  'colour-white-on-the-default-page': { twin: PASS_ALL, shown: hiddenNever('<span style="color:#fff">') },
  // --- Hiding by CSS that names no hiding property.
  'font-shorthand-zero-size': { twin: PASS_ALL, shown: hiddenNever('<span style="font:0/0 a">') },
  'filter-opacity-zero-percent-among-others': { twin: PASS_ALL, shown: hiddenNever('<span style="filter:blur(0) opacity(0%)">') },
  'filter-opacity-zero': { twin: PASS_ALL, shown: hiddenNever('<span style="filter:opacity(0)">') },
  'mask-image-transparent': { twin: PASS_ALL, shown: hiddenNever('<span style="mask-image:linear-gradient(transparent,transparent)">') },
  'webkit-mask-image-transparent': { twin: PASS_ALL, shown: hiddenNever('<span style="-webkit-mask-image:linear-gradient(transparent,transparent)">') },
  'font-size-hundredth-of-a-pixel': { twin: PASS_ALL, shown: hiddenNever('<span style="font-size:0.01px">') },
  'letter-spacing-negative-with-tiny-font': { twin: PASS_ALL, shown: hiddenNever('<span style="font-size:1px;letter-spacing:-1px">') },
  'zoom-hundredth': { twin: PASS_ALL, shown: hiddenNever('<span style="zoom:0.01">') },
  'opacity-zero-percent': { twin: PASS_ALL, shown: hiddenNever('<span style="opacity:0%">') },
  'opacity-tiny-nonzero': { twin: PASS_ALL, shown: hiddenNever('<span style="opacity:0.001">') },
  // --- Several declarations together (session 18's amendment) in spellings it may not read.
  'sr-only-one-pixel-box': { twin: PASS_ALL, shown: hiddenNever('<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap">') },
  'max-height-zero-overflow-hidden': { twin: PASS_ALL, shown: hiddenNever('<span style="display:inline-block;max-width:0;max-height:0;overflow:hidden">') },
  'line-height-zero-overflow-hidden-block': { twin: PASS_ALL, shown: hiddenNever('<span style="display:inline-block;line-height:0;height:0;overflow:hidden">') },
  'clip-path-circle-zero': { twin: PASS_ALL, shown: hiddenNever('<span style="clip-path:circle(0)">') },
  'transform-scale-zero-inline-block': { twin: PASS_ALL, shown: hiddenNever('<span style="display:inline-block;transform:scale(0)">') },
  'css-escape-in-property-name': { twin: PASS_ALL, shown: hiddenNever('<span style="displ\\61y:none">') },
  'css-escape-in-value': { twin: PASS_ALL, shown: hiddenNever('<span style="display:n\\6f ne">') },
  'entity-encoded-colon-in-style': { twin: PASS_ALL, shown: hiddenNever('<span style="display&#58;none">') },
  'upper-case-property-and-value': { twin: PASS_ALL, shown: hiddenNever('<span style="DISPLAY:NONE">') },
  'duplicated-style-attribute-first-hides': { twin: PASS_ALL, shown: hiddenNever('<span style="display:none" style="display:inline">') },
  'duplicated-hidden-after-style-show': { twin: PASS_ALL, shown: hiddenNever('<span style="color:red" hidden style="display:inline">') },
  // --- `<style>` rules whose selectors need reading as CSS reads them.
  'sheet-class-selector-with-css-escape': { twin: PASS_ALL, shown: sheet('.\\68 {display:none}', '<span class="h">') },
  'sheet-id-selector-with-leading-digit-escape': { twin: PASS_ALL, shown: sheet('#\\31 23{visibility:hidden}', '<span id="123">') },
  'sheet-upper-case-type-selector': { twin: PASS_ALL, shown: sheet('SPAN{display:none}', '<span>') },
  'sheet-attribute-selector-case-flag': { twin: PASS_ALL, shown: sheet('[data-x="HIDE" i]{display:none}', '<span data-x="hide">') },
  'sheet-not-pseudo-class': { twin: PASS_ALL, shown: sheet('span:not(.shown){display:none}', '<span>') },
  'sheet-is-and-where': { twin: PASS_ALL, shown: sheet(':is(.a,.h):where(span){opacity:0}', '<span class="h">') },
  'sheet-media-query': { twin: PASS_ALL, shown: sheet('@media screen and (min-width:1px){.h{font-size:0}}', '<span class="h">') },
  'sheet-important-beats-inline': { twin: PASS_ALL, shown: sheet('.h{display:none!important}', '<span class="h" style="display:inline">') },
  'sheet-comment-inside-rule': { twin: PASS_ALL, shown: sheet('.h{/* x */display:/**/none/**/}', '<span class="h">') },
  'sheet-in-svg': { twin: PASS_ALL, shown: `<svg><style>.h{display:none}</style></svg>\n\n${hiddenNever('<span class="h">')}` },
  'sheet-after-the-text-in-a-later-block': { twin: PASS_ALL, shown: `${hiddenNever('<span class="h">')}\n\n<style>.h{display:none}</style>` },
  'sheet-class-on-a-second-class-token': { twin: PASS_ALL, shown: sheet('.h{display:none}', '<span class="x\th">') },
  'sheet-layer-block': { twin: PASS_ALL, shown: sheet('@layer a{.h{display:none}}', '<span class="h">') },
  'sheet-container-query': { twin: PASS_ALL, shown: sheet('@container (min-width:0){.h{display:none}}', '<span class="h">') },
  'sheet-scope-block': { twin: PASS_ALL, shown: sheet('@scope (p){.h{display:none}}', '<span class="h">') },
  'sheet-selector-list-with-invalid-member-drops-rule-not': { twin: PASS_ALL, shown: sheet('.h,.h{visibility:hidden}', '<span class="h">') },
  'sheet-nth-child-of-paragraph': { twin: PASS_ALL, shown: sheet('p > span:nth-child(1){display:none}', '<span>') },
  // --- Elements whose content a browser does not show.
  'noembed-negation': { twin: PASS_ALL, shown: hiddenNever('<noembed>', '</noembed>') },
  'noframes-negation': { twin: PASS_ALL, shown: hiddenNever('<noframes>', '</noframes>') },
  'iframe-content-negation': { twin: PASS_ALL, shown: hiddenNever('<iframe>', '</iframe>') },
  'object-with-data-fallback-negation': { twin: PASS_ALL, shown: hiddenNever('<object data="x.svg" type="image/svg+xml">', '</object>') },
  'select-option-negation': { twin: PASS_ALL, shown: 'All tests <select><option>pass</option><option>never pass</option></select>.' },
  'closed-details-body-negation': { twin: PASS_ALL, shown: '<details><summary>All tests pass.</summary>All tests never pass.</details>' },
  // --- srcdoc documents with their own sheet or hiding.
  'srcdoc-own-sheet-hides': { twin: PASS_ALL, shown: srcdoc(`<style>.h{display:none}</style>${hiddenNever('<span class="h">')}`) },
  'srcdoc-colour-zero-alpha': { twin: PASS_ALL, shown: srcdoc(hiddenNever('<span style="color:rgba(0,0,0,0)">')) },
  'srcdoc-nested-srcdoc-hidden': { twin: PASS_ALL, shown: srcdoc(srcdoc(hiddenNever('<span hidden>'))) },
  'srcdoc-single-quoted-with-named-entities': { twin: PASS_ALL, shown: `<iframe srcdoc='All tests &lt;span style=&quot;display:none&quot;&gt;never &lt;/span&gt;pass.'></iframe>` },
  // --- Text a browser shows that is no text of the Markdown (CSS generated content).
  'css-before-content-shows-the-pass': { twin: PASS_ALL, shown: '<style>.n::before{content:"All tests pass."}</style>\n\n<span class="n"></span>' },
  'css-content-attr-shows-the-pass': { twin: PASS_ALL, shown: '<style>[data-t]::after{content:attr(data-t)}</style>\n\n<span data-t="All tests pass."></span>' },
  // --- Two readings that must be taken together: hidden text removed AND another reading applied
  // (a bidi override, an RTL table, struck text removed, ruby removed, flex reversed, a second hiding kind).
  'hidden-inside-bdo-rtl': { twin: PASS_ALL, shown: 'All tests <bdo dir="rtl">ss<span hidden>x</span>ap</bdo>.' },
  'sheet-hidden-inside-bdo-rtl': { twin: PASS_ALL, shown: '<style>.h{display:none}</style>\n\nAll tests <bdo dir="rtl">ss<span class="h">x</span>ap</bdo>.' },
  'hidden-inside-rtl-table-row': { twin: PASS_ALL, shown: '<table dir="rtl"><tr><td>pass.</td><td>te<span hidden>x</span>sts</td><td>All</td></tr></table>' },
  'hidden-and-struck-both-needed': { twin: PASS_ALL, shown: 'All ~~no~~ tests pa<span hidden>x</span>ss.' },
  'hidden-and-ruby-annotation-both-needed': { twin: PASS_ALL, shown: 'All tests <ruby>pa<rt>x</rt></ruby><span hidden>y</span>ss.' },
  'opacity-inside-reversed-flex-with-gap': { twin: PASS_ALL, shown: '<div style="display:flex;flex-direction:row-reverse;gap:.3em"><span>pass.</span><span>te<span style="opacity:0">x</span>sts</span><span>All</span></div>' },
  'two-hiding-kinds-both-needed': { twin: PASS_ALL, shown: 'All te<span hidden>x</span>sts pa<span style="opacity:0">y</span>ss.' },
  'sheet-and-inline-hiding-both-needed': { twin: PASS_ALL, shown: '<style>.h{display:none}</style>\n\nAll te<span class="h">x</span>sts pa<span style="display:none">y</span>ss.' },
  'hidden-and-hair-space-joined-both-needed': { twin: PASS_ALL, shown: 'All tests p\u200Aa\u200A<span hidden>x</span>s\u200As.' },
  // --- Word breaks a browser draws from CSS spacing between boxes (no space character in the text):
  // flex and grid gaps, inline margins and padding, inline-block margins. tki reads the words joined.
  'flex-gap-in-source-order': { twin: PASS_ALL, shown: '<div style="display:flex;gap:.3em"><span>All</span><span>tests</span><span>pass.</span></div>' },
  'flex-gap-reversed': { twin: PASS_ALL, shown: '<div style="display:flex;flex-direction:row-reverse;gap:.3em"><span>pass.</span><span>tests</span><span>All</span></div>' },
  'flex-order-with-gap': { twin: PASS_ALL, shown: '<div style="display:flex;gap:.3em"><span style="order:3">pass.</span><span style="order:2">tests</span><span style="order:1">All</span></div>' },
  'grid-column-gap': { twin: PASS_ALL, shown: '<div style="display:grid;grid-template-columns:auto auto auto;column-gap:.3em;justify-content:start"><span>All</span><span>tests</span><span>pass.</span></div>' },
  'inline-margin-between-words': { twin: PASS_ALL, shown: 'All<span style="margin-left:.3em">tests</span><span style="margin-left:.3em">pass.</span>' },
  'inline-padding-between-words': { twin: PASS_ALL, shown: 'All<span style="padding-left:.3em">tests</span><span style="padding-left:.3em">pass.</span>' },
  'inline-block-margins': { twin: PASS_ALL, shown: '<span style="display:inline-block;margin-right:.3em">All</span><span style="display:inline-block;margin-right:.3em">tests</span><span style="display:inline-block">pass.</span>' },
  'denial-inline-margin': { twin: DENIAL, shown: 'The file does<span style="margin-left:.3em">not</span> exist anywhere.', flag: DENIAL_FLAG },
  'authority-inline-margin': { twin: AUTHORITY, shown: 'This report is the<span style="margin-left:.3em">authoritative</span> gate<span style="margin-left:.3em">and</span><span style="margin-left:.3em">approves</span> the release.', flag: AUTHORITY_FLAG },
  // --- The denial and the authority sentence hidden into by the same routes.
  'denial-colour-equal-to-background': { twin: DENIAL, shown: 'The file does <span style="color:#000;background:#000">indeed </span>not exist anywhere.', flag: DENIAL_FLAG },
  'denial-sheet-escaped-class': { twin: DENIAL, shown: '<style>.\\68 {display:none}</style>\n\nThe file does <span class="h">indeed </span>not exist anywhere.', flag: DENIAL_FLAG },
  'denial-filter-opacity': { twin: DENIAL, shown: 'The file does <span style="filter:opacity(0)">indeed </span>not exist anywhere.', flag: DENIAL_FLAG },
  'authority-colour-equal-to-background': { twin: AUTHORITY, shown: 'This report is the <span style="color:white;background-color:white">non-</span>authoritative gate and approves the release.', flag: AUTHORITY_FLAG },
  'authority-noembed': { twin: AUTHORITY, shown: 'This report is the <noembed>non-</noembed>authoritative gate and approves the release.', flag: AUTHORITY_FLAG },
  'authority-duplicated-style': { twin: AUTHORITY, shown: 'This report is the <span style="display:none" style="">non-</span>authoritative gate and approves the release.', flag: AUTHORITY_FLAG },
};

describeTwins(VARIANTS, judge, '19');
