import { describe, expect, it } from 'vitest';
import { visualOrders, visualOrdersOfEach } from '../../policy/text-normalize-bidi.js';
import { oneByteCopy, oneByteWhenAscii } from '../../policy/text-normalize-one-byte.js';
import { matchingForm, matchingForms, toMatchingText, toMatchingTexts, type MatchingText } from '../../policy/text-normalize.js';

/**
 * Session 18: long ASCII texts are formed one-byte (a two-byte copy made the interpreter's regexes
 * 3–35× slower), a text that is ASCII but for white space takes the ASCII path, and the bidi gate
 * runs before the caller's `wanted`. Each must give exactly what the text gave before: checked on
 * seeded texts against the per-code-point walk (a non-white non-ASCII letter appended sends a text
 * there) and against the one-byte originals.
 */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const NON_ASCII_WHITE = ['\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
const ASCII_PIECES = ['a', 'M', '0', '1', 'l', '|', '"', ' ', '  ', '\t', '\n', 'exist', 'does not', 'PASS', '/', '-', '.', 'rn'];

function seededText(random: () => number, whites: boolean): string {
  const pieces = whites ? [...ASCII_PIECES, ...NON_ASCII_WHITE] : ASCII_PIECES;
  let text = '';
  while (text.length < 300 + random() * 400) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

/** The same value held as a two-byte string (what `toString('utf16le')` gives, as the rendered view builds its text). */
function twoByte(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** What a MatchingText says, as plain data. */
function said(text: MatchingText): unknown {
  return { original: text.original, text: text.text, visuals: text.visuals?.map((visual) => ({ text: visual.text, original: visual.original })) };
}

describe('long ASCII texts read one-byte', () => {
  it('copies only long all-ASCII texts, and the copy is the same string', () => {
    const long = 'x'.repeat(300);
    expect(oneByteCopy(twoByte(long))).toBe(long);
    expect(oneByteCopy('x'.repeat(10))).toBeUndefined();
    expect(oneByteCopy(`${long}é`)).toBeUndefined();
    expect(oneByteWhenAscii(`${long}\u2029`)).toBe(`${long}\u2029`);
  });

  it('forms a text ASCII but for white space as the walk forms it, on 500 seeded texts', () => {
    const random = generator(18);
    for (let round = 0; round < 500; round += 1) {
      const text = seededText(random, true);
      // `é` is no white space: the text with it goes by the walk, one code point or white run at a time.
      expect(matchingForm(text) + matchingForm('é')).toBe(matchingForm(`${text}é`));
    }
  });

  it('gives the same forms and visual orders for two-byte originals, one at a time and batched', () => {
    const random = generator(81);
    const texts = Array.from({ length: 40 }, (_, index) => (index % 7 === 3 ? `${seededText(random, false)} \u05e9\u05dc\u05d5\u05dd pass` : seededText(random, index % 2 === 0)));
    texts.push(`${'a'.repeat(300)}\u0000 exists`);
    for (const text of texts) expect(said(toMatchingText(twoByte(text)))).toEqual(said(toMatchingText(text)));
    const levels = texts.map((_, index) => (index % 5 === 0 ? 1 : 0));
    const expected = toMatchingTexts(texts, levels, () => true).map(said);
    expect(toMatchingTexts(texts.map(twoByte), levels, () => true).map(said)).toEqual(expected);
    expect(matchingForms(texts.map(twoByte))).toEqual(matchingForms(texts));
  });
});

describe('the bidi gate before wanted()', () => {
  it('asks wanted() only of texts that can reorder or lead a right-to-left paragraph, each laid out as visualOrders lays it out', () => {
    const texts = ['plain ascii exists', 'mixed \u05e9\u05dc\u05d5\u05dd 22/22 PASS', 'level one plain', 'another plain one', '\u05e9\u05dc\u05d5\u05dd 1 2 3'];
    const levels = [0, 0, 1, 0, 0];
    const asked: number[] = [];
    const batch = visualOrdersOfEach(texts, levels, (index) => {
      asked.push(index);
      return true;
    });
    expect(asked).toEqual([1, 2, 4]);
    const spanText = (spans: typeof batch.leftToRight, span: number): string | undefined => (span < 0 ? undefined : spans.text.slice(spans.starts[span], spans.ends[span]));
    texts.forEach((text, index) => {
      const alone = visualOrders(text, levels[index]);
      expect(spanText(batch.leftToRight, batch.leftToRightSpan[index] ?? -1)).toBe(alone.leftToRight?.text);
      expect(spanText(batch.firstStrong, batch.firstStrongSpan[index] ?? -1)).toBe(alone.firstStrong?.text);
    });
  });
});
