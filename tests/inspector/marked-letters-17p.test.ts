import { describe, expect, it } from 'vitest';
import { matchingForm } from '../../policy/text-normalize.js';
import { LETTERS_WITH_ATTACHED_MARKS } from '../../policy/text-normalize-marked-letters.js';
import { hasGlobalDenialWording } from '../../policy/text-rules.js';
import { scanProse } from '../../src/index.js';

/**
 * Issue 13, round 17: Latin letters with a hook, curl or swash tail (`ᶅ ƫ ȿ`) have no decomposition
 * and no TR39 prototype in ASCII, so `Aᶅᶅ ƫeʂƫʂ paʂʂ.` read as no pass. The skeleton maps them to their
 * letter (policy/text-normalize-marked-letters.ts).
 */
const scanOf = (text: string) => scanProse(text, [], []);

describe('letters with a mark attached to their body read as the letter (round 17)', () => {
  it('every letter of the table has the matching form of its base letter', () => {
    const wrong = LETTERS_WITH_ATTACHED_MARKS.filter(([code, letter]) => matchingForm(String.fromCodePoint(code)) !== matchingForm(letter));
    expect(wrong).toEqual([]);
  });

  it('the exit code with a t with curl is a pass assertion', () => {
    expect(scanOf('The selftest: exi\u0236 0.').passAssertions).toHaveLength(1);
  });

  it('capital S with swash tail in PASS, and a p with palatal hook', () => {
    expect(scanOf('Selftest: 22/22 PA\u2C7E\u2C7E.').passAssertions).toHaveLength(1);
    expect(scanOf('All tests \u1D88ass.').passAssertions).toHaveLength(1);
  });

  it("global-absence wording with a d with palatal hook is the report's lint's to catch", () => {
    expect(hasGlobalDenialWording('The file \u1D81oes not exist anywhere.')).toBe(true);
  });

  it("TR39's own prototype still wins where it reaches ASCII", () => {
    expect(matchingForm('\u0188')).toBe(matchingForm("c'"));
  });
});
