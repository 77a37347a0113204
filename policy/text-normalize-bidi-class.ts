/**
 * The Bidi_Class of a code point (UAX #9, table 4), as far as the display-order reading of
 * text-normalize-bidi.ts needs it: every class the algorithm distinguishes, exact for ASCII, the
 * Latin-1 punctuation, the explicit controls and marks, digits of the common scripts, and by block
 * for the right-to-left scripts (Hebrew and the other R blocks, Arabic and the other AL blocks).
 * Elsewhere the general category decides (letters L, marks NSM, spaces WS, punctuation and symbols
 * ON, format and control characters BN). An approximation off the listed code points can only move a
 * neutral's direction; the words the text rules read are Latin letters (L) and ASCII digits (EN).
 *
 * Classes are small numbers (1–23, 0 meaning "not looked up yet" in the cache below), so that the
 * algorithm keeps them in typed arrays and tests sets of them with one bit mask (`maskOf`).
 */
export const Bidi = {
  L: 1, R: 2, AL: 3, EN: 4, ES: 5, ET: 6, AN: 7, CS: 8, NSM: 9, BN: 10, B: 11, S: 12, WS: 13, ON: 14,
  LRE: 15, LRO: 16, RLE: 17, RLO: 18, PDF: 19, LRI: 20, RLI: 21, FSI: 22, PDI: 23,
} as const;

export type BidiClass = (typeof Bidi)[keyof typeof Bidi];

/** One bit per class: `(mask >> type) & 1` tests membership without a Set. */
export function maskOf(...types: readonly BidiClass[]): number {
  return types.reduce((mask, type) => mask | (1 << type), 0);
}

const EXPLICIT: ReadonlyMap<number, BidiClass> = new Map<number, BidiClass>([
  [0x202a, Bidi.LRE], [0x202b, Bidi.RLE], [0x202c, Bidi.PDF], [0x202d, Bidi.LRO], [0x202e, Bidi.RLO],
  [0x2066, Bidi.LRI], [0x2067, Bidi.RLI], [0x2068, Bidi.FSI], [0x2069, Bidi.PDI],
  [0x200e, Bidi.L], [0x200f, Bidi.R], [0x061c, Bidi.AL],
]);

const PARAGRAPH_SEPARATORS = new Set([0x0a, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2029]);
/** A character of class B (a text without one is one paragraph). */
export const PARAGRAPH_SEPARATOR = new RegExp(`[${[...PARAGRAPH_SEPARATORS].map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`);
const SEGMENT_SEPARATORS = new Set([0x09, 0x0b, 0x1f]);
const EUROPEAN_SEPARATORS = new Set([0x2b, 0x2d, 0x207a, 0x207b, 0x208a, 0x208b, 0x2212, 0xfb29, 0xfe62, 0xfe63, 0xff0b, 0xff0d]);
const COMMON_SEPARATORS = new Set([0x2c, 0x2e, 0x2f, 0x3a, 0xa0, 0x060c, 0x202f, 0x2044, 0xfe50, 0xfe52, 0xfe55, 0xff0c, 0xff0e, 0xff0f, 0xff1a]);
const EUROPEAN_TERMINATORS = new Set([0x23, 0x24, 0x25, 0xa2, 0xa3, 0xa4, 0xa5, 0xb0, 0xb1, 0x0609, 0x060a, 0x066a, 0x2030, 0x2031, 0x2032, 0x2033, 0x2034, 0x212e, 0x2213, 0xfe5f, 0xfe69, 0xfe6a, 0xff03, 0xff04, 0xff05, 0xffe0, 0xffe1, 0xffe5, 0xffe6]);

function inRange(code: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([low, high]) => code >= low && code <= high);
}

const EUROPEAN_DIGITS: ReadonlyArray<readonly [number, number]> = [[0x30, 0x39], [0xb2, 0xb3], [0xb9, 0xb9], [0x06f0, 0x06f9], [0x2070, 0x2070], [0x2074, 0x2079], [0x2080, 0x2089], [0x2488, 0x249b], [0xff10, 0xff19], [0x1d7ce, 0x1d7ff]];
const ARABIC_NUMBERS: ReadonlyArray<readonly [number, number]> = [[0x0600, 0x0605], [0x0660, 0x0669], [0x066b, 0x066c], [0x06dd, 0x06dd], [0x0890, 0x0891], [0x08e2, 0x08e2], [0x10e60, 0x10e7e]];
const RIGHT_TO_LEFT: ReadonlyArray<readonly [number, number]> = [[0x0590, 0x05ff], [0x07c0, 0x085f], [0xfb1d, 0xfb4f], [0x10800, 0x10cff], [0x10d40, 0x10eff], [0x10f70, 0x10fff], [0x1e800, 0x1ec6f], [0x1ed50, 0x1edff], [0x1ef00, 0x1efff]];
const ARABIC_LETTERS: ReadonlyArray<readonly [number, number]> = [[0x0600, 0x07bf], [0x0860, 0x08ff], [0xfb50, 0xfdcf], [0xfdf0, 0xfdff], [0xfe70, 0xfeff], [0x10d00, 0x10d3f], [0x10ec0, 0x10eff], [0x10f30, 0x10f6f], [0x1ec70, 0x1ecbf], [0x1ed00, 0x1ed4f], [0x1ee00, 0x1eeff]];

const MARK = /^[\p{Mn}\p{Me}]$/u;
const FORMAT_OR_CONTROL = /^[\p{Cf}\p{Cc}]$/u;
const SPACE = /^[\p{Zs}\u2028\f]$/u;
const NEUTRAL = /^[\p{P}\p{S}\p{No}\p{Zl}]$/u;

function classOf(code: number): BidiClass {
  const explicit = EXPLICIT.get(code);
  if (explicit !== undefined) return explicit;
  if (PARAGRAPH_SEPARATORS.has(code)) return Bidi.B;
  if (SEGMENT_SEPARATORS.has(code)) return Bidi.S;
  if (EUROPEAN_SEPARATORS.has(code)) return Bidi.ES;
  if (COMMON_SEPARATORS.has(code)) return Bidi.CS;
  if (EUROPEAN_TERMINATORS.has(code) || (code >= 0x20a0 && code <= 0x20cf)) return Bidi.ET;
  if (inRange(code, EUROPEAN_DIGITS)) return Bidi.EN;
  if (code < 0x80 && /[A-Za-z]/.test(String.fromCharCode(code))) return Bidi.L;
  const char = String.fromCodePoint(code);
  if (MARK.test(char)) return Bidi.NSM;
  if (inRange(code, ARABIC_NUMBERS)) return Bidi.AN;
  if (FORMAT_OR_CONTROL.test(char)) return Bidi.BN;
  if (SPACE.test(char)) return Bidi.WS;
  if (inRange(code, RIGHT_TO_LEFT)) return NEUTRAL.test(char) ? Bidi.ON : Bidi.R;
  if (inRange(code, ARABIC_LETTERS)) return NEUTRAL.test(char) && code !== 0x061b && code !== 0x061f ? Bidi.ON : Bidi.AL;
  return NEUTRAL.test(char) ? Bidi.ON : Bidi.L;
}

/**
 * The class of each BMP code point once looked up (0: not yet), so a page of Hebrew asks the range
 * tables and the category patterns once per distinct letter, not once per letter (the classes never
 * change); a lookup is then one typed-array read. Filled lazily: the whole BMP up front would cost
 * every process (the ESLint rules too) 65,536 regex tests at start-up.
 */
const BMP_CLASSES = new Uint8Array(0x10000);

export function bidiClassOf(code: number): BidiClass {
  // Astral code points are rare in prose and not cached (a map of them would grow with hostile text).
  if (code > 0xffff) return classOf(code);
  const known = BMP_CLASSES[code] as number;
  if (known !== 0) return known as BidiClass;
  const type = classOf(code);
  BMP_CLASSES[code] = type;
  return type;
}
