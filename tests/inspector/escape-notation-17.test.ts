import { describe, expect, it } from 'vitest';
import { decodedCodePointEscapes, markdownValue } from '../../src/text/escape.js';
import { escapeQuotedDenialWording, quoteShownInReport } from '../../src/text/wording-lint.js';

/**
 * Round 16 (packets17; choices 33): report.md showed a real U+2028 and the packet's own six
 * characters `\u{2028}` alike. Every quote of the packet now shows its own backslash before `u` as
 * `\u{5c}` in report.md, so each `\u{…}` there is tki's escape and decoding once gives the packet's text.
 */
const shown = (quote: string): string => markdownValue(quoteShownInReport(quote), 200, 'table-cell');

describe('the packet\'s own escape notation never looks like tki\'s', () => {
  it('a real separator, control or bidi mark against the same notation written out', () => {
    for (const [real, written] of [
      ['A\u2028B.', 'A\\u{2028}B.'],
      ['A\u202EB.', 'A\\u{202e}B.'],
      ['A\u0007B.', 'A\\u{7}B.'],
      ['A\u2029B.', 'A\\U{2029}B.'],
    ] as const) {
      expect(shown(real), written).not.toBe(shown(written));
      expect(decodedCodePointEscapes(quoteShownInReport(written))).toBe(written);
    }
  });

  it('a quote without notation is unchanged; one the lint escaped (global-absence wording) is not escaped twice', () => {
    expect(quoteShownInReport('All tests pass.')).toBe('All tests pass.');
    expect(quoteShownInReport('C:\\temp\\x')).toBe('C:\\temp\\x');
    const linted = escapeQuotedDenialWording('\\u{41} The file does not exist anywhere.').text;
    expect(quoteShownInReport(linted)).toBe(linted);
    expect(decodedCodePointEscapes(linted)).toBe('\\u{41} The file does not exist anywhere.');
  });
});
