import { describe, expect, it } from 'vitest';
import { firstHit, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { joinedLetters } from '../../policy/text-normalize-spacing.js';
import { toMatchingText } from '../../policy/text-normalize.js';
import { GLOBAL_DENIAL_PATTERNS } from '../../policy/text-rules.js';
import { PASS_ASSERTION_PATTERNS, scanProse } from '../../src/index.js';

/**
 * Issue 13, round 17: a word spelled with a blank between its letters reads as the word (letter
 * spacing; hair and six-per-em spaces narrower than a letter's side bearings; the Hangul fillers a
 * browser draws as blanks). The one normalization matches a joined reading as well, offsets in the
 * original (policy/text-normalize-spacing.ts).
 */
const flagsPass = (text: string): boolean => scanProse(text, [], []).passAssertions.some((assertion) => !assertion.backed);
const spaced = (word: string, blank: string): string => [...word].join(blank);

describe('letters a reader joins across blanks (round 17)', () => {
  const joined: Record<string, string> = {
    'thin spaces between every letter': `All tests ${spaced('pass', '\u2009')}.`,
    'punctuation spaces between every letter': `All tests ${spaced('pass', '\u2008')}.`,
    'no-break spaces between every letter, words apart by two': `${spaced('All', '\u00A0')}  ${spaced('tests', '\u00A0')}  ${spaced('pass', '\u00A0')}.`,
    'a hair space inside one word only': 'All tests pa\u200Ass.',
    'a six-per-em space in two words': 'Al\u2006l tests pa\u2006ss.',
    'the exit code letter spaced with its digit': `The selftest: ${spaced('exit', ' ')} 0.`,
    'a letter-spaced count word': `22/22 ${spaced('PASS', '\u3000')}.`,
    'letter-spaced words after a code span': '`x`: A l l   t e s t s   p a s s .',
  };
  for (const [name, text] of Object.entries(joined)) {
    it(`${name}: the pass is flagged`, () => {
      expect(flagsPass(text)).toBe(true);
    });
  }

  it('Hangul fillers between words are still word breaks, and between letters join them', () => {
    expect(flagsPass('All\u3164tests\u3164pass.')).toBe(true);
    expect(flagsPass(`${spaced('All', '\u3164')} ${spaced('tests', '\u3164')} ${spaced('pass', '\u3164')}.`)).toBe(true);
  });

  it('global-absence wording letter spaced is matched', () => {
    const rule = textRulePattern(GLOBAL_DENIAL_PATTERNS[0] as RegExp);
    expect(firstHit(toMatchingText(`The file ${spaced('does', ' ')}   ${spaced('not', ' ')}   ${spaced('exist', ' ')}.`), rule)).toBeDefined();
  });

  it('the hit points at the letter-spaced words in the original', () => {
    const text = 'Note: A l l   t e s t s   p a s s .';
    const hit = PASS_ASSERTION_PATTERNS.map(textRulePattern)
      .map((rule) => firstHit(toMatchingText(text), rule))
      .find((found) => found !== undefined);
    expect(hit?.excerpt).toBe('A l l   t e s t s   p a s s');
    expect(hit?.start).toBe(text.indexOf('A l l'));
  });

  it('nothing is joined where no run of single letters or narrow blank stands', () => {
    expect(joinedLetters('All tests pass.')).toBeUndefined();
    expect(joinedLetters('Plan a bc is fine.')).toBeUndefined();
    expect(joinedLetters('a b')).toBeUndefined();
    // Different blanks between the letters are no one run.
    expect(joinedLetters('p a\u3000s s')).toBeUndefined();
  });

  it('a joined reading keeps where each unit came from', () => {
    const joinedText = joinedLetters('x p\u3000a\u3000s\u3000s y');
    expect(joinedText?.text).toBe('x pass y');
    expect([...(joinedText?.offsets ?? [])]).toEqual([0, 1, 2, 4, 6, 8, 9, 10]);
  });

  it('single letters that spell no rule word add nothing', () => {
    expect(flagsPass('Options a b c d are listed.')).toBe(false);
  });
});
