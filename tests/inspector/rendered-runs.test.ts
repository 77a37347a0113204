import { describe, expect, it } from 'vitest';
import { renderedText } from '../../src/text/rendered.js';

/**
 * The rendered view maps other scripts' digits and blanks code point by code point (issue 13,
 * "digit-run prose"): runs of mapped code points of their own length are one piece, and every
 * output offset still points at the code point it came from.
 */
describe('rendered view of mapped code points', () => {
  it('Arabic-Indic digits read as ASCII digits, with offsets 1:1', () => {
    const source = 'exit \u0660 and \u0661\u0662\u0663 ok';
    const view = renderedText(source);
    expect(view.text).toBe('exit 0 and 123 ok');
    for (let index = 0; index < view.text.length; index += 1) expect(view.sourceOffset(index)).toBe(index);
  });

  it('an astral digit (two code units, one output character) shifts the offsets after it', () => {
    const source = 'a\u{1D7CF}b\u0661c';
    const view = renderedText(source);
    expect(view.text).toBe('a1b1c');
    expect([0, 1, 2, 3, 4].map((index) => view.sourceOffset(index))).toEqual([0, 1, 3, 4, 5]);
  });

  it('the sharp s (one code point, two characters) is a piece of its own, and what follows keeps its offset', () => {
    const view = renderedText('pa\u00df!x');
    expect(view.text).toBe('pass!x');
    expect([0, 1, 2, 4, 5].map((index) => view.sourceOffset(index))).toEqual([0, 1, 2, 3, 4]);
  });

  it('a long run of mapped digits is read right at both ends', () => {
    // U+0663 ARABIC-INDIC DIGIT THREE reads by its value (U+0665 now reads as the zero it looks like: text7).
    const digits = '\u0663'.repeat(100_000);
    const view = renderedText(`x ${digits} y`);
    expect(view.text).toBe(`x ${'3'.repeat(100_000)} y`);
    expect(view.sourceOffset(2)).toBe(2);
    expect(view.sourceOffset(100_001)).toBe(100_001);
    expect(view.sourceOffset(100_003)).toBe(100_003);
  });
});
