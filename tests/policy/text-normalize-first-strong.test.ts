import { describe, expect, it } from 'vitest';
import { visualOrder, visualOrders } from '../../policy/text-normalize-bidi.js';
import { displayOrder } from '../../policy/text-normalize-bidi-reorder.js';
import { allHits, firstHit, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { toMatchingText, toMatchingTexts } from '../../policy/text-normalize.js';
import { hasGlobalDenialWording, scopeDenialWording } from '../../policy/text-rules.js';

/**
 * Issue 13, round 11: GitHub lays out each paragraph `dir="auto"`, so a paragraph whose first strong
 * character is right to left (UAX #9 P2–P3: an RLM, a Hebrew or Arabic letter) displays right to
 * left. The text rules read that order too, beside the left-to-right one.
 */
const RLM = '\u200F';
const ALM = '\u061C';
const ALEF = '\u05D0';
const BET = '\u05D1';
const RLI = '\u2067';
const PDI = '\u2069';
const PASS_RULE = textRulePattern(/\ball\s+tests\s+pass\b/i);

/** Words stored in reverse, each followed by a right-to-left mark, as round 11 wrote them. */
const reversedWords = (words: readonly string[], mark = RLM): string => `${[...words].reverse().join(`${mark} `)}`;
const shownFirstStrong = (text: string): string | undefined => visualOrder(text, 'first-strong')?.text.replace(/[\u200F\u061C]/g, '');

describe('the paragraph level of its first strong character (UAX #9 P2–P3)', () => {
  it.each([
    [`${RLM}${reversedWords(['All', 'tests', 'pass'])}.`, '.All tests pass'],
    [`${ALEF} ${reversedWords(['All', 'tests', 'pass'])}.`, `.All tests pass ${ALEF}`],
    [`${ALM}${reversedWords(['All', 'tests', 'pass'], ALM)}.`, '.All tests pass'],
    // An isolate is skipped when the first strong character is looked for: the RLM after it decides.
    [`${RLI}x${PDI}${RLM}${reversedWords(['All', 'tests', 'pass'])}`, 'All tests passx'],
    // Digits after a right-to-left letter are a run of their own, shown left of it.
    [`${ALEF} 0 exit`, `exit 0 ${ALEF}`],
  ])('%j displays as %j in a first-strong paragraph', (stored, shown) => {
    expect(shownFirstStrong(stored)).toBe(shown);
  });

  it('finds the pass phrase a dir="auto" reader sees, and points at the original offsets', () => {
    for (const stored of [`${RLM}pass${RLM} tests${RLM} All.`, `${ALEF} pass${RLM} tests${RLM} All.`]) {
      const hit = firstHit(toMatchingText(stored), PASS_RULE);
      expect(hit, stored).toBeDefined();
      expect(hit?.excerpt.replace(/\u200F/g, '')).toBe('pass tests All');
      expect(stored.slice(hit?.start, hit?.end)).toBe(hit?.excerpt);
    }
    expect(toMatchingTexts(['x', `${RLM}pass${RLM} tests${RLM} All.`]).map((text) => firstHit(text, PASS_RULE) !== undefined)).toEqual([false, true]);
  });

  it('still reads the left-to-right order of a right-to-left paragraph (a renderer without dir)', () => {
    const exitZero = textRulePattern(/\bexit\s+0\b/i);
    // Left to right: "א exit 0 ב"; at the alef's level: "0 ב exit א". Either order is read.
    const leftToRightOnly = `${ALEF} exit ${BET} 0`;
    expect(visualOrders(leftToRightOnly).leftToRight?.text).toBe(`${ALEF} exit 0 ${BET}`);
    expect(visualOrders(leftToRightOnly).firstStrong?.text).toBe(`0 ${BET} exit ${ALEF}`);
    expect(firstHit(toMatchingText(leftToRightOnly), exitZero)?.excerpt).toBe(`exit ${BET} 0`);
    // And the other way round: left to right "0 א exit", at the alef's level "exit 0 א".
    const firstStrongOnly = `${ALEF} 0 exit`;
    expect(visualOrders(firstStrongOnly).leftToRight?.text).toBe(`0 ${ALEF} exit`);
    expect(firstHit(toMatchingText(firstStrongOnly), exitZero)?.excerpt).toBe('0 exit');
  });

  it('gives a left-to-right paragraph no second order, and a paragraph that reads the same none either', () => {
    expect(visualOrders('All tests pass.')).toEqual({});
    expect(visualOrders(`Note ${ALEF} and ${RLM}more.`).firstStrong).toBeUndefined();
    // One right-to-left letter and nothing around it: both levels show it as it is stored.
    expect(visualOrders(ALEF)).toEqual({});
  });

  it('reads each paragraph of a text at its own level', () => {
    const text = `Intro, left to right ${ALEF}.\n${RLM}pass${RLM} tests${RLM} All.\nOutro.`;
    const shown = visualOrders(text).firstStrong?.text.replace(/\u200F/g, '');
    expect(shown).toBe(`Intro, left to right ${ALEF}.\n.All tests pass\nOutro.`);
    expect(firstHit(toMatchingText(text), PASS_RULE)?.excerpt.replace(/\u200F/g, '')).toBe('pass tests All');
  });

  it('applies to the shared text rules (global denial wording, used by the ESLint rule too)', () => {
    const stored = `${RLM}exist${RLM} not${RLM} does${RLM} canonicalizer${RLM} The.`;
    expect(hasGlobalDenialWording(stored)).toBe(true);
    expect(scopeDenialWording(stored).changed).toBe(true);
    expect(hasGlobalDenialWording(`${RLM}exists${RLM} canonicalizer${RLM} The.`)).toBe(false);
  });
});

describe('L2 for levels 0, 1 and 2 (the direct path right-to-left text with Latin words takes)', () => {
  /** L2 as UAX #9 words it: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
  function reversedAsWritten(levels: readonly number[]): number[] {
    const items = levels.map((level, index) => ({ level, index }));
    const highest = Math.max(...levels);
    const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1));
    for (let level = highest; level >= lowestOdd; level -= 1) {
      for (let at = 0; at < items.length; at += 1) {
        if ((items[at]?.level ?? 0) < level) continue;
        let end = at;
        while (end < items.length && (items[end]?.level ?? 0) >= level) end += 1;
        items.splice(at, end - at, ...items.slice(at, end).reverse());
        at = end - 1;
      }
    }
    return items.map((item) => item.index);
  }

  it('gives the order of the rule as written on random level sequences', () => {
    let seed = 11;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    let checked = 0;
    for (let round = 0; round < 5000; round += 1) {
      const levels = Array.from({ length: 1 + random(14) }, () => random(3));
      if (!levels.includes(1) || !levels.includes(2)) continue;
      const order = new Int32Array(levels.length);
      expect(displayOrder(Uint8Array.from(levels), 0, levels.length, order)).toBe(true);
      expect([...order], levels.join('')).toEqual(reversedAsWritten(levels));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
