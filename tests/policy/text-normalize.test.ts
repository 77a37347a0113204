import { describe, expect, it } from 'vitest';
import { forbiddenVerdictToken, hasGlobalDenialWording, scopeDenialWording, SCOPED_DENIAL_WORDING } from '../../policy/text-rules.js';
import { allHits, firstHit, skeletonizePatternSource, textRulePattern } from '../../policy/text-normalize-pattern.js';
import { casedSkeleton, matchingForm, toMatchingText } from '../../policy/text-normalize.js';

describe('the matching form', () => {
  it.each([
    ['Cyrillic letters', '22/22 РАSS, ехіt О'],
    ['fullwidth forms', '２２/２２ ＰＡＳＳ, ｅｘｉｔ ０'],
    ['zero-width characters', '22/22 P\u200BA\u200CS\u200DS, e\uFEFFxit 0'],
    ['mathematical letters', '22/22 𝐏𝐀𝐒𝐒, 𝐞𝐱𝐢𝐭 𝟎'],
    ['tag and bidi characters', '22/22 PA\u{E0041}SS,\u202E exit\u2066 0'],
    ['combining marks', '22/22 P\u0338A\u0336S\u0301S, exi\u0308t 0'],
    ['odd spaces', '22/22\u00A0PASS,\u2003 exit\u3000\u30000'.replace('\u3000\u3000', '\u3000')],
  ])('folds %s onto the ASCII twin', (_name, text) => {
    expect(matchingForm(text)).toBe(matchingForm('22/22 PASS, exit 0'));
  });

  it('keeps the ASCII fast path and the code-point walk identical', () => {
    const ascii = 'Mixed CASE text\twith  runs of   space, 0 1 m | ` " % and I.';
    const forced = `${ascii}é`;
    expect(matchingForm(forced)).toBe(`${matchingForm(ascii)}e`);
  });

  it('maps a run of non-ASCII code points by its loop exactly as code point by code point', () => {
    // Letters, marks, look-alikes, format characters, expansions (U+FDFA), astral and lone surrogates.
    const pool = ['é', 'Р', 'А', '\u0301', '\u0316', '\u200B', '\uFEFF', '\uFDFA', 'Ｐ', '𝐏', '\u{E0041}', '\uD800', '\uDC00', 'ß', 'İ', '漢', '\u2066'];
    let seed = 7;
    for (let round = 0; round < 200; round += 1) {
      let text = '';
      for (let index = 0; index < 1 + (round % 40); index += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pool[seed % pool.length] ?? '';
      }
      // A lone surrogate next to its partner forms a pair in both, so compare per pairing-safe unit of the string itself.
      const expected = Array.from(text, (char) => matchingForm(`a${char}`).slice(1)).join('');
      expect(matchingForm(`a${text}`).slice(1)).toBe(expected);
    }
  });

  it('maps a long ASCII text by its table walk exactly as by the native passes', () => {
    let seed = 11;
    let long = '';
    while (long.length < 20_000) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      long += String.fromCharCode(seed % 128);
    }
    // Short pieces take the native passes; `a` is its own form and ends any white-space run.
    const expected = long.split('a').map((piece) => matchingForm(piece)).join('a');
    expect(matchingForm(long)).toBe(expected);
    expect(matchingForm(long.replaceAll('%', '&'))).toBe(expected.replaceAll('º/₀', '&'));
  });

  it('maps mixed text by its one walk exactly as segment by segment (ASCII and spaces, then the rest per code point)', () => {
    const pool = ['P', 'a', 'M', 'm', '0', '1', '|', '%', '"', ' ', '  ', '\t', '\n', '\u00A0', '\u3000', '\u200B', '\uFEFF', 'é', 'Р', '\u0301', '\uFDFA', '𝐏', '\uD800', '\uDC00', '\u{E0041}'];
    const otherRun = /[^\x00-\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
    const bySegments = (text: string): string => {
      let out = '';
      let from = 0;
      const fast = (part: string): string => Array.from(part.toLowerCase().replace(/[^\S\uFEFF]+/g, ' '), (char) => (char === ' ' ? ' ' : matchingForm(char))).join('');
      for (const match of text.matchAll(otherRun)) {
        out += fast(text.slice(from, match.index)) + Array.from(match[0], (char) => matchingForm(char)).join('');
        from = match.index + match[0].length;
      }
      return out + fast(text.slice(from));
    };
    let seed = 3;
    for (let round = 0; round < 300; round += 1) {
      let text = 'é';
      for (let index = 0; index < 1 + (round % 50); index += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pool[seed % pool.length] ?? '';
      }
      expect(matchingForm(text)).toBe(bySegments(text));
    }
  });

  it('maps findings back to offsets in the original text', () => {
    const original = 'Note: the tool d\u200Bоеs nоt exist, sadly.';
    const hit = firstHit(toMatchingText(original), textRulePattern(/\bdoes\s+not\s+exist\b/i));
    expect(hit?.excerpt).toBe('d\u200Bоеs nоt exist');
    expect(original.slice(hit?.start, hit?.end)).toBe(hit?.excerpt);
  });

  it('maps offsets across astral characters and expansions', () => {
    const original = '𝐀 ﬁle: 𝐏𝐀𝐒𝐒 here';
    const hit = firstHit(toMatchingText(original), textRulePattern(/\bpass\b/i));
    expect(hit?.excerpt).toBe('𝐏𝐀𝐒𝐒');
  });

  it('keeps case in the cased skeleton', () => {
    expect(casedSkeleton('РАSS')).toBe('PASS');
    expect(casedSkeleton('pass')).toBe('pass');
  });
});

describe('skeletonized patterns', () => {
  it('rewrites literals and classes, keeps syntax', () => {
    expect(skeletonizePatternSource(String.raw`\bexit\s*0\b`)).toBe(String.raw`\bexlt\s*o\b`);
    expect(skeletonizePatternSource(String.raw`\d+`)).toBe(String.raw`[\dol]+`);
    expect(skeletonizePatternSource('may_gate')).toBe('(?:rn)ay_gate');
    expect(skeletonizePatternSource('(?<![-\\w])x')).toBe('(?<![\\w\\-])x');
  });

  it('reads i and l as one letter, so a caseless stand-in for capital I matches (round 19)', () => {
    const exist = [textRulePattern(/\bexist\b/i)];
    for (const spelling of ['EXIST', 'exist', 'EX\uA4F2ST', 'EX\u01C0ST', 'EX\u2223ST', 'EX1ST', 'EXlST']) {
      expect(allHits(toMatchingText(`does not ${spelling} anywhere`), exist).map((hit) => hit.excerpt), spelling).toEqual([spelling]);
    }
    expect(allHits(toMatchingText('does not exact anywhere'), exist)).toEqual([]);
  });

  it('refuses syntax it does not understand', () => {
    expect(() => skeletonizePatternSource(String.raw`\p{L}`)).toThrow();
  });

  it('finds every hit once, merged', () => {
    const hits = allHits(toMatchingText('exit 0 and ехit О'), [textRulePattern(/\bexit\s*0\b/i)]);
    expect(hits.map((hit) => hit.excerpt)).toEqual(['exit 0', 'ехit О']);
  });
});

describe('text rules on look-alikes', () => {
  it('matches verdict tokens on the cased skeleton', () => {
    expect(forbiddenVerdictToken('РАSS')).toBe('PASS');
    expect(forbiddenVerdictToken('P\u200BASS')).toBe('PASS');
    expect(forbiddenVerdictToken('ＰＡＳＳ')).toBe('PASS');
    expect(forbiddenVerdictToken('EVIDENCE_PRЕSENT')).toBe('EVIDENCE_PRESENT');
    expect(forbiddenVerdictToken('pass')).toBeUndefined();
  });

  it('sees global-denial wording through look-alikes and zero-width characters', () => {
    expect(hasGlobalDenialWording('The tool dоes nоt exist.')).toBe(true);
    expect(hasGlobalDenialWording('it is absent\u200B everywhere')).toBe(true);
    expect(hasGlobalDenialWording('ＡＢＳＥＮＴ ＥＶＥＲＹＷＨＥＲＥ')).toBe(true);
    expect(hasGlobalDenialWording('The tool is present.')).toBe(false);
  });

  it('sees letter-spaced global-denial wording in a left-to-right text too (choice 75; speed18 found only the bidi path read it joined)', () => {
    expect(hasGlobalDenialWording('a b s e n t everywhere')).toBe(true);
    expect(hasGlobalDenialWording('It is A B S E N T everywhere.')).toBe(true);
    expect(hasGlobalDenialWording('d o e s  n o t  e x i s t')).toBe(true);
    expect(hasGlobalDenialWording('a b s e n t here, present elsewhere')).toBe(false);
    expect(scopeDenialWording('X: a b s e n t everywhere.').changed).toBe(true);
  });

  it('replaces look-alike wording in the original text', () => {
    const scoped = scopeDenialWording('X: the tооl dоes n\u200Bоt exist. Fine.');
    expect(scoped).toEqual({ text: `X: the tооl ${SCOPED_DENIAL_WORDING}. Fine.`, changed: true });
  });
});
