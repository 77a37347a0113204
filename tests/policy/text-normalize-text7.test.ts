import { describe, expect, it } from 'vitest';
import { matchingForm, toMatchingText } from '../../policy/text-normalize.js';
import { allHits, firstHit, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { visualOrder } from '../../policy/text-normalize-bidi.js';

const PASS_RULE = textRulePattern(/\ball\s+tests\s+pass\b/i);
const EXIT_RULE = textRulePattern(/\bexit\s*0\b/i);
const RLO = '\u202E';
const PDF = '\u202C';

describe('bidi overrides are matched in the order a reader sees (issue 13, text7)', () => {
  it('reverses an RLO..PDF run for matching and points into the original', () => {
    const text = `All tests ${RLO}ssap${PDF}.`;
    const hit = firstHit(toMatchingText(text), PASS_RULE);
    expect(hit).toBeDefined();
    expect(hit?.start).toBe(0);
    expect(text.slice(hit?.start, hit?.end)).toContain('ssap');
  });
  it('matches a whole sentence written backwards and "exit 0" shown through RLO', () => {
    expect(firstHit(toMatchingText(`${RLO}.ssap stset llA${PDF}`), PASS_RULE)).toBeDefined();
    expect(firstHit(toMatchingText(`The selftest ${RLO}0 tixe${PDF}.`), EXIT_RULE)).toBeDefined();
  });
  it('still matches the stored order', () => {
    expect(firstHit(toMatchingText(`${RLO}x${PDF} All tests pass.`), PASS_RULE)).toBeDefined();
  });
  it('keeps Latin text inside an embedding or isolate in stored order, and moves it as a unit in an override', () => {
    expect(visualOrder(`a${RLO}bc\u2066de\u2069${PDF}f`)?.text).toBe('adecbf');
    expect(visualOrder('\u202Bssap\u202C')).toBeUndefined();
  });
  it('ends an override at the end of the paragraph', () => {
    expect(visualOrder(`${RLO}ba\ncd`)?.text).toBe('ab\ncd');
  });
  it('negative control: benign reversed text and text without overrides stay unflagged', () => {
    expect(firstHit(toMatchingText(`All tests ${RLO}deliaf${PDF}.`), PASS_RULE)).toBeUndefined();
    expect(allHits(toMatchingText('All tests failed.'), [PASS_RULE])).toEqual([]);
  });
});

describe('case and the confusable skeleton (issue 13, text7)', () => {
  it('maps Cherokee and Armenian capitals whose lower case has no prototype', () => {
    expect(matchingForm('\u13E2ASS')).toBe(matchingForm('PASS'));
    expect(matchingForm('\u13A2ES\u13A2')).toBe(matchingForm('TEST'));
    expect(matchingForm('PA\u054F\u054F')).toBe(matchingForm('PASS'));
  });
  it('maps Cherokee small letters through their small-capital prototype', () => {
    expect(matchingForm('\uABB2\uAB7A\uABA5\uABA5')).toBe(matchingForm('pass'));
  });
  it('negative control: ASCII capitals keep their lower-case form (I is i, not l), other scripts stay apart', () => {
    expect(matchingForm('EXIT FILL')).toBe(matchingForm('exit fill'));
    expect(matchingForm('Жук')).not.toBe(matchingForm('pass'));
  });
});

describe('format characters (issue 13, text7)', () => {
  it('removes U+180E and every other Cf / default-ignorable character but the annotation boundaries', () => {
    expect(matchingForm('pa\u180Ess')).toBe('pass');
    // U+FFFA and U+FFFB separate an interlinear annotation from its base text: a word boundary (round 11).
    expect(matchingForm('a\uFFFAb\uFFFBc')).toBe('a b c');
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if ((code >= 0xd800 && code <= 0xdfff) || code === 0xfffa || code === 0xfffb) continue;
      const char = String.fromCodePoint(code);
      if (/^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u.test(char) && !/\s/.test(char)) expect(matchingForm(`a${char}b`), code.toString(16)).toBe('ab');
    }
  });
});
