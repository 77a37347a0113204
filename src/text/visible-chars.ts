import { matchingForm } from '../../policy/text-normalize.js';

/**
 * Characters a reader sees as something the text rules' normalization (policy/text-normalize.ts:
 * NFKC, ignorables removed, TR39 skeleton) does not turn them into: blanks that are neither white
 * space nor visible (U+2800 BRAILLE PATTERN BLANK, U+3164 HANGUL FILLER, which is default-ignorable
 * and would be removed, joining the words around it), the sharp s (`paß` is `pass` under full case
 * folding; `toLowerCase` keeps it), Latin small capitals (`ᴘᴀss`), and decimal digits of other
 * scripts (`exit ٠` is `exit 0`). Applied before the normalization, per code point.
 * U+180E MONGOLIAN VOWEL SEPARATOR is no blank: it has been a zero-width format character since
 * Unicode 6.3 and is removed by the normalization like the others (`pa\u180Ess` is `pass`).
 */
const BLANKS = new Set([0x2800]);
/**
 * The Hangul fillers: default-ignorable, but a browser (HarfBuzz) draws each as a blank as wide as a
 * Hangul letter, so they read as the ideographic space, a white space the normalization knows. The
 * other blanks (U+00A0, U+2000–U+200A, U+202F, U+3000…) are white space to it already and are kept as
 * written: which blank stands between two letters decides whether they read as one word (letter
 * spacing, hair spaces: policy/text-normalize-spacing.ts; round 17).
 */
const HANGUL_FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0]);
const IDEOGRAPHIC_SPACE = '\u3000';

/** Latin letter small capitals (and the few phonetic letters that are drawn as them) → their letter. */
const SMALL_CAPITALS: ReadonlyMap<number, string> = new Map([
  [0x1d00, 'A'], [0x0299, 'B'], [0x1d04, 'C'], [0x1d05, 'D'], [0x1d07, 'E'], [0xa730, 'F'], [0x0262, 'G'], [0x029c, 'H'],
  [0x026a, 'I'], [0x1d0a, 'J'], [0x1d0b, 'K'], [0x029f, 'L'], [0x1d0d, 'M'], [0x0274, 'N'], [0x1d0f, 'O'], [0x1d18, 'P'],
  [0xa7af, 'Q'], [0x0280, 'R'], [0xa731, 'S'], [0x1d1b, 'T'], [0x1d1c, 'U'], [0x1d20, 'V'], [0x1d21, 'W'], [0x028f, 'Y'],
  [0x1d22, 'Z'], [0x1d01, 'AE'], [0x0276, 'OE'], [0x1d19, 'R'], [0x1d1a, 'R'],
]);

const DECIMAL_DIGIT = /^\p{Nd}$/u;

function isDecimalDigit(codePoint: number): boolean {
  return codePoint > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint));
}

/** Unicode decimal digits come in runs of ten from 0 to 9: the value is the distance from the run's start. */
function digitValue(codePoint: number): number {
  let value = 0;
  while (value < 9 && isDecimalDigit(codePoint - value - 1)) value += 1;
  return value;
}

const ZERO_FORM = matchingForm('0');

/**
 * A decimal digit of another script or style. NFKC first (U+1D7D8 𝟘 is "0": the mathematical digits
 * sit in one unbroken run of fifty, so counting back from the run's start would read it as 9). A
 * script's digit that TR39 draws as the zero's prototype (U+0665 ٥, U+0966 ०, U+0E50 ๐ all look
 * like "o") reads as "0", whatever its value, since that is what a reader sees; any other digit by
 * its value. Either way it is still a digit for every `\d` of a rule (skeletonized `\d` is `[\dol]`).
 */
function digitForm(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  const compatible = char.normalize('NFKC');
  if (/^[0-9]$/.test(compatible)) return compatible;
  if (matchingForm(char) === ZERO_FORM) return '0';
  return String(digitValue(codePoint));
}

/** visibleFormOf by code point, once each (a digit's value takes up to ten property tests); null: kept as it is. */
const VISIBLE_FORMS = new Map<number, string | null>();

/** What a reader sees in place of one code point, or undefined when it is kept as it is. */
export function visibleFormOf(codePoint: number): string | undefined {
  if (codePoint < 0x80) return undefined;
  let form = VISIBLE_FORMS.get(codePoint);
  if (form === undefined) {
    form = uncachedVisibleForm(codePoint) ?? null;
    VISIBLE_FORMS.set(codePoint, form);
  }
  return form ?? undefined;
}

function uncachedVisibleForm(codePoint: number): string | undefined {
  if (BLANKS.has(codePoint)) return ' ';
  if (HANGUL_FILLERS.has(codePoint)) return IDEOGRAPHIC_SPACE;
  if (codePoint === 0x00df) return 'ss';
  if (codePoint === 0x1e9e) return 'SS';
  const small = SMALL_CAPITALS.get(codePoint);
  if (small !== undefined) return small;
  if (isDecimalDigit(codePoint)) return digitForm(codePoint);
  return undefined;
}

/** Whether a text holds any code point that visibleFormOf maps (a fast check before the per-code-point pass). */
export const NEEDS_VISIBLE_FORM = /[\u00df\u0262\u026a\u0274\u0276\u0280\u028f\u0299\u029c\u029f\u115f\u1160\u1d00-\u1d22\u1e9e\u2800\u3164\ua730\ua731\ua7af\uffa0]|(?![0-9])\p{Nd}/u;
