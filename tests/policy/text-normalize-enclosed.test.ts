import { describe, expect, it } from 'vitest';
import { casedSkeleton, matchingForm } from '../../policy/text-normalize.js';

/** Issue 13, round 11: enclosed letters and digits read as what they enclose; enclosing marks go. */
function shifted(text: string, first: number): string {
  return [...text].map((char) => String.fromCodePoint(first + char.charCodeAt(0) - 65)).join('');
}

describe('enclosed alphanumerics and enclosing marks (round 11)', () => {
  it('reads every enclosed capital run as its letters, whether or not NFKD decomposes it', () => {
    for (const first of [0x24b6, 0x1f130, 0x1f150, 0x1f170, 0x1f1e6, 0x1f110]) {
      expect(matchingForm(shifted('PASS', first)), first.toString(16)).toBe(matchingForm('PASS'));
      expect(casedSkeleton(shifted('PASS', first)), first.toString(16)).toBe(casedSkeleton('PASS'));
    }
    expect(matchingForm('\u24AB\u249C\u24AE\u24AE')).toBe(matchingForm('pass'));
  });

  it('reads dingbat, double-circled and negative circled digits as their numbers', () => {
    expect(matchingForm('\u2777\u2777/\u2777\u2777')).toBe(matchingForm('22/22'));
    expect(matchingForm('\u2781 \u278B \u24F6 \u2475')).toBe(matchingForm('2 2 2 2'));
    expect(matchingForm('\u24EB \u277F \u24FF \u{1F10B}')).toBe(matchingForm('11 10 0 0'));
  });

  it('removes enclosing marks (Me) as it removes nonspacing ones', () => {
    for (const mark of ['\u20DD', '\u20DE', '\u20E3', '\u20E4', '\u0488']) expect(matchingForm(`p${mark}a${mark}s${mark}s${mark}`)).toBe('pass');
  });

  it('leaves ordinary symbols and emoji alone', () => {
    expect(matchingForm('\u2605 \u{1F389}')).toBe('\u2605 \u{1F389}');
  });
});
