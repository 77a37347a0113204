import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { describeTwins, type TwinVariant } from '../look-alike-twins.js';
import { roundRoot } from '../round9/gen9.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, text a browser hides (choices 22, 65, 70), read both ways: a hidden `never` inside an
 * unbacked pass must not make it read as a negation (the variant must get the ASCII twin's flag and exit
 * code). Hiding routes no round used: the `popover` attribute and a closed `<dialog>` (hidden by the
 * user-agent sheet), `hidden="until-found"`, `content-visibility: hidden`, `clip-path`, `clip` with
 * absolute position, `transform: scale(0)`, zero width or height with overflow hidden, `text-indent`
 * and off-screen positions, `visibility: collapse`, `line-height: 0` with overflow hidden, SVG's
 * `display`/`visibility` presentation attributes, `<template>`, `<input type=hidden>`, `<datalist>`,
 * `<script type=text/plain>`, and `<style>` selectors no round used (attribute values, sibling
 * combinators, `:nth-child`, `:first-child`, `:has()`), content a browser never renders (MathML's
 * `<mphantom>` and annotations, SVG's `<desc>`, `<title>`, `<metadata>`, `<defs>`, `<symbol>`,
 * `<clipPath>`, media and canvas fallbacks, `<title>` in the body, `<rp>`). Off GitHub
 * unless said: GitHub strips `style`, most of these tags and attributes. Keys are `look:`.
 */
const { judge, checkAllListedRan } = createJudge20('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const ALL = 'All tests pass.';
const DENIAL = 'The file does not exist anywhere.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const hide = (open: string, close: string): TwinVariant => ({ twin: ALL, shown: `All tests ${open}never ${close}pass.` });
const styled = (css: string): TwinVariant => hide(`<span style="${css}">`, '</span>');
const sheet = (rules: string, open: string, close = '</span>'): TwinVariant => ({ twin: ALL, shown: `<style>${rules}</style>\n\nAll tests ${open}never ${close}pass.` });

const VARIANTS: Record<string, TwinVariant> = {
  // --- Elements and attributes the user-agent sheet hides.
  'popover-attribute': hide('<span popover>', '</span>'),
  'popover-manual': hide('<div popover="manual">', '</div>'),
  'dialog-closed': hide('<dialog>', '</dialog>'),
  'hidden-until-found': hide('<span hidden="until-found">', '</span>'),
  'hidden-upper-case-attribute': hide('<span HIDDEN>', '</span>'),
  'template-element': hide('<template>', '</template>'),
  'input-hidden-value': { twin: ALL, shown: 'All tests <input type="hidden" value="never">pass.' },
  'datalist-options': hide('<datalist><option>', '</option></datalist>'),
  'script-type-text-plain': hide('<script type="text/plain">', '</script>'),
  'svg-display-none-attribute': hide('<svg><text display="none">', '</text></svg>'),
  'svg-visibility-hidden-attribute': hide('<svg><text visibility="hidden">', '</text></svg>'),
  'svg-opacity-attribute': hide('<svg><text opacity="0">', '</text></svg>'),
  'svg-fill-opacity-zero': hide('<svg><text fill-opacity="0">', '</text></svg>'),
  // --- Content a browser never renders: MathML's phantom and annotations, SVG's non-rendered
  // elements, media and canvas fallbacks, a <title> in the body, <rp> in a ruby.
  'math-mphantom': hide('<math><mphantom><mi>', '</mi></mphantom></math>'),
  'math-annotation': hide('<math><semantics><mi>x</mi><annotation>', '</annotation></semantics></math>'),
  'math-annotation-xml': hide('<math><semantics><mi>x</mi><annotation-xml encoding="text/html">', '</annotation-xml></semantics></math>'),
  'svg-desc': hide('<svg><desc>', '</desc></svg>'),
  'svg-title': hide('<svg><title>', '</title></svg>'),
  'svg-metadata': hide('<svg><metadata>', '</metadata></svg>'),
  'svg-defs-text': hide('<svg><defs><text>', '</text></defs></svg>'),
  'svg-symbol-text': hide('<svg><symbol><text>', '</text></symbol></svg>'),
  'svg-clip-path-element-text': hide('<svg><clipPath><text>', '</text></clipPath></svg>'),
  'svg-tspan-display-none': hide('<svg><text><tspan display="none">', '</tspan></text></svg>'),
  'canvas-fallback': hide('<canvas>', '</canvas>'),
  'video-fallback': hide('<video>', '</video>'),
  'audio-fallback': hide('<audio>', '</audio>'),
  'title-element-in-body': hide('<title>', '</title>'),
  'ruby-rp': hide('<ruby><rp>', '</rp><rt></rt></ruby>'),
  // --- CSS that names its hiding property in ways no round used.
  'content-visibility-hidden': styled('content-visibility:hidden'),
  'clip-path-inset-half': styled('display:inline-block;clip-path:inset(50%)'),
  'clip-path-circle-zero': styled('display:inline-block;clip-path:circle(0)'),
  'clip-rect-absolute': styled('position:absolute;clip:rect(0 0 0 0)'),
  'transform-scale-zero': styled('display:inline-block;transform:scale(0)'),
  'transform-scale-zero-x': styled('display:inline-block;transform:scaleX(0)'),
  'scale-property-zero': styled('display:inline-block;scale:0'),
  'width-zero-overflow-hidden': styled('display:inline-block;width:0;overflow:hidden'),
  'height-zero-overflow-hidden': styled('display:inline-block;height:0;overflow:hidden'),
  'max-width-zero-overflow-clip': styled('display:inline-block;max-width:0;overflow:clip'),
  'text-indent-off-screen': styled('display:inline-block;width:1px;text-indent:-9999px;overflow:hidden'),
  'position-absolute-off-screen': styled('position:absolute;left:-9999px'),
  'position-fixed-off-screen-top': styled('position:fixed;top:-10000px'),
  'visibility-collapse': styled('visibility:collapse'),
  'line-height-zero-overflow-hidden': styled('display:inline-block;line-height:0;height:0;overflow:hidden'),
  'font-size-zero-percent': styled('font-size:0%'),
  'font-size-zero-em': styled('font-size:0em'),
  'opacity-zero-percent': styled('opacity:0%'),
  'color-transparent-keyword-upper-case': styled('COLOR:TRANSPARENT'),
  'display-none-important-after-block': styled('display:none!important;display:inline'),
  // --- <style> selectors no round used.
  'sheet-attribute-value-selector': sheet('span[data-x="h"]{display:none}', '<span data-x="h">'),
  'sheet-attribute-prefix-selector': sheet('[data-x^="hi"]{display:none}', '<span data-x="hide">'),
  'sheet-adjacent-sibling': sheet('b+span{display:none}', '<b></b><span>'),
  'sheet-general-sibling': sheet('i~span{display:none}', '<i></i><span>'),
  'sheet-child-combinator': sheet('p>span{display:none}', '<span>'),
  'sheet-nth-child': sheet('span:nth-child(1){display:none}', '<span>'),
  'sheet-first-child': sheet('span:first-child{display:none}', '<span>'),
  'sheet-has-selector': sheet('p:has(b) span{display:none}', '<b></b><span>'),
  'sheet-universal-selector': sheet('span *{display:none}', '<span><i>', '</i></span>'),
  'sheet-class-with-upper-case-property': sheet('.h{DISPLAY:NONE}', '<span class="h">'),
  'sheet-multiple-classes': sheet('.a.b{display:none}', '<span class="a b">'),
  'sheet-selector-list': sheet('.x,.h{display:none}', '<span class="h">'),
  // --- The other way: markup that looks hiding but leaves the pass visible (a reader sees "All tests pass.").
  'visible-hidden-attribute-overridden-by-style': { twin: ALL, shown: 'All tests <span hidden style="display:inline">pass</span>.' },
  'visible-later-sheet-rule-wins': { twin: ALL, shown: '<style>.h{display:none}.h{display:inline}</style>\n\nAll tests <span class="h">pass</span>.' },
  'visible-later-declaration-wins': { twin: ALL, shown: 'All tests <span style="opacity:0;opacity:1">pass</span>.' },
  'visible-child-of-visibility-hidden': { twin: ALL, shown: '<span style="visibility:hidden">x <span style="visibility:visible">All tests pass.</span></span>' },
  'visible-child-font-size-restored': { twin: ALL, shown: '<span style="font-size:0">x <span style="font-size:16px">All tests pass.</span></span>' },
  'visible-later-colour-wins': { twin: ALL, shown: 'All tests <span style="color:transparent;color:red">pass</span>.' },
  'visible-details-open': { twin: ALL, shown: '<details open><summary>s</summary>\n\nAll tests pass.\n\n</details>' },
  'visible-dialog-open': { twin: ALL, shown: '<dialog open>All tests pass.</dialog>' },
  'visible-important-beats-later-hiding': { twin: ALL, shown: '<style>.h{display:inline!important}</style>\n\nAll tests <span class="h" style="display:none">pass</span>.' },
  'visible-sheet-specificity-id-beats-class': { twin: ALL, shown: '<style>#v{display:inline}.h{display:none}</style>\n\nAll tests <span id="v" class="h">pass</span>.' },
  // --- The denial with hidden words (read both ways).
  'denial-popover-word': { twin: DENIAL, shown: 'The file does not <span popover>indeed </span>exist anywhere.', flag: DENIAL_FLAG },
  'denial-clip-path-word': { twin: DENIAL, shown: 'The file does not <span style="display:inline-block;clip-path:inset(50%)">indeed </span>exist anywhere.', flag: DENIAL_FLAG },
  'denial-dialog-word': { twin: DENIAL, shown: 'The file does not <dialog>indeed </dialog>exist anywhere.', flag: DENIAL_FLAG },
};

describeTwins(VARIANTS, judge, '20h');
