import { describe, expect, it } from 'vitest';
import { mayMatchReordered, needsOf, skeletonizePatternSource, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { matchingForm, toMatchingText } from '../../policy/text-normalize.js';
import { GLOBAL_DENIAL_PATTERNS, SQL_STATEMENT_PATTERNS, VERDICT_WORD_RULE } from '../../policy/text-rules.js';
import { PASS_ASSERTION_PATTERNS } from '../../src/claims/prose-scan.js';

/**
 * Session 12, issue 13: a text that no rule can match in any order of its characters gets no visual
 * form. The characters each match must hold are read from the skeletonized pattern; they must never
 * exclude a text a rule matches.
 */
const RULES = [...PASS_ASSERTION_PATTERNS, ...GLOBAL_DENIAL_PATTERNS, ...SQL_STATEMENT_PATTERNS].map(textRulePattern).concat(VERDICT_WORD_RULE);

describe('what every match of a rule pattern holds', () => {
  it('reads literals, skips optional atoms, classes and look-arounds, and joins an alternation\'s branches', () => {
    expect(needsOf(skeletonizePatternSource(/\bexit\s*0\b/.source))).toEqual(['e', 'x', 'i', 't', 'o']);
    expect(needsOf(skeletonizePatternSource(/\b(?:ran|runs|executed)\b/.source))).toEqual(['ranusexctd']);
    expect(needsOf(skeletonizePatternSource(/(?<!ab)c[de]f?(?:g|)/.source))).toEqual(['c']);
    // A branch of `o` and `l` only keeps them: a match of it holds nothing else.
    expect(needsOf(skeletonizePatternSource(/(?:lo|ab)x+/.source))).toEqual(['x', 'loab']);
  });

  it('keeps plain Hebrew prose out and anything with the letters of a phrase in', () => {
    const rules = PASS_ASSERTION_PATTERNS.map(textRulePattern);
    expect(mayMatchReordered(matchingForm('הייצוא נקרא על ידי הסוקר וההערות נשמרו יחד עם הארכיון.'), rules)).toBe(false);
    expect(mayMatchReordered(matchingForm('\u05D0 tset lla'), rules)).toBe(true);
  });

  it('never rules out a text that a rule matches in some order (random texts)', () => {
    const pool = ['a', 'l', 'e', 's', 't', 'p', 'x', 'i', '0', '1', '/', ' ', '.', ':', '\u05D0', '\u05E1', '\u05D5', '\u200F', '\u2067', '\u2069', 'c', 'r', 'o', 'd', 'n', 'f', 'm', 'S', 'A'];
    const words = ['pass', 'all', 'tests', 'exit', '0', '22/22', 'does', 'not', 'exist', 'select', 'from', 'x', 'rc', 'ok', 'PASS'];
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    let matched = 0;
    for (let round = 0; round < 3000; round += 1) {
      let text = '';
      const parts = 1 + random(8);
      for (let part = 0; part < parts; part += 1) text += random(2) === 0 ? (words[random(words.length)] as string) : (pool[random(pool.length)] as string);
      const form = toMatchingText(text);
      for (const rule of RULES) {
        const hit = [form, ...(form.visuals ?? [])].some((each) => {
          rule.matcher.lastIndex = 0;
          return rule.matcher.test(each.text);
        });
        if (!hit) continue;
        matched += 1;
        expect(mayMatchReordered(form.text, [rule]), `${JSON.stringify(text)} ${rule.source.source}`).toBe(true);
      }
    }
    // The check above ran on real matches, not on none.
    expect(matched).toBeGreaterThan(100);
  });
});
