import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { colourOf, unreadableOn } from '../../src/text/css-colour.js';
import { styleHides } from '../../src/text/css-hiding.js';
import { hidesContent } from '../../src/text/hidden-content.js';
import { browserMarkupAt } from '../../src/text/html-tokenizer.js';
import { renderedForms } from '../../src/text/rendered.js';
import { hidingSheetOf, sheetMatches } from '../../src/text/style-sheet.js';
import { dossier, flagsOf9, inspect9, roundRoot, twinOf } from './red-team/round9/gen9.js';

/**
 * Session 20 (choices 92, round 19's classes): text a browser draws unreadable from CSS (a colour equal
 * to what is behind it, near-zero sizes and alphas, filters, masks), word breaks CSS draws between
 * boxes, CSS escapes in selectors, `<object data>` fallbacks and closed `<select>`s. Each class has
 * variants of its own beyond the round's rows, and look-alikes that must stay as they are.
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const tagOf = (html: string) => {
  const tag = browserMarkupAt(html, 0, () => -1).tag;
  if (tag === undefined) throw new Error(`no tag in ${html}`);
  return tag;
};

describe('the colour model', () => {
  it('computes named, hex, rgb, hsl and hwb colours alike', () => {
    const green = { r: 0, g: 128, b: 0, a: 1 };
    for (const spelling of ['green', '#008000', '#008000ff', 'rgb(0 128 0)', 'rgba(0,128,0,1)', 'rgb(0% 50.2% 0%)', 'hsl(120 100% 25.1%)', 'hsla(120deg,100%,25.1%,100%)', 'hwb(120 0% 49.8%)']) {
      const colour = colourOf(spelling);
      expect(typeof colour === 'string' ? colour : [Math.round(colour.r), Math.round(colour.g), Math.round(colour.b), colour.a], spelling).toEqual([green.r, green.g, green.b, green.a]);
    }
  });
  it('fails closed on what it cannot compute; a zero alpha is computed whatever the rest', () => {
    for (const unknown of ['color-mix(in srgb, red 50%, blue)', 'var(--x)', 'light-dark(#000, #fff)', 'canvas', 'buttontext', 'rgb(from red r g b)']) expect(colourOf(unknown), unknown).toBe('unknown');
    expect(colourOf('oklch(50% 0.1 120 / 0)')).toMatchObject({ a: 0 });
    expect(unreadableOn(colourOf('#fefefe'), colourOf('white'))).toBe(true);
    expect(unreadableOn(colourOf('#ccc'), colourOf('white'))).toBe(false);
    expect(unreadableOn(colourOf('rgb(0 0 0 / 5%)'), colourOf('white'))).toBe(true);
  });
});

describe('a declaration list that leaves the text unreadable (choices 92)', () => {
  const HIDES = [
    'color: hsl(120 100% 25.1%); background: green',
    'color:#FEFEFE',
    'color: navy; background-color: #000080',
    'color: red; background-color: currentColor',
    'color: red; -webkit-text-fill-color: rgb(0 0 0 / 0)',
    'color: color-mix(in srgb, red 50%, blue)',
    'color: ButtonText',
    'background: #000 no-repeat',
    'font: italic bold 0.1px/2 serif',
    'font: 0 a',
    'font-size: 0.1em',
    'font-size: 0.5vw',
    'opacity: 5%',
    'zoom: 10%',
    'letter-spacing: -1em',
    'filter: contrast(0)',
    'filter: blur(10px)',
    'filter: url(#x)',
    'filter: invert(1)',
    '-webkit-mask: url(m.svg)',
    'mask: linear-gradient(#0000, #0000)',
  ];
  const SHOWS = [
    'color: red',
    'color:#fff;background:#000',
    'color: white; background-color: navy',
    'color: #333; background: #fff no-repeat',
    'font: 12px/1.5 serif',
    'font: bold 1em a',
    'font-size: 0.8em',
    'opacity: 0.5',
    'zoom: 1.5',
    'letter-spacing: -0.5px',
    'filter: blur(0) opacity(50%)',
    'filter: drop-shadow(0 0 2px rgba(0,0,0,.5)) grayscale(1)',
    'mask-image: none',
    '-webkit-text-fill-color: currentcolor',
    'background-color: transparent',
  ];
  it.each(HIDES)('%s may hide', (style) => expect(styleHides(style)).toBe(true));
  it.each(SHOWS)('%s shows', (style) => expect(styleHides(style)).toBe(false));

  it('compares the text with the nearest painted background around it', () => {
    const around = (...html: string[]) => ({ enclosing: () => html.map(tagOf).reverse(), recoloured: () => false });
    expect(hidesContent(tagOf('<b style="color:#000">'), undefined, around('<table bgcolor="black">'))).toBe(true);
    expect(hidesContent(tagOf('<font color="#ff0">'), undefined, around('<mark>'))).toBe(true);
    expect(hidesContent(tagOf('<i style="background:#fff">'), undefined, around('<div style="color:white">', '<span>'))).toBe(true);
    // A background in the colour of the text it inherits, whose content colours its text otherwise, hides nothing itself.
    expect(hidesContent(tagOf('<td bgcolor="black">'), undefined, { enclosing: () => [], recoloured: () => true })).toBe(false);
    expect(hidesContent(tagOf('<td bgcolor="black">'))).toBe(true);
    // Look-alikes: white on black, yellow on a painted background that is not yellow, a transparent layer.
    expect(hidesContent(tagOf('<font color="white">'), undefined, around('<div style="background:#000">'))).toBe(false);
    expect(hidesContent(tagOf('<font color="yellow">'), undefined, around('<mark style="background:navy">'))).toBe(false);
    expect(hidesContent(tagOf('<b style="color:#fff">'), undefined, around('<div style="background:#000">', '<span style="background:transparent">'))).toBe(false);
  });
});

const collapsed = (text: string): string => text.replace(/\s+/g, ' ').trim();
const readings = (html: string): string[] => renderedForms(html).map(collapsed);

describe('word breaks CSS draws between boxes: one reading spaced, one joined', () => {
  const SPACED = [
    '<div style="display:inline-flex;column-gap:1rem"><b>All</b><b>tests</b><b>pass.</b></div>',
    '<div style="display:grid;grid-auto-flow:column;justify-content:space-between"><i>All</i><i>tests</i><i>pass.</i></div>',
    'All<span style="border-left:4px solid transparent">tests</span><span style="margin:0 0 0 3px">pass.</span>',
    'All<span style="padding-inline-start:0.5em">tests</span><span style="margin-inline:var(--gap)">pass.</span>',
  ];
  it.each(SPACED)('%s reads "All tests pass." in one reading', (html) => expect(readings(html)).toContain('All tests pass.'));

  const JOINED = [
    '<div style="display:flex"><b>All</b><b>tests</b><b>pass.</b></div>',
    'All<span style="margin-left:1px">tests</span><span style="padding-left:0">pass.</span>',
    'All<span style="margin-top:1em">tests</span><span style="border-left:4px none">pass.</span>',
  ];
  it.each(JOINED)('%s is read joined only', (html) => expect(readings(html)).toEqual([collapsed(renderedForms(html)[0] ?? '')]));
});

describe('selectors with CSS escapes, objects and selects', () => {
  const matches = (css: string, html: string): boolean => {
    const found = hidingSheetOf(`<style>${css}</style>`);
    return found !== undefined && sheetMatches(found, tagOf(html));
  };
  it('a hex escape ends at its one white space, in ids and classes', () => {
    expect(matches('#\\31 0{display:none}', '<b id="10">')).toBe(true);
    expect(matches('.\\31 a.b{display:none}', '<b class="1a b">')).toBe(true);
    expect(matches('#\\000031 23{display:none}', '<b id="123">')).toBe(true);
    // Look-alikes: the escape's space is no combinator, and two spaces are one.
    expect(matches('#\\31 23{display:none}', '<b id="1">')).toBe(false);
    expect(matches('#\\31  23{display:none}', '<b id="1">')).toBe(false);
  });

  it('a closed select shows one option; a list box and an object without data show their text', () => {
    expect(readings('All tests <select><option>never pass</option><option selected>pass</option></select>.')).toContain('All tests pass.');
    expect(readings('All tests <select><optgroup label=x><option>pass<option>never pass</optgroup></select>.')).toContain('All tests pass.');
    expect(readings('All tests <object data="a.png">never </object>pass.')).toContain('All tests pass.');
    for (const shown of ['All tests <select multiple><option>pass</option><option>never pass</option></select>.', 'All tests <object type="image/png">never </object>pass.']) {
      expect(readings(shown)).not.toContain('All tests pass.');
    }
  });
});

const PASS = 'All tests pass.';
const FLAG = 'FLAG_PROSE_ONLY_PASS';
const VARIANTS: Record<string, string> = {
  'colour-equal-to-enclosing-cell-background': '<table><tr><td bgcolor="#000"><font color="#fff">All tests <font color="black">never </font>pass.</font></td></tr></table>',
  'faint-text-colour': 'All tests <span style="color:rgba(0,0,0,.03)">never </span>pass.',
  'font-shorthand-with-style-and-weight': 'All tests <span style="font:italic 700 .5px/1 serif">never </span>pass.',
  'flex-gap-with-inline-flex': '<div style="display:inline-flex;gap:4px"><span>All</span><span>tests</span><span>pass.</span></div>',
  'closed-select-with-selected-option': 'All tests <select><option>never pass</option><option selected>pass</option></select>.',
};

describe('round 19 classes end to end: the variant gets its twin\'s flag', () => {
  for (const [name, shown] of Object.entries(VARIANTS)) {
    it(name, async () => {
      const twin = await twinOf(PASS);
      const result = await inspect9({ dossierText: dossier(shown) }, `css20c-${name}`);
      expect(flagsOf9(result)).toContain(FLAG);
      expect(result.exitCode).toBe(twin.exitCode);
    });
  }

  it('look-alikes a browser shows as written get no flag', async () => {
    for (const shown of ['All tests <span style="color:#fff;background:#333">never </span>pass.', '<div style="display:flex;gap:0"><span>All</span><span>tests</span><span>pass.</span></div>', 'All tests <span style="font:1em serif;opacity:.5">never </span>pass.']) {
      const result = await inspect9({ dossierText: dossier(shown) }, 'css20c-control');
      expect(flagsOf9(result), shown).not.toContain(FLAG);
    }
  });
});
