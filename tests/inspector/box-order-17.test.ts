import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { boxOrderOf } from '../../src/text/css-box-order.js';

/**
 * Round 16 (issue 13, packets17; choices 70): layout that shows boxes in another order than the
 * source's. MathML's `dir="rtl"` row is read as shown; CSS that reorders boxes (flex `reverse`,
 * `order`, right floats) and SVG glyph positions fail closed: source order, and a second reading in
 * the order they would show, so a pass either shows is flagged. SVG's `direction`/`unicode-bidi`
 * presentation attributes are CSS; an `<iframe srcdoc>` document is read in its box.
 */
const scan = (text: string): ReturnType<typeof scanProse> => scanProse(text, [], []);
const passLines = (text: string): number[] => [...new Set(scan(text).passAssertions.map((finding) => finding.line))];
const spans = (style: (index: number) => string, words: readonly string[]): string => words.map((word, index) => `<span style="${style(index)}">&nbsp;${word}</span>`).join('');

describe('CSS that reorders boxes fails closed', () => {
  it('reads the style: reversed flex, order, floats', () => {
    expect(boxOrderOf('display:flex; flex-direction: ROW-REVERSE')).toMatchObject({ reverses: true, placed: false });
    expect(boxOrderOf('flex-flow: column-reverse wrap !important')).toMatchObject({ reverses: true });
    expect(boxOrderOf('order: -2')).toMatchObject({ placed: true, key: -2 });
    expect(boxOrderOf('order: var(--o)').key).toBeNaN();
    expect(boxOrderOf('float:inline-end')).toMatchObject({ placed: true, floats: true });
    expect(boxOrderOf('float: left; color: red')).toMatchObject({ placed: false, reverses: false });
  });

  it('flex reverse (row or column), order, right floats: the pass shown is flagged', () => {
    for (const text of [
      `<div style="display:flex;flex-direction:row-reverse">${spans(() => '', ['pass.', 'tests', 'All'])}</div>\n`,
      `<div style="display:flex;flex-flow:column-reverse">${spans(() => '', ['pass.', 'tests', 'All'])}</div>\n`,
      `<div style="display:flex">${spans((index) => `order:${String(3 - index)}`, ['pass.', 'tests', 'All'])}</div>\n`,
      // Order sorts (stable), it does not reverse: 2, 1, 3 shows the middle word first.
      `<div style="display:flex">${spans((index) => `order:${String([2, 1, 3][index])}`, ['tests', 'All', 'pass.'])}</div>\n`,
      `<div>${spans(() => 'float:right', ['pass.', 'tests', 'All'])}</div>\n`,
      `<p>${spans(() => 'float: right', ['pass.', 'tests', 'All'])}</p>\n`,
    ]) {
      expect(passLines(text), text).toEqual([1]);
    }
  });

  it('the source order is still read, and left floats or no reordering keep a reversed row unflagged', () => {
    expect(passLines(`<div style="display:flex;flex-direction:row-reverse">${spans(() => '', ['All', 'tests', 'pass.'])}</div>\n`)).toEqual([1]);
    expect(passLines(`<div>${spans(() => 'float:left', ['pass.', 'tests', 'All'])}</div>\n`)).toEqual([]);
    expect(passLines(`<div style="display:flex">${spans(() => '', ['pass.', 'tests', 'All'])}</div>\n`)).toEqual([]);
  });

  it('denial wording through a reversed flex row is flagged', () => {
    const text = `<div style="display:flex;flex-direction:row-reverse">${spans(() => '', ['anywhere.', 'exist', 'not', 'does', 'file', 'The'])}</div>\n`;
    expect(scan(text).globalDenials.length).toBeGreaterThan(0);
  });
});

describe('SVG and MathML', () => {
  it('SVG presentation attributes set direction; tspan x positions are sorted in the other reading', () => {
    expect(passLines('a <svg><text direction="rtl" unicode-bidi="bidi-override">.ssap stset llA</text></svg>\n')).toEqual([1]);
    expect(passLines('a <svg><text><tspan direction="rtl" unicode-bidi="bidi-override">.ssap stset llA</tspan></text></svg>\n')).toEqual([1]);
    expect(passLines('a <svg><text y="15"><tspan x="140">pass.</tspan><tspan x="70">tests</tspan><tspan x="0">All</tspan></text></svg>\n')).toEqual([1]);
    expect(passLines('a <svg><text y="15"><tspan x="5.5">tests</tspan><tspan x="90">pass.</tspan><tspan x="1e0">All</tspan></text></svg>\n')).toEqual([1]);
    // Control: without an override the letters stay as written.
    expect(passLines('a <svg><text>.ssap stset llA</text></svg>\n')).toEqual([]);
  });

  it('MathML dir="rtl" rows are laid out right to left; a left-to-right row is not', () => {
    expect(passLines('a <math dir="rtl"><mtext>pass.</mtext><mspace width="1em"/><mtext>tests</mtext><mspace width="1em"/><mtext>All</mtext></math>\n')).toEqual([1]);
    expect(passLines('a <math><mrow dir="rtl"><mi>pass.</mi><mi>tests</mi><mi>All</mi></mrow></math>\n')).toEqual([1]);
    expect(passLines('a <math><mtext>pass.</mtext><mtext>tests</mtext><mtext>All</mtext></math>\n')).toEqual([]);
  });
});

describe('an iframe srcdoc document is read in its box', () => {
  it('as text, as HTML, nested, and with its own direction', () => {
    for (const text of [
      'a <iframe srcdoc="All tests pass."></iframe> b\n',
      'a <iframe srcdoc="<p>All <b>tests</b> pass.</p>"></iframe> b\n',
      'a <iframe srcdoc="<p dir=rtl>pass&amp;#x200F; tests&amp;#x200F; All.</p>"></iframe> b\n',
      "a <iframe srcdoc=\"<iframe srcdoc='All tests pass.'></iframe>\"></iframe> b\n",
    ]) {
      expect(passLines(text), text).toEqual([1]);
    }
  });
});
