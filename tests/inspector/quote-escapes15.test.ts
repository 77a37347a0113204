import { describe, expect, it } from 'vitest';
import { decodedCodePointEscapes, truncate } from '../../src/text/escape.js';
import { lintEmittedStrings } from '../../src/text/wording-lint.js';

/**
 * Round 15 (issue 13, choices 33): a quote of the packet shown with `\u{…}` escapes decodes, once,
 * to exactly what the packet wrote; wording spelled with escapes is read decoded; a cut never falls
 * inside an escape.
 */
const quoted = (text: string): { text: string; escaped: number } => {
  const linted = lintEmittedStrings({ excerpt: text });
  return { text: linted.value.excerpt, escaped: linted.escapedQuotes.length };
};

describe('a quote with escapes decodes to the packet\'s text', () => {
  it('the packet\'s own backslash before u (any case, any form after it) is escaped too', () => {
    for (const own of ['\\u{64}', '\\U{64}', '\\u0064', '\\\\u{64}', '\\u{5c}']) {
      const value = `The file does not exist anywhere ${own}.`;
      const linted = quoted(value);
      expect(linted.escaped, own).toBe(1);
      expect(decodedCodePointEscapes(linted.text), own).toBe(value);
    }
  });

  it('wording spelled with escapes is read decoded, and the escapes then read as the packet\'s text', () => {
    for (const value of ['The file \\u{64}\\u{6f}\\u{65}\\u{73} not exist anywhere.', 'The file does not \\u{0065}xist anywhere.', 'Nothing \\u{41}NYWHERE: the file does not exist anywhere at all']) {
      const linted = quoted(value);
      expect(linted.escaped, value).toBe(1);
      expect(decodedCodePointEscapes(linted.text), value).toBe(value);
      expect(decodedCodePointEscapes(linted.text).length).toBe(value.length);
    }
    // Control: escapes that spell nothing of the kind are not flagged; the packet's backslash is still
    // written in the notation (choice 82), so the quote decodes once to what the packet wrote.
    expect(quoted('The file \\u{64}oes exist here.')).toEqual({ text: 'The file \\u{5c}u{64}oes exist here.', escaped: 0 });
  });
});

describe('truncate never cuts inside an escape', () => {
  it('an escape counts as the one character it shows', () => {
    const escaped = 'ab\\u{64}\\u{6f}\\u{65}\\u{73}cdefgh';
    expect(truncate(escaped, 5)).toBe('ab\\u{64}\\u{6f}…');
    expect(truncate(escaped, 4)).toBe('ab\\u{64}…');
    expect(truncate('a\\u{1f600}bcdef', 3)).toBe('a\\u{1f600}…');
    // A backslash that starts no escape is one character.
    expect(truncate('a\\ubcdef', 4)).toBe('a\\u…');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('a\u{1F600}bc', 3)).toBe('a…');
  });
});
