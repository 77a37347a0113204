/**
 * Routes that get through today (rt-packets17, round 17, 2026-12-07). Each key names one check of a
 * round-17 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND17: ReadonlyMap<string, string> = new Map<string, string>([
  // Letter spacing: a word spelled with a blank between its letters reads as the word and is not matched.
  ['look:letter-spaced-ascii', 'medium: "A l l   t e s t s   p a s s ." reads as the pass and is UNVERIFIED, no flag (GitHub shows it)'],
  ['look:letter-spaced-pass-word-ideographic-space', 'medium: "p\\u3000a\\u3000s\\u3000s" likewise'],
  ['look:hangul-jungseong-filler-inside-words', 'medium: U+1160 between letters (a browser draws a blank, HarfBuzz keeps the fillers visible) is no flag'],
  ['look:hangul-filler-inside-words', 'medium: U+3164 between letters likewise'],
  ['look:halfwidth-hangul-filler-inside-words', 'medium: U+FFA0 between letters likewise'],
  ['look:hangul-choseong-filler-inside-words', 'medium: U+115F between letters likewise'],
  ['look:numeric-reference-hangul-filler-inside-words', 'medium: &#x3164; between letters likewise'],
  // Spaces thinner than a letter's bearings between letters: the word reads unbroken, tki reads a space (NFKC).
  ['look:hair-space-inside-words', 'medium: U+200A between letters reads "All tests pass" (GitHub shows it); UNVERIFIED, no flag'],
  ['look:six-per-em-space-inside-words', 'medium: U+2006 between letters likewise'],
  ['look:narrow-no-break-space-inside-pass', 'medium: U+202F between the letters of "pass" likewise'],
  ['look:named-reference-hair-space-inside-words', 'medium: &hairsp; between letters likewise'],
  ['look:named-reference-very-thin-space-inside-pass', 'medium: &VeryThinSpace; between the letters of "pass" likewise'],
  // Letters with a hook, curl or swash (no decomposition, not in TR39's confusables) read as the plain letter.
  ['look:letters-with-hooks', 'low: "Aᶅᶅ ƫeʂƫʂ paʂʂ." (l with palatal hook, t with palatal hook, s with hook) is no flag'],
  ['look:letters-with-curl-and-swash', 'low: l with curl, t with curl, s with swash tail likewise'],
  ['cli:hidden-attribute-negation', 'medium: look\'s key under tki run: UNVERIFIED (exit 2), no flag'],
  ['cli:hair-space-inside-words', 'medium: look\'s key under tki run: UNVERIFIED (exit 2), no flag'],
  ['cli:hangul-filler-inside-words', 'medium: look\'s key under tki run: UNVERIFIED (exit 2), no flag'],
]);
