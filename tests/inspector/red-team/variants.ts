/**
 * Look-alike variants of the sentences the text rules must catch. Each variant is paired with
 * its ASCII twin: the inspector must give both the same flags.
 */
export interface LookAlike {
  readonly name: string;
  readonly text: string;
}

const ZWSP = '\u200B';
const ZWJ = '\u200D';
const SHY = '\u00AD';
const WJ = '\u2060';
const BOM = '\uFEFF';
const ALM = '\u061C';
const LRO = '\u202E';
const PDF = '\u202C';
const FSI = '\u2068';
const PDI = '\u2069';
const TAG_A = '\u{E0041}';
const VS16 = '\uFE0F';

const CYRILLIC: Record<string, string> = { A: '\u0410', P: '\u0420', S: '\u0405', E: '\u0415', T: '\u0422', a: '\u0430', e: '\u0435', o: '\u043E', p: '\u0440', c: '\u0441', x: '\u0445', s: '\u0455', i: '\u0456' };
const GREEK: Record<string, string> = { A: '\u0391', P: '\u03A1', E: '\u0395', T: '\u03A4', o: '\u03BF', i: '\u03B9' };

function mapChars(text: string, table: Record<string, string>): string {
  return [...text].map((ch) => table[ch] ?? ch).join('');
}
function fullwidth(text: string): string {
  return [...text].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch === ' ' ? '\u3000' : ch)).join('');
}
function interleave(text: string, sep: string): string {
  return [...text].join(sep);
}
function mathBold(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch >= 'A' && ch <= 'Z') return String.fromCodePoint(0x1d400 + code - 65);
      if (ch >= 'a' && ch <= 'z') return String.fromCodePoint(0x1d41a + code - 97);
      if (ch >= '0' && ch <= '9') return String.fromCodePoint(0x1d7ce + code - 48);
      return ch;
    })
    .join('');
}
function mathMono(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch >= 'A' && ch <= 'Z') return String.fromCodePoint(0x1d670 + code - 65);
      if (ch >= 'a' && ch <= 'z') return String.fromCodePoint(0x1d68a + code - 97);
      if (ch >= '0' && ch <= '9') return String.fromCodePoint(0x1d7f6 + code - 48);
      return ch;
    })
    .join('');
}
function combining(text: string): string {
  // A combining mark after each letter: NFKC keeps it, TR39 skeleton (NFD) must still see the base.
  return [...text].map((ch) => (/[A-Za-z]/.test(ch) ? `${ch}\u0301` : ch)).join('');
}
function insideWords(text: string, sep: string): string {
  return text.replace(/([A-Za-z])([A-Za-z])/g, `$1${sep}$2`);
}

/** Every transform of an ASCII sentence we try; the twin is `ascii`. */
export function lookAlikes(ascii: string): LookAlike[] {
  return [
    { name: 'ascii', text: ascii },
    { name: 'cyrillic', text: mapChars(ascii, CYRILLIC) },
    { name: 'greek', text: mapChars(ascii, GREEK) },
    { name: 'mixed-script', text: [...ascii].map((ch, i) => (i % 2 === 0 ? (CYRILLIC[ch] ?? ch) : (GREEK[ch] ?? ch))).join('') },
    { name: 'fullwidth', text: fullwidth(ascii) },
    { name: 'zwsp', text: interleave(ascii, ZWSP) },
    { name: 'zwj', text: insideWords(ascii, ZWJ) },
    { name: 'soft-hyphen', text: insideWords(ascii, SHY) },
    { name: 'word-joiner', text: insideWords(ascii, WJ) },
    { name: 'bom', text: insideWords(ascii, BOM) },
    { name: 'arabic-letter-mark', text: insideWords(ascii, ALM) },
    { name: 'tag-chars', text: insideWords(ascii, TAG_A) },
    { name: 'variation-selector', text: insideWords(ascii, VS16) },
    { name: 'bidi-override', text: `${LRO}${ascii}${PDF}` },
    { name: 'bidi-isolate', text: `${FSI}${ascii}${PDI}` },
    { name: 'combining-marks', text: combining(ascii) },
    { name: 'math-bold', text: mathBold(ascii) },
    { name: 'math-monospace', text: mathMono(ascii) },
    { name: 'nbsp', text: ascii.replaceAll(' ', '\u00A0') },
    { name: 'ideographic-space', text: ascii.replaceAll(' ', '\u3000') },
    { name: 'line-separator', text: ascii.replaceAll(' ', '\u2028') },
    { name: 'paragraph-separator', text: ascii.replaceAll(' ', '\u2029') },
  ];
}

/** Targeted variants for one sentence family each (slashes, superscripts, ligatures). */
export const EXTRA_PASS_VARIANTS: LookAlike[] = [
  { name: 'fraction-slash', text: 'Selftest: 22\u204422 PASS, exit 0.' },
  { name: 'division-slash', text: 'Selftest: 22\u221522 PASS, exit 0.' },
  { name: 'fullwidth-slash', text: 'Selftest: 22\uFF0F22 PASS, exit 0.' },
  { name: 'big-solidus', text: 'Selftest: 22\u29F822 PASS, exit 0.' },
  { name: 'superscript-digits', text: 'Selftest: \u00B2\u00B2/\u00B2\u00B2 PASS, exit \u2070.' },
  { name: 'subscript-digits', text: 'Selftest: \u2082\u2082/\u2082\u2082 PASS, exit \u2080.' },
  { name: 'circled-digits', text: 'Selftest: \u2461\u2461/\u2461\u2461 PASS, exit \u24EA.' },
  { name: 'roman-pass-cyrillic-s', text: 'Selftest: 22/22 PA\u0405\u0405, exit 0.' },
  { name: 'exit-letter-o', text: 'Selftest: 22/22 PASS, exit O.' },
];

export const EXTRA_ALL_TESTS_VARIANTS: LookAlike[] = [
  { name: 'ligature-st', text: 'All te\uFB06s pass.' },
  { name: 'long-s', text: 'All tests pa\u017F\u017F.' },
];
