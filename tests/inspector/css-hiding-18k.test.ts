import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { styleHides } from '../../src/text/css-hiding.js';
import { browserMarkupAt } from '../../src/text/html-tokenizer.js';
import { hidingSheetOf, sheetMatches } from '../../src/text/style-sheet.js';
import { dossier, flagsOf9, inspect9, roundRoot, twinOf } from './red-team/round9/gen9.js';

/**
 * Session 18 (choices 22, amended): hiding that needs several CSS declarations, or a rule of a
 * `<style>` element, reads the element's content both ways, as one declaration did (round 17). Each
 * variant must get the flag and exit code of its ASCII twin.
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const tagOf = (html: string) => {
  const tag = browserMarkupAt(html, 0, () => -1).tag;
  if (tag === undefined) throw new Error(`no tag in ${html}`);
  return tag;
};

describe('a declaration list that may hide the text', () => {
  const HIDES = [
    'position:absolute;left:-9999px',
    'POSITION: fixed',
    'position: relative; left: -100em',
    'clip-path: inset(50%)',
    'clip: rect(0 0 0 0); position: absolute',
    'height:0;overflow:hidden',
    'display:inline-block; width: 1px; overflow-x: clip',
    'transform: scale(0)',
    'transform:translateX(-9999px)',
    'scale: 0',
    'text-indent:-9999px',
    'margin-left: -10000px',
    'color: rgba(0, 0, 0, 0)',
    'color: #fff0',
    'display: var(--hide)',
    'font-size: calc(0px)',
    // The one-declaration cases of round 17 still hide.
    'display:none',
    'visibility:hidden',
    'font-size:0',
  ];
  const SHOWS = ['', 'color: red', 'width: calc(100% - 2em)', 'left: var(--x)', 'position: relative', 'position: static; left: -9999px', 'height: 0', 'overflow: hidden', 'transform: none', 'clip-path: none', 'clip: auto', 'text-indent: 2em', 'margin: 0 1em', 'scale: 1', 'direction: rtl', 'color: rgba(0, 0, 0, 0.5)'];
  it.each(HIDES)('%s may hide', (style) => expect(styleHides(style)).toBe(true));
  it.each(SHOWS)('%s shows', (style) => expect(styleHides(style)).toBe(false));
});

describe('a <style> rule that may match an element', () => {
  const sheet = (css: string) => hidingSheetOf(`<style>${css}</style>`);
  const matches = (css: string, html: string): boolean => {
    const found = sheet(css);
    return found !== undefined && sheetMatches(found, tagOf(html));
  };

  it('matches by type, class, id and attribute, in any case the HTML allows', () => {
    expect(matches('SPAN { display: none }', '<span>')).toBe(true);
    expect(matches('.h{display:none}', '<span class="x  h">')).toBe(true);
    expect(matches('#n{font-size:0}', '<b id="n">')).toBe(true);
    expect(matches('[data-x]{opacity:0}', '<i data-x>')).toBe(true);
    expect(matches('[data-x="yes"]{opacity:0}', '<i data-x="yes">')).toBe(true);
    expect(matches('[data-x^=YE i]{opacity:0}', '<i data-x="yes">')).toBe(true);
    expect(matches('[lang|=en]{opacity:0}', '<i lang="en-GB">')).toBe(true);
    expect(matches('span.h#n[title~=b]{display:none}', '<span class="h" id="n" title="a b">')).toBe(true);
  });

  it('does not match what the subject excludes', () => {
    expect(matches('.h{display:none}', '<span class="hh">')).toBe(false);
    expect(matches('b.h{display:none}', '<i class="h">')).toBe(false);
    expect(matches('#n{display:none}', '<i id="N">')).toBe(false);
    expect(matches('[data-x="yes"]{opacity:0}', '<i data-x="no">')).toBe(false);
    expect(matches('.h{color:red}', '<span class="h">')).toBe(false);
  });

  it('fails closed: combinators, pseudo-classes and unreadable compounds', () => {
    expect(matches('div > p .h{display:none}', '<span class="h">')).toBe(true);
    expect(matches('.h:not(.shown){display:none}', '<span class="h">')).toBe(true);
    expect(matches(':nth-child(2){display:none}', '<em>')).toBe(true);
    expect(matches('*{display:none}', '<em>')).toBe(true);
    expect(matches('svg|a{display:none}', '<em>')).toBe(true);
    expect(matches('.a:is(.b:has(:not(.c))){display:none}', '<em>')).toBe(true);
  });

  it('reads rules inside at-rules, and several <style> elements, comments removed', () => {
    expect(matches('@media screen { @supports (x: y) { .h { position: absolute } } }', '<span class="h">')).toBe(true);
    expect(matches('/* .h{display:none} */ .h{color:red}', '<span class="h">')).toBe(false);
    const two = hidingSheetOf('<STYLE>.a{color:red}</STYLE> text <style media="print">.b{visibility:hidden}</style>');
    expect(two !== undefined && sheetMatches(two, tagOf('<span class="b">'))).toBe(true);
    expect(hidingSheetOf('no style here')).toBeUndefined();
  });

  it('fails closed for sheets it cannot read: linked, imported, nested rules', () => {
    expect(hidingSheetOf('<link rel="stylesheet" href="x.css">')?.anyElement).toBe(true);
    expect(hidingSheetOf('<style>@import "x.css";</style>')?.anyElement).toBe(true);
    expect(hidingSheetOf('<style>.a { color: red; .b { display: none } }</style>')?.anyElement).toBe(true);
    expect(matches('.a { display: none; .b { color: red } }', '<i class="a">')).toBe(true);
    expect(hidingSheetOf('<link rel="icon" href="x.png">')).toBeUndefined();
  });

  it('a tag with more classes than it looks up is matched by any class rule', () => {
    const many = Array.from({ length: 100 }, (_, index) => `c${index}`).join(' ');
    expect(matches('.zz{display:none}', `<i class="${many}">`)).toBe(true);
    expect(matches('.zz{display:none}', '<i class="c1 c2">')).toBe(false);
  });

  it('bounds the rules kept per key: past the bound the key alone decides', () => {
    const css = Array.from({ length: 10_000 }, (_, index) => `.a.b${index}{display:none}`).join('\n');
    const found = hidingSheetOf(`<style>${css}</style>`);
    expect(found?.byClass.get('a')).toHaveLength(1);
    expect(found !== undefined && sheetMatches(found, tagOf('<span class="a">'))).toBe(true);
    const under = hidingSheetOf(`<style>${Array.from({ length: 10 }, (_, index) => `.a.b${index}{display:none}`).join('')}</style>`);
    expect(under !== undefined && sheetMatches(under, tagOf('<span class="a">'))).toBe(false);
  });
});

const PASS = 'All tests pass.';
const DENIAL = 'The file does not exist anywhere.';
const PASS_FLAG = 'FLAG_PROSE_ONLY_PASS';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const inPass = (style: string): string => `All tests <span style="${style}">never </span>pass.`;
const styled = (css: string, body: string): string => `<style>${css}</style>\n\n${body}`;

const VARIANTS: Record<string, { twin: string; shown: string; flag: string }> = {
  'off-screen-position': { twin: PASS, flag: PASS_FLAG, shown: inPass('position:absolute;left:-9999px') },
  'clip-path-and-zero-size': { twin: PASS, flag: PASS_FLAG, shown: inPass('clip-path:inset(50%);width:0') },
  'clip-rect': { twin: PASS, flag: PASS_FLAG, shown: inPass('position:absolute;clip:rect(0,0,0,0)') },
  'zero-height-overflow-hidden': { twin: PASS, flag: PASS_FLAG, shown: inPass('display:inline-block;height:0;overflow:hidden') },
  'scale-zero': { twin: PASS, flag: PASS_FLAG, shown: inPass('display:inline-block;transform:scale(0)') },
  'text-indent-off-screen': { twin: PASS, flag: PASS_FLAG, shown: inPass('display:inline-block;text-indent:-9999px') },
  'class-hidden-by-style-rule': { twin: PASS, flag: PASS_FLAG, shown: styled('.h{display:none}', 'All tests <span class="h">never </span>pass.') },
  'style-rule-after-the-text': { twin: PASS, flag: PASS_FLAG, shown: `All tests <span class="x h">never </span>pass.\n\n<style>\n@media screen { .h { position: absolute; left: -10000px } }\n</style>` },
  'id-hidden-by-style-rule': { twin: PASS, flag: PASS_FLAG, shown: styled('#n{font-size:0}', 'All tests <span id="n">never </span>pass.') },
  'attribute-hidden-by-style-rule': { twin: PASS, flag: PASS_FLAG, shown: styled('[data-x^=ye i]{opacity:0}', 'All tests <span data-x="YES">never </span>pass.') },
  'type-with-combinator': { twin: PASS, flag: PASS_FLAG, shown: styled('div span{visibility:hidden}', 'All tests <span>never </span>pass.') },
  'pseudo-class-selector': { twin: PASS, flag: PASS_FLAG, shown: styled('q:nth-of-type(1){display:none}', 'All tests <q>never </q>pass.') },
  'denial-by-class': { twin: DENIAL, flag: DENIAL_FLAG, shown: styled('.h{height:0;overflow:hidden;display:inline-block}', 'The file does <span class="h">indeed </span>not exist anywhere.') },
  'denial-by-off-screen-position': { twin: DENIAL, flag: DENIAL_FLAG, shown: 'The file does <span style="position:fixed;top:-50em">indeed </span>not exist anywhere.' },
  'srcdoc-with-its-own-style': { twin: PASS, flag: PASS_FLAG, shown: `<iframe srcdoc="&lt;style&gt;.h{display:none}&lt;/style&gt;All tests &lt;span class=h&gt;never &lt;/span&gt;pass."></iframe>` },
};

describe('content hidden by several declarations or a <style> rule gets its twin\'s flag', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      const twin = await twinOf(variant.twin);
      expect(flagsOf9(twin)).toContain(variant.flag);
      const result = await inspect9({ dossierText: dossier(variant.shown) }, `css18-${name}`);
      expect(flagsOf9(result)).toContain(variant.flag);
      expect(result.exitCode).toBe(twin.exitCode);
    });
  }

  it('a style rule that hides nothing, or matches nothing, gives no other reading', async () => {
    for (const shown of [styled('.h{color:red}', 'All tests <span class="h">never </span>pass.'), styled('.g{display:none}', 'All tests <span class="h">never </span>pass.')]) {
      const result = await inspect9({ dossierText: dossier(shown) }, 'css18-control');
      expect(flagsOf9(result)).not.toContain(PASS_FLAG);
    }
  });
});
