import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';

/**
 * Round 16 (issue 13): past 64 distinct formatting entries tki dropped the earliest, often the one
 * entry with a direction, and marked the text unread: the pass a browser shows was lost (UNVERIFIED,
 * no flag). An entry that sets no direction now goes first (exactly: its reconstruction changes no
 * direction); a list of directed entries only is read both ways, and either reading's flag stays.
 */
const passLines = (text: string): number[] => [...new Set(scanProse(text, [], []).passAssertions.map((finding) => finding.line))];
const unparsedLines = (text: string): number[] => [...new Set(scanProse(text, [], []).unparsedRegions.map((finding) => finding.line))];
const RLM = '&#x200F;';
const REVERSED = `pass${RLM} tests${RLM} All`;
const distinct = (tag: string, count: number, attributes = ''): string => Array.from({ length: count }, (_, index) => `<${tag}${attributes} title="${String(index)}">`).join('');

describe('past the formatting bound, an entry without a direction goes first', () => {
  it('rtl bold then 64, 199 distinct italics, or 64 ems across paragraphs: the pass is read right to left, not unread', () => {
    for (const text of [
      `<p><b dir="rtl">${distinct('i', 64)}</p>${REVERSED}.\n`,
      `<p><b dir="rtl">${distinct('i', 199)}</p>${REVERSED}.\n`,
      `x <b dir="rtl">${distinct('em', 64)}\n\n${REVERSED}.\n`,
      `<p><s style="direction:rtl;unicode-bidi:isolate">${distinct('u', 90)}</p>${REVERSED}.\n`,
    ]) {
      expect(passLines(text).length, text.slice(0, 40)).toBe(1);
      expect(unparsedLines(text), text.slice(0, 40)).toEqual([]);
    }
  });

  it('a style without direction does not count as a direction; control: an ltr tail holds the text left to right', () => {
    expect(passLines(`<p><b dir="rtl">${distinct('i', 70, ' style="color:red"')}</p>${REVERSED}.\n`)).toEqual([1]);
    expect(passLines(`<p><b dir="rtl">${distinct('i', 70)}<i dir="ltr"></p>${REVERSED}.\n`)).toEqual([]);
  });

  it('every entry directed: unread, and the reading that keeps the outermost direction still flags the pass', () => {
    const text = `<p><b dir="rtl">${distinct('i', 70, ' style="unicode-bidi:normal"')}</p>${REVERSED}.\n`;
    expect(unparsedLines(text)).toEqual([1]);
    expect(passLines(text)).toEqual([1]);
  });
});
