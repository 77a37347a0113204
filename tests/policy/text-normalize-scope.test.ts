import { describe, expect, it } from 'vitest';
import { allHits, firstHit, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { toMatchingText, type MatchingText } from '../../policy/text-normalize.js';
import { PLACEHOLDER } from '../../policy/text-normalize-bidi.js';
import { AUTHORITY_PROSE_RULES } from '../../src/claims/authority.js';

/**
 * Session 14, issue 13: toMatchingText(text, rules) lays out only the paragraphs whose window the
 * rules may match in (text-normalize-scope.ts); every other paragraph is one placeholder in the
 * visual forms. The findings of those rules must be exactly those of the full layout: first hits
 * and all hits, offsets and excerpts, on texts built to have matches only a visual order shows, and
 * across paragraph breaks (a line feed, U+2029, and U+0085, whose form is nothing).
 */
const RULES = [textRulePattern(/\bmay_gate["']?\s*[:=]\s*true\b/i), textRulePattern(/\bdecision_effect["']?\s*[:=]\s*["']?(?!NONE\b)[A-Za-z_]+/i), ...AUTHORITY_PROSE_RULES];

const WORDS = ['approves', 'the', 'release', 'sevorppa', 'eht', 'esaeler', 'gating', 'decision', 'gnitag', 'noisiced', 'binding', 'verdict', 'this', 'report', 'is', 'final', 'all', 'tests', 'pass', 'ssap', 'stset', '22/22', 'exit', '0', 'decision_effect', 'NONE', 'ALLOW', 'release\u200F the\u200F approves', 'decision\u200F gating', '\u05D0 verdict\u200F binding'];
const PIECES = ['\u05D0\u05D1\u05D2', '\u05E1\u05D5\u05D9', '\u05D0\u05D1\u05D2 \u05D3\u05D4\u05D5 \u05E2\u05DD \u05D4\u05D0\u05E8\u05DB\u05D9\u05D5\u05DF', '\u0627\u0644\u0639', ' ', ' ', ' ', '  ', '\n', '\n', '\n\n', '\n\n', '\u2029', '\u0085', '\u200F', '\u200B', '\u2067', '\u2069', '\u202E', '\u202C', ':', '=', '.', '12', 'CI', 'notes.txt', '\u05D4-'];

/** Dense: short texts, many rule words (findings, some in visual order only); sparse: long texts, few (paragraphs left out). */
function randomText(random: (below: number) => number, dense: boolean): string {
  let text = '';
  const parts = 4 + random(dense ? 30 : 80);
  for (let part = 0; part < parts; part += 1) text += random(dense ? 2 : 5) === 0 ? (WORDS[random(WORDS.length)] as string) : (PIECES[random(PIECES.length)] as string);
  return text;
}

function formsOf(text: MatchingText): MatchingText[] {
  return [text, ...(text.visuals ?? [])];
}

describe('visual forms laid out only where the rules may match', () => {
  it('finds exactly what the full layout finds (random texts)', () => {
    let seed = 14;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    let visualOnly = 0;
    let leftOut = 0;
    for (let round = 0; round < 3000; round += 1) {
      const text = randomText(random, round % 2 === 0);
      const full = toMatchingText(text);
      const scoped = toMatchingText(text, RULES);
      if (formsOf(scoped).some((form) => form.text.includes(String.fromCharCode(PLACEHOLDER)))) leftOut += 1;
      for (const rule of RULES) {
        const expected = firstHit(full, rule);
        expect(firstHit(scoped, rule), `${JSON.stringify(text)} ${rule.source.source}`).toEqual(expected);
        expect(allHits(scoped, [rule]), `${JSON.stringify(text)} ${rule.source.source}`).toEqual(allHits(full, [rule]));
        rule.matcher.lastIndex = 0;
        if (expected !== undefined && !rule.matcher.test(full.text)) visualOnly += 1;
      }
    }
    // The comparison ran on texts with paragraphs left out and on findings only a visual order shows.
    expect(leftOut).toBeGreaterThan(100);
    expect(visualOnly).toBeGreaterThan(10);
  });

  it('lays out a Hebrew line only near wording the rules can need, and finds what only its display order shows', () => {
    const hebrew = '\u05D4\u05D9\u05D9\u05E6\u05D5\u05D0 \u05E0\u05E7\u05E8\u05D0 \u05D1-CI \u05D1\u05E7\u05D5\u05D1\u05E5 notes.txt \u05E2\u05DD 12. '.repeat(3);
    const lines = ['# The archive approves nothing.', ...Array.from({ length: 40 }, () => hebrew)];
    const quiet = toMatchingText(lines.join('\n\n'), RULES);
    const placeholders = (form: MatchingText | undefined): number => (form?.text ?? '').split(String.fromCharCode(PLACEHOLDER)).length - 1;
    // The heading's letters reach the first Hebrew line only; each left-out paragraph is one placeholder (blank ones too).
    expect(placeholders(quiet.visuals?.[0])).toBeGreaterThan(70);
    // "approves the release" with its words in right-to-left order inside line 20 (RLM after each): only the paragraph's display order shows it.
    lines[20] = `${hebrew}release\u200F the\u200F approves ${hebrew}`;
    const text = lines.join('\n\n');
    const rule = AUTHORITY_PROSE_RULES[1] as (typeof AUTHORITY_PROSE_RULES)[number];
    rule.matcher.lastIndex = 0;
    expect(rule.matcher.test(toMatchingText(text).text)).toBe(false);
    const hit = firstHit(toMatchingText(text, RULES), rule);
    expect(hit?.excerpt).toBe('release\u200F the\u200F approves');
    expect(hit).toEqual(firstHit(toMatchingText(text), rule));
  });
});
