// The TR39 confusables table (Unicode 13.0.0 confusables.txt as a JSON object: one source code
// point → its prototype), shipped by nodeca's `unhomoglyph`. Only its data is used: its own
// function builds one 6,000-way alternation regex, which costs per character what a map lookup does not.
import confusablesData from 'unhomoglyph/data.json' with { type: 'json' };
import { REORDERS, visualOrders, visualOrdersOfEach, type ParagraphChoice, type VisualOrders, type VisualSpans, type VisualText } from './text-normalize-bidi.js';
import { Bidi, bidiClassOf, PARAGRAPH_SEPARATOR } from './text-normalize-bidi-class.js';
import { meetsNeeds, presenceOf, type PatternShape } from './text-normalize-needs.js';
import { paragraphsToLayOut, type ParagraphCharacters } from './text-normalize-scope.js';
import { joinedLetters, type JoinedLetters } from './text-normalize-spacing.js';
import { LETTERS_WITH_ATTACHED_MARKS } from './text-normalize-marked-letters.js';
import { oneByteCopy, oneByteWhenAscii } from './text-normalize-one-byte.js';

/**
 * The one text normalization in front of every text rule (SPEC §3): verdict tokens, prose PASS
 * assertions, global-denial wording and authority wording all match on the *matching form* of a
 * text, never on the text itself, so that a look-alike spelling gets the same finding as its ASCII
 * twin. Per code point:
 *   1. compatibility decomposition (NFKD: NFKC followed by the skeleton's own NFD),
 *   2. default-ignorable and format characters removed (zero-width, bidi, tags, variation selectors),
 *   3. (caseless form only) lower-cased,
 *   4. the TR39 confusable skeleton: each code point replaced by its prototype, then NFD again, and
 *      nonspacing and enclosing marks removed (beyond TR39: `P̸A̶SS`, `PÁSS` and `P⃝A⃝S⃝S⃝` read as `PASS`),
 *   5. (caseless form only) lower-cased again and mapped again until stable (a prototype's lower
 *      case may have a prototype of its own); where that ends outside ASCII, the skeleton taken
 *      before lower-casing (Cherokee and Armenian capitals) or of the upper case (Cherokee small
 *      letters) is used when it reaches ASCII; runs of white space collapsed to one space.
 * Before step 1, an enclosed letter or number that NFKD leaves alone or brackets (🅰, ❷, ⒜) becomes
 * the letter or number it encloses, and an interlinear annotation's separator or terminator a space.
 * Everything is per code point, so the cost is linear and every output unit knows the original
 * code point it came from: findings point at offsets in the original text. (Canonical reordering
 * of combining marks is the one NFD step this skips; no rule pattern contains a combining mark.)
 */
const CONFUSABLES = confusablesData as Record<string, string>;
// Letters with a hook, curl or tail that TR39 leaves alone (round 17): the letter itself; they win over the table.
const ATTACHED_MARK_LETTERS: ReadonlyMap<string, string> = new Map(LETTERS_WITH_ATTACHED_MARKS.map(([code, letter]) => [String.fromCodePoint(code), letter] as const));

/**
 * Stand-ins for I and i that TR39's table leaves out (round 20; docs/inspector.md step 4): vertical
 * strokes that look like I in the fonts GitHub uses. U+2502 is also U+FFE8's NFKD (TR39 gives U+FFE8
 * the prototype `l`, but step 1 runs first). They win over the table, as the attached-mark letters do.
 */
const EXTRA_STAND_INS: ReadonlyMap<string, string> = new Map([
  ['\u2502', 'l'], // │ box drawings light vertical
  ['\u0964', 'l'], // । Devanagari danda
  ['\u2758', 'l'], // ❘ light vertical bar
  ['\u23A2', 'l'], // ⎢ left square bracket extension
  ['\u00A6', 'l'], // ¦ broken bar
  ['\u00A1', 'i'], // ¡ inverted exclamation mark
]);

/**
 * A code point's prototype, looked up in the parsed table itself: copying its 6,000 entries into a
 * Map cost ≈ 20 ms of every process that loads the text rules (the guard's included), at import.
 */
function prototypeOf(unit: string): string | undefined {
  return ATTACHED_MARK_LETTERS.get(unit) ?? EXTRA_STAND_INS.get(unit) ?? (Object.hasOwn(CONFUSABLES, unit) ? CONFUSABLES[unit] : undefined);
}

const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
/** Nonspacing and enclosing marks (U+20DD–U+20E4 draw a circle, square or keycap around the letter before them). */
const NONSPACING_MARK = /[\p{Mn}\p{Me}]/gu;

/**
 * Enclosed letters and digits that NFKD leaves alone or decomposes with brackets (issue 13, round
 * 11): [first code point, last, what the first stands for]; the others follow in order. A reader
 * sees 🅰 (negative squared), 🅐 (negative circled), 🇦 (regional indicator), ⒜ and 🄐
 * (parenthesized), ❷ ➁ ➋ ⓶ ⓫ (dingbat and double circled) as the letter or number they enclose.
 */
const ENCLOSED_RUNS: ReadonlyArray<readonly [number, number, string | number]> = [
  [0x2474, 0x2487, 1], // ⑴–⒇ parenthesized 1–20
  [0x249c, 0x24b5, 'a'], // ⒜–⒵ parenthesized small letters
  [0x24eb, 0x24f4, 11], // ⓫–⓴ negative circled 11–20
  [0x24f5, 0x24fe, 1], // ⓵–⓾ double circled 1–10
  [0x24ff, 0x24ff, 0], // ⓿ negative circled 0
  [0x2776, 0x277f, 1], // ❶–❿ dingbat negative circled 1–10
  [0x2780, 0x2789, 1], // ➀–➉ dingbat circled sans-serif 1–10
  [0x278a, 0x2793, 1], // ➊–➓ dingbat negative circled sans-serif 1–10
  [0x1f10b, 0x1f10c, 0], // 🄋 🄌 dingbat (negative) circled sans-serif 0
  [0x1f110, 0x1f129, 'A'], // 🄐–🄩 parenthesized capitals
  [0x1f150, 0x1f169, 'A'], // 🅐–🅩 negative circled capitals
  [0x1f170, 0x1f189, 'A'], // 🅰–🆉 negative squared capitals
  [0x1f1e6, 0x1f1ff, 'A'], // 🇦–🇿 regional indicators
];

/** Enclosed letters without a letter or number category (So): a sentence of them is still read (claim-index.ts). */
export const ENCLOSED_LETTER = /[\u249c-\u24e9\u{1f110}-\u{1f129}\u{1f130}-\u{1f149}\u{1f150}-\u{1f169}\u{1f170}-\u{1f189}\u{1f1e6}-\u{1f1ff}]/u;

/**
 * Interlinear annotation separator and terminator: the annotation is drawn apart from its base text
 * (`\uFFF9All tests pass\uFFFAok\uFFFB` reads "All tests pass", annotated "ok"), so each is a word
 * boundary; the anchor is removed like the other format characters.
 */
const ANNOTATION_BOUNDARY = /^[\uFFFA\uFFFB]$/;

/** What an enclosed letter or number, or an annotation boundary, stands for; undefined for any other code point. */
function enclosedBase(char: string): string | undefined {
  if (ANNOTATION_BOUNDARY.test(char)) return ' ';
  const code = char.codePointAt(0) ?? 0;
  for (const [first, last, base] of ENCLOSED_RUNS) {
    if (code < first || code > last) continue;
    return typeof base === 'number' ? String(base + code - first) : String.fromCharCode(base.charCodeAt(0) + code - first);
  }
  return undefined;
}

function prototypesOf(text: string): string {
  let skeleton = '';
  for (const unit of text.normalize('NFD')) skeleton += prototypeOf(unit) ?? unit;
  // Nonspacing and enclosing marks go too (our choice, beyond TR39): a mark on a letter must not split a word.
  return skeleton.normalize('NFD').replace(NONSPACING_MARK, '');
}

/** Prototypes of prototypes, lower-cased between rounds (U+ABB2 → U+1D18 small capital P → …); a few rounds reach a fixed point. */
function caselessSkeleton(text: string): string {
  let form = text.toLowerCase();
  for (let round = 0; round < 3; round += 1) {
    const next = prototypesOf(form).toLowerCase();
    if (next === form) break;
    form = next;
  }
  return form;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The caseless form lower-cases first (`I` stays `i`, not the prototype of capital I, `l`), which
 * loses the mapping of capitals whose lower case has no prototype (U+13E2 Ꮲ → P, but its lower case
 * U+ABB2 → small capital ᴘ; U+054F Տ → S, its lower case none). When that form is not ASCII, the
 * skeleton of the character itself, then of its upper case, are tried: the first that reaches ASCII wins.
 */
function skeletonOfCodePoint(char: string, caseless: boolean): string {
  const base = enclosedBase(char);
  if (base !== undefined) return [...base].map((part) => (part === ' ' ? part : skeletonOfCodePoint(part, caseless))).join('');
  const decomposed = char.normalize('NFKD').replace(IGNORABLE, '');
  if (!caseless) return prototypesOf(decomposed);
  return caselessLetterOf(caselessOfDecomposed(decomposed));
}

function caselessOfDecomposed(decomposed: string): string {
  const lowerFirst = caselessSkeleton(decomposed);
  if (ASCII_ONLY.test(lowerFirst)) return lowerFirst;
  for (const candidate of [decomposed, decomposed.toUpperCase()]) {
    const form = caselessSkeleton(prototypesOf(candidate));
    if (ASCII_ONLY.test(form)) return form;
  }
  return lowerFirst;
}

/**
 * `i` and `l` are one letter in the caseless form. TR39 gives capital I the prototype `l`, and so
 * every caseless stand-in for it (Lisu U+A4F2, the dental click U+01C0, U+2223 DIVIDES, `1`, `|`);
 * lower-casing first turns the twin's `I` into `i`, so "EX\uA4F2ST" and "EXIST" parted (round 19).
 * Patterns take the same form, so a rule written with `i` matches either; a text that differs from
 * a phrase only by i/l reads as the phrase (strict, as every look-alike here).
 */
function caselessLetterOf(form: string): string {
  return form.includes('i') ? form.replaceAll('i', 'l') : form;
}

function memoized(caseless: boolean): (char: string) => string {
  const cache = new Map<string, string>();
  return (char) => {
    let mapped = cache.get(char);
    if (mapped === undefined) {
      mapped = skeletonOfCodePoint(char, caseless);
      // The cache only grows with distinct code points (at most ~1.1M); fine for one run.
      cache.set(char, mapped);
    }
    return mapped;
  };
}

const mapCaseless = memoized(true);
const mapCased = memoized(false);

/** The caseless matching form of each ASCII character (`A`→`a`, `0`→`o`, `1`→`l`, `m`→`rn`, `"`→`''`, …). */
const ASCII_FORMS: readonly string[] = Array.from({ length: 128 }, (_, code) => mapCaseless(String.fromCharCode(code)));
const ASCII_CHANGED = ASCII_FORMS.map((form, code) => (form === String.fromCharCode(code) ? '' : `\\x${code.toString(16).padStart(2, '0')}`)).join('');

/**
 * What needs mapping: a run of white space (collapsed to one space), any non-ASCII code point, and
 * the few ASCII characters whose form differs. Everything else is copied as it is by the regex
 * engine itself, so a long ASCII text costs about what one native replace costs.
 */
const WHITE = '[^\\S\\uFEFF]';
const IGNORED = '[\\p{Default_Ignorable_Code_Point}\\p{Cf}]';
/** A run of white space, with any invisible characters inside or after it, becomes one space (no leading part: linear scan). */
const SPACE_RUN = `${WHITE}(?:${WHITE}|${IGNORED})*`;
const NEEDS_MAPPING = new RegExp(`(${SPACE_RUN})|[^\\x00-\\x7f]|[${ASCII_CHANGED}]`, 'gu');
const NON_ASCII = /[^\x00-\x7f]/;
/** The non-ASCII units isWhiteUnit holds white, and any other non-ASCII unit. */
const NON_ASCII_WHITE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const NON_ASCII_NON_WHITE = /[^\x00-\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** The ASCII characters whose form is not their lower case, with that form (`0`→`o`, `m`→`rn`, …), for the native fast path. */
const ASCII_REPLACEMENTS: ReadonlyArray<readonly [string, string]> = ASCII_FORMS.flatMap((form, code) => {
  const lower = String.fromCharCode(code).toLowerCase();
  return lower === String.fromCharCode(code) && form !== lower ? [[lower, form] as const] : [];
});

/** Every ASCII character's caseless form as UTF-16 code units; white space is collapsed apart (a run becomes one space). */
const ASCII_FORM_UNITS: ReadonlyArray<readonly number[]> = ASCII_FORMS.map((form) => Array.from(form, (char) => char.charCodeAt(0)));
const ASCII_WHITE: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);
/** ASCII characters whose form leaves Latin-1 (`%` → `º/₀`): a text holding one is written as UTF-16. */
const WIDE_CODES = ASCII_FORM_UNITS.flatMap((units, code) => (units.some((unit) => unit > 0xff) ? [`\\x${code.toString(16).padStart(2, '0')}`] : [])).join('');
const WIDE_FORM = WIDE_CODES === '' ? /(?!)/ : new RegExp(`[${WIDE_CODES}]`);
const WHITE_TABLE = Uint8Array.from({ length: 128 }, (_, code) => (ASCII_WHITE.has(code) ? 1 : 0));
/** The form's one code unit, or -1 where the form is longer (`m` → `rn`). */
const SINGLE_UNIT = Int32Array.from(ASCII_FORM_UNITS, (units) => (units.length === 1 ? (units[0] ?? -1) : -1));

function formLength(original: string): number {
  let length = 0;
  let inWhite = false;
  for (let index = 0; index < original.length; index += 1) {
    const code = original.charCodeAt(index);
    if (WHITE_TABLE[code] === 1) {
      if (!inWhite) length += 1;
      inWhite = true;
      continue;
    }
    inWhite = false;
    length += ASCII_FORM_UNITS[code]?.length ?? 1;
  }
  return length;
}

/** Below this length the native passes are cheaper than a table walk's buffers. */
const TABLE_WALK_MIN_LENGTH = 4096;

/**
 * Whether V8 interprets this program: `--jitless`, as the inspector runs inside the sandbox, where
 * V8 leaves WebAssembly out too (it needs executable memory). Interpreted, the table walk's loop is
 * its bytecodes per character, and the native passes cost half as much on prose (a 5.6 MB dossier:
 * 650–1,050 → 260–500 CPU-ms) and about the same on table rows full of `|` and digits; with the JIT
 * the walk is 4–10× cheaper than the passes. A JIT without WebAssembly (`--no-expose-wasm` alone)
 * takes the passes too: the same form, only slower.
 */
export const ENGINE_INTERPRETS = typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'object';

/**
 * Interpreted, texts longer than this still go by the table walk: each native pass copies the whole
 * text (large strings wait for a full collection), and on table rows such as a large report.md's
 * the passes save nothing. 8 Mi units is the dossier's own limit (maxProseBytes), which the prose
 * and authority scans form whole. (The hostile listings run's peak RSS was 792–865 MiB before the
 * passes and 998–1,015 MiB after, with or without this cap: docs/benchmarks.md, session 17.)
 */
const NATIVE_PASSES_MAX_LENGTH = 8 * 1024 * 1024;

/**
 * A long all-ASCII text by one walk over a byte table: what the native passes below do, without a
 * whole-text copy per replaced character (`replaceAll` of `|` or `0` over a 17 MB report.md cost
 * most of a second each, for hundreds of thousands of matches). Exported for the test that holds
 * it to asciiFormByNativePasses: which one runs depends on the engine (ENGINE_INTERPRETS).
 */
export function asciiFormByTable(original: string): string {
  const wide = WIDE_FORM.test(original);
  // Sized exactly (a first walk counts): an upper bound of 3 units per character touched pages it never needed.
  const out = wide ? new Uint16Array(formLength(original)) : Buffer.allocUnsafe(formLength(original));
  let length = 0;
  let inWhite = false;
  for (let index = 0; index < original.length; index += 1) {
    const code = original.charCodeAt(index);
    if (WHITE_TABLE[code] === 1) {
      if (!inWhite) out[length++] = 0x20;
      inWhite = true;
      continue;
    }
    inWhite = false;
    const single = SINGLE_UNIT[code] ?? -1;
    if (single >= 0) out[length++] = single;
    else for (const unit of ASCII_FORM_UNITS[code] ?? [code]) out[length++] = unit;
  }
  if (out instanceof Buffer) return out.toString('latin1', 0, length);
  return Buffer.from(out.buffer, 0, length * 2).toString('utf16le');
}

/** ASCII and white space: the same result as the per-code-point path, by a table walk (long texts, with a JIT) or native passes. */
function asciiMatchingForm(original: string): string {
  const tableWalk = ENGINE_INTERPRETS ? original.length > NATIVE_PASSES_MAX_LENGTH : original.length >= TABLE_WALK_MIN_LENGTH;
  if (tableWalk && !NON_ASCII.test(original)) return asciiFormByTable(original);
  return asciiFormByNativePasses(original);
}

/** Native string operations, no callback per character (exported for the test that holds the two paths equal). */
export function asciiFormByNativePasses(original: string): string {
  let text = original.toLowerCase().replace(/[^\S\uFEFF]{2,}|[^\S \uFEFF]/g, ' ');
  // Order does not matter: no replacement produces a character that another one replaces (a test checks the two paths agree).
  for (const [from, to] of ASCII_REPLACEMENTS) if (text.includes(from)) text = text.replaceAll(from, to);
  return text;
}

function mapped(match: string, spaceRun: string | undefined): string {
  if (spaceRun !== undefined) return ' ';
  const code = match.charCodeAt(0);
  return match.length === 1 && code < 0x80 ? (ASCII_FORMS[code] ?? match) : mapCaseless(match);
}

/** A text in matching form, with the way back to the original's offsets. */
export interface MatchingText {
  readonly original: string;
  /** The matching form: what the rule patterns run on. */
  readonly text: string;
  /** The original code-unit offset of the code point that produced `text[index]`. */
  originalStart(index: number): number;
  /** The original code-unit offset just past the code point that produced `text[index - 1]`. */
  originalEnd(index: number): number;
  /**
   * The same text in the orders a reader may see it in, when bidi controls or right-to-left letters
   * display it in another order than it is stored (text-normalize-bidi.ts): the paragraphs laid out
   * left to right and, when it differs, at their first strong character's level (GitHub's
   * `dir="auto"`). Their offsets point into `original` too. A rule matches when it matches any form.
   */
  readonly visuals?: readonly MatchingText[];
  /** True for a `visual` form: its matched units come from anywhere in a reversed run (text-normalize-pattern.ts). */
  readonly inVisualOrder?: boolean;
}

/** Where each mapped piece sits in the output and came from in the original; between pieces the text is copied 1:1. */
interface OffsetMap {
  readonly outStarts: number[];
  readonly originalStarts: number[];
  readonly outLengths: number[];
  readonly originalLengths: number[];
}

/**
 * Runs of ASCII and white space (mapped by native operations) and runs of anything else (mapped
 * per code point), each on its own, in formOf and offsetMapOf alike. U+FEFF counts as \s in
 * JavaScript but is a format character here, removed like the others. The other runs are found
 * by one character class without the `u` flag (surrogates are in it, so a pair stays in one run):
 * a `u`-flag or alternation loop over a multi-megabyte ASCII run overflows the regex engine's
 * backtrack stack (a 17 MB report.md did).
 */
const OTHER_RUN = /[^\x00-\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

function forEachSegment(original: string, visit: (part: string, start: number, fast: boolean) => void): void {
  let from = 0;
  for (const other of original.matchAll(OTHER_RUN)) {
    if (other.index > from) visit(original.slice(from, other.index), from, true);
    visit(other[0], other.index, false);
    from = other.index + other[0].length;
  }
  if (from < original.length) visit(from === 0 ? original : original.slice(from), from, true);
}

function offsetMapOf(original: string): OffsetMap {
  const map: OffsetMap = { outStarts: [], originalStarts: [], outLengths: [], originalLengths: [] };
  let outPosition = 0;
  let copiedUpTo = 0;
  forEachSegment(original, (part, base) => {
    part.replace(NEEDS_MAPPING, (match: string, spaceRun: string | undefined, offset: number) => {
      const piece = mapped(match, spaceRun);
      outPosition += base + offset - copiedUpTo;
      map.outStarts.push(outPosition);
      map.originalStarts.push(base + offset);
      map.outLengths.push(piece.length);
      map.originalLengths.push(match.length);
      outPosition += piece.length;
      copiedUpTo = base + offset + match.length;
      return piece;
    });
  });
  return map;
}

function originalOffset(map: OffsetMap, index: number): number {
  let low = 0;
  let high = map.outStarts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((map.outStarts[middle] ?? 0) <= index) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found === -1) return index;
  const outStart = map.outStarts[found] ?? 0;
  const originalStart = map.originalStarts[found] ?? 0;
  const outLength = map.outLengths[found] ?? 0;
  if (index < outStart + outLength) return originalStart;
  return originalStart + (map.originalLengths[found] ?? 0) + (index - outStart - outLength);
}

/** The caseless form of each BMP code point met so far, by code (an array read is cheaper than a string-keyed map). */
const BMP_FORMS: Array<string | undefined> = new Array<string | undefined>(0x10000);

function caselessFormOfUnit(code: number): string {
  let form = BMP_FORMS[code];
  if (form === undefined) {
    form = mapCaseless(String.fromCharCode(code));
    BMP_FORMS[code] = form;
  }
  return form;
}

function unitsOf(form: string): Uint16Array {
  return Uint16Array.from({ length: form.length }, (_, index) => form.charCodeAt(index));
}

/** Each BMP code unit's caseless form as code units (ASCII by its table form), cached by code: copied into the output by one `set`. */
const BMP_FORM_UNITS: Array<Uint16Array | undefined> = new Array<Uint16Array | undefined>(0x10000);

function formUnitsOfUnit(code: number): Uint16Array {
  let units = BMP_FORM_UNITS[code];
  if (units === undefined) {
    units = unitsOf(code < 0x80 ? (ASCII_FORMS[code] ?? '') : caselessFormOfUnit(code));
    BMP_FORM_UNITS[code] = units;
  }
  return units;
}

const ASTRAL_FORM_UNITS = new Map<number, Uint16Array>();

function astralFormUnits(text: string, index: number, codePoint: number): Uint16Array {
  let units = ASTRAL_FORM_UNITS.get(codePoint);
  if (units === undefined) {
    units = unitsOf(mapCaseless(text.slice(index, index + 2)));
    ASTRAL_FORM_UNITS.set(codePoint, units);
  }
  return units;
}

/** JavaScript's `\s` without U+FEFF (a format character here, removed like the others): what SPACE_RUN collapses. */
function isWhiteUnit(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * The form of a text with some non-ASCII code point, by one loop over its char codes: ASCII by
 * its table form, a run of white space as one space (a non-white code point, even an ignorable
 * one that maps to nothing, ends the run, as it ended a segment before), any other code point
 * by its cached form, written unit by unit into one growing buffer, so that a code point costs an
 * array read and allocates nothing. Before, each non-ASCII code point went through a regex
 * callback, and text alternating ASCII and invisible characters (`P\u200BA\u200BS…`) was cut
 * into a segment per character, each with its own native passes (issue 13).
 */
function walkedForm(text: string): string {
  // No closure over `out` and `length`: captured, they would live in a context object and every
  // write would go through it (that alone was a fifth of the time).
  let out: Uint16Array<ArrayBuffer> = new Uint16Array(text.length + 64);
  let length = 0;
  let inWhite = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const single = SINGLE_UNIT_FORMS[code] as number;
    if (single !== 0) {
      if (length === out.length) out = grownBuffer(out, length, 1);
      out[length++] = single;
      inWhite = false;
      continue;
    }
    let units: Uint16Array;
    if (isWhiteUnit(code)) {
      if (inWhite) continue;
      inWhite = true;
      units = SPACE_UNITS;
    } else {
      inWhite = false;
      // The next unit is read only after a high surrogate: one string read per unit, not two.
      const next = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        // An astral code point (a pair).
        units = astralFormUnits(text, index, ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
        index += 1;
      } else {
        units = formUnitsOfUnit(code);
        // A high surrogate may start a pair elsewhere: only the path above reads it.
        if (units.length === 1 && units[0] !== 0 && (code < 0xd800 || code > 0xdbff)) SINGLE_UNIT_FORMS[code] = units[0] as number;
      }
    }
    if (length + units.length > out.length) out = grownBuffer(out, length, units.length);
    if (units.length === 1) out[length++] = units[0] ?? 0;
    else {
      out.set(units, length);
      length += units.length;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, length * 2).toString('utf16le');
}

const SPACE_UNITS = Uint16Array.of(0x20);

/**
 * The form of each BMP code unit met so far whose form is one unit (0: not met yet, or its form is
 * not one nonzero unit, or it is white space or a high surrogate): walkedForm's fast path, one
 * array read and one write per unit (1.2 M units of Hebrew prose with Latin words: 12 → 9 ms).
 */
const SINGLE_UNIT_FORMS = new Uint16Array(0x10000);

function grownBuffer(out: Uint16Array<ArrayBuffer>, length: number, needed: number): Uint16Array<ArrayBuffer> {
  const grown = new Uint16Array(Math.max(out.length * 2, length + needed));
  grown.set(out.subarray(0, length));
  return grown;
}

/** Calls of the normalization (a cost counter for the structural tests: batched callers make a few per run, not one per text). */
export const normalizeCounter = { forms: 0 };

function formOf(given: string): string {
  normalizeCounter.forms += 1;
  // A two-byte ASCII text (a rendered view, a visual order) read one-byte: every pass below is native or a regex.
  const original = oneByteWhenAscii(given);
  if (!NON_ASCII.test(original)) return asciiMatchingForm(original);
  // White space is one space in the form whatever its code point (isWhiteUnit): a text that is ASCII
  // but for white space (the lint's strings joined with U+2029 between them) takes the ASCII path,
  // not the walk (interpreted, a JavaScript loop per unit of a 100,000-claim report's strings).
  if (!NON_ASCII_NON_WHITE.test(original)) return asciiMatchingForm(oneByteWhenAscii(original.replace(NON_ASCII_WHITE, ' ')));
  // Parts joined once (in walkedForm): `+=` would build a deep rope the regex engine then flattens.
  return walkedForm(original);
}

/**
 * The caseless matching form of a text (the form every text-rule pattern runs on). `only`: the
 * caller runs only these rules on the result, so its visual forms lay out only the paragraphs the
 * rules may match in (text-normalize-scope.ts).
 */
export function toMatchingText(given: string, only?: readonly PatternShape[]): MatchingText {
  const original = oneByteWhenAscii(given);
  return matchingTextOf(original, formOf(original), only);
}

/** The visual orders that differ from the stored one, in a list (left to right first). */
function visualTextsOf(orders: VisualOrders): VisualText[] {
  const texts: VisualText[] = [];
  if (orders.leftToRight !== undefined) texts.push(orders.leftToRight);
  if (orders.firstStrong !== undefined) texts.push(orders.firstStrong);
  return texts;
}

function matchingTextOf(original: string, text: string, rules?: readonly PatternShape[]): MatchingText {
  const only = rules === undefined || !REORDERS.test(original) ? undefined : paragraphChoice(original, text, rules);
  const visuals = only === 'none' ? [] : visualTextsOf(visualOrders(original, undefined, only));
  const forms: MatchingText[] = visuals.map((visual) => new VisualOrderText(original, spansOf(visual), 0, formOf(visual.text)));
  return new StoredOrderText(original, text, withJoinedReading(original, forms));
}

/**
 * The other forms of a text with its joined reading added (text-normalize-spacing.ts: letter spacing,
 * hair spaces inside a word), or undefined when there are none: a rule matches when any form matches.
 */
function withJoinedReading(original: string, forms: MatchingText[]): readonly MatchingText[] | undefined {
  const joined = joinedLetters(original);
  if (joined !== undefined) forms.push(new JoinedText(original, joined));
  return forms.length === 0 ? undefined : forms;
}

/** The paragraphs worth laying out for `rules` (`form`: the text's matching form): all (undefined), none, or some. */
function paragraphChoice(original: string, form: string, rules: readonly PatternShape[]): ParagraphChoice | undefined | 'none' {
  // One paragraph (a rendered text: its line breaks are spaces): its window is the whole text.
  if (!PARAGRAPH_SEPARATOR.test(original)) {
    const present = presenceOf(form);
    return rules.some((rule) => meetsNeeds(rule.needs, present)) ? undefined : 'none';
  }
  const paragraphs = paragraphCharactersOf(original);
  const laidOut = paragraphsToLayOut(paragraphs, rules);
  if (!laidOut.includes(0)) return undefined;
  return laidOut.includes(1) ? { ends: paragraphs.ends, laidOut } : 'none';
}

/** JavaScript's `\s` on one unit of a form (what a pattern's `\s` matches). */
function isSpaceUnit(unit: number): boolean {
  return isWhiteUnit(unit) || unit === 0xfeff;
}

/**
 * Each paragraph's end, the ASCII characters of its matching form and its units that are not white
 * space (text-normalize-scope.ts), from one walk over the code units as walkedForm reads them (a
 * white-space code point is a space, any other its cached form) and their bidi classes (a B ends a
 * paragraph, as text-normalize-bidi.ts `paragraphEnd` finds it). No closures: see walkedForm.
 */
function paragraphCharactersOf(original: string): ParagraphCharacters {
  let paragraphs = new ParagraphTable(16);
  const words = new Int32Array(4);
  let solid = 0;
  for (let index = 0; index < original.length; index += 1) {
    const code = original.charCodeAt(index);
    const single = SINGLE_UNIT_FORMS[code] as number;
    if (single !== 0) {
      if (single < 128) words[single >> 5] = (words[single >> 5] as number) | (1 << (single & 31));
      if (!isSpaceUnit(single)) solid += 1;
    } else if (isWhiteUnit(code)) words[1] = (words[1] as number) | 1;
    else {
      const next = code >= 0xd800 && code <= 0xdbff && index + 1 < original.length ? original.charCodeAt(index + 1) : 0;
      const pair = next >= 0xdc00 && next <= 0xdfff;
      const units = pair ? astralFormUnits(original, index, ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000) : formUnitsOfUnit(code);
      for (const unit of units) {
        if (unit < 128) words[unit >> 5] = (words[unit >> 5] as number) | (1 << (unit & 31));
        if (!isSpaceUnit(unit)) solid += 1;
      }
      if (pair) index += 1;
    }
    // B is never a surrogate: a unit's class is its code point's.
    if (bidiClassOf(code) === Bidi.B) {
      paragraphs = paragraphs.closed(index + 1, words, solid);
      solid = 0;
    }
  }
  if (paragraphs.count === 0 || paragraphs.ends[paragraphs.count - 1] !== original.length) paragraphs = paragraphs.closed(original.length, words, solid);
  return paragraphs;
}

/** ParagraphCharacters being written, grown by doubling. */
class ParagraphTable implements ParagraphCharacters {
  count = 0;
  readonly ends: Int32Array;
  readonly masks: Uint32Array;
  readonly solid: Float64Array;

  constructor(readonly capacity: number) {
    this.ends = new Int32Array(capacity);
    this.masks = new Uint32Array(capacity * 4);
    this.solid = new Float64Array(capacity);
  }

  /** This table (or a larger copy) with one more paragraph; `words` are its characters, cleared here (capitals add their lower case). */
  closed(end: number, words: Int32Array, solid: number): ParagraphTable {
    let table: ParagraphTable = this;
    if (this.count === this.capacity) {
      table = new ParagraphTable(this.capacity * 2);
      table.ends.set(this.ends);
      table.masks.set(this.masks);
      table.solid.set(this.solid);
      table.count = this.count;
    }
    // A–Z are bits 1–26 of word 2, a–z the same bits of word 3.
    words[3] = (words[3] as number) | ((words[2] as number) & 0x07fffffe);
    table.ends[table.count] = end;
    table.masks.set(words, table.count * 4);
    table.solid[table.count] = solid;
    table.count += 1;
    words.fill(0);
    return table;
  }
}

/** One visual text as a batch of one. */
function spansOf(visual: VisualText): VisualSpans {
  return { text: visual.text, offsets: visual.originalOffsets, starts: [0], ends: [visual.text.length] };
}

/** The original code-unit offset just past the code point at `start`. */
function endOfCodePoint(original: string, start: number): number {
  const code = original.codePointAt(start) ?? 0;
  return Math.min(original.length, start + (code > 0xffff ? 2 : 1));
}

/**
 * A text in matching form, in stored order. Classes, not closures: a batch of sentences makes one
 * object per form instead of an object, its closures and their context (issue 13: the collections
 * of those were a third of the display-order cost of Hebrew sentences).
 */
class StoredOrderText implements MatchingText {
  /** Built only when a finding needs it: most texts have none. */
  private offsets: OffsetMap | undefined;

  constructor(
    readonly original: string,
    readonly text: string,
    readonly visuals?: readonly MatchingText[],
  ) {}

  originalStart(index: number): number {
    this.offsets ??= offsetMapOf(this.original);
    return Math.min(this.original.length, originalOffset(this.offsets, Math.max(0, Math.min(index, this.text.length))));
  }

  originalEnd(index: number): number {
    return index <= 0 ? 0 : endOfCodePoint(this.original, this.originalStart(index - 1));
  }
}

/**
 * The matching form of span `span` of a batch of visual texts, its offsets taken back through the
 * reordering into the original. The visual text itself is sliced from the batch only when a
 * finding needs its offsets.
 */
class VisualOrderText implements MatchingText {
  readonly inVisualOrder = true;
  /** The form's offsets into the visual text (made on first use). */
  private reordered: StoredOrderText | undefined;

  constructor(
    readonly original: string,
    private readonly spans: VisualSpans,
    private readonly span: number,
    readonly text: string,
  ) {}

  private back(visualIndex: number): number {
    const start = this.spans.starts[this.span] ?? 0;
    const length = (this.spans.ends[this.span] ?? 0) - start;
    return length === 0 ? 0 : (this.spans.offsets[start + Math.min(visualIndex, length - 1)] ?? 0);
  }

  originalStart(index: number): number {
    this.reordered ??= new StoredOrderText(this.spans.text.slice(this.spans.starts[this.span], this.spans.ends[this.span]), this.text);
    return this.back(this.reordered.originalStart(index));
  }

  originalEnd(index: number): number {
    return index <= 0 ? 0 : endOfCodePoint(this.original, this.originalStart(index - 1));
  }
}

/** The matching form of a text's joined reading (text-normalize-spacing.ts), its offsets taken back to the original. */
class JoinedText implements MatchingText {
  readonly text: string;
  private readonly joined: StoredOrderText;

  constructor(
    readonly original: string,
    private readonly letters: JoinedLetters,
  ) {
    this.text = formOf(letters.text);
    this.joined = new StoredOrderText(letters.text, this.text);
  }

  originalStart(index: number): number {
    const inJoined = this.joined.originalStart(index);
    return inJoined >= this.letters.offsets.length ? this.original.length : (this.letters.offsets[inJoined] ?? 0);
  }

  originalEnd(index: number): number {
    return index <= 0 ? 0 : endOfCodePoint(this.original, this.originalStart(index - 1));
  }
}

/** The caseless matching form alone. */
export function matchingForm(text: string): string {
  return formOf(text);
}

/** Never changed by the form and never merged with a neighbour: U+0000 is no white space, no format character, no confusable. */
const BATCH_SEPARATOR = '\u0000';

/**
 * The matching forms of many texts from one pass over their concatenation (issue 13: a fixed cost
 * per call, paid 100,000 times, was most of the prose scan). Exact: every step maps one code point
 * or one white-space run at a time, and U+0000 between the texts is kept as it is and ends any run.
 * Texts that contain U+0000 themselves are formed one by one.
 */
export function matchingForms(texts: readonly string[]): string[] {
  if (texts.length < 2 || texts.some((text) => text.includes(BATCH_SEPARATOR))) return texts.map(formOf);
  const forms = formOf(texts.join(BATCH_SEPARATOR)).split(BATCH_SEPARATOR);
  // A safety net: the count can only differ if the form ever produced or removed U+0000.
  return forms.length === texts.length ? forms : texts.map(formOf);
}

/**
 * toMatchingText for many texts, their forms computed in one pass (matchingForms), and the forms
 * of their visual orders in another: formed one by one, 18,000 Hebrew sentences paid a fixed cost
 * per call that was most of their prose scan (issue 13). `leadingLevels[i]` 1: text i is part of a
 * right-to-left paragraph (a sentence of one), whatever its own first strong character
 * (text-normalize-bidi.ts `visualOrders`). `mayMatchReordered(form)` false: the caller's rules
 * cannot match the text in any order of its characters (text-normalize-pattern.ts), so it gets no
 * visual form (plain Hebrew prose, whose letters' forms are `l`, `o` and `v` at most).
 */
export function toMatchingTexts(given: readonly string[], leadingLevels?: readonly number[], mayMatchReordered?: (form: string) => boolean): MatchingText[] {
  const originals = oneByteTexts(given);
  const forms = matchingForms(originals);
  const wanted = (index: number): boolean => {
    const form = forms[index];
    return mayMatchReordered === undefined || form === undefined || mayMatchReordered(form);
  };
  const batch = visualOrdersOfEach(originals, leadingLevels, wanted);
  const leftToRightForms = spanForms(batch.leftToRight);
  const firstStrongForms = spanForms(batch.firstStrong);
  return originals.map((original, index) => {
    const form = forms[index] ?? formOf(original);
    const leftToRight = batch.leftToRightSpan[index] ?? -1;
    const firstStrong = batch.firstStrongSpan[index] ?? -1;
    // Left to right first, as visualTextsOf lists them.
    const visuals: MatchingText[] = [];
    if (leftToRight >= 0) visuals.push(new VisualOrderText(original, batch.leftToRight, leftToRight, leftToRightForms[leftToRight] ?? ''));
    if (firstStrong >= 0) visuals.push(new VisualOrderText(original, batch.firstStrong, firstStrong, firstStrongForms[firstStrong] ?? ''));
    return new StoredOrderText(original, form, withJoinedReading(original, visuals));
  });
}

/**
 * The texts as one-byte strings when together they are all ASCII (oneByteWhenAscii, one copy of
 * their concatenation split again): the prose scan's sentences are slices of rendered paragraphs,
 * two-byte, and each one's joined-reading gate and bidi gate are regexes. The same values.
 */
function oneByteTexts(texts: readonly string[]): readonly string[] {
  if (texts.length < 2) return texts;
  const compact = oneByteCopy(texts.join(BATCH_SEPARATOR));
  if (compact === undefined) return texts;
  const split = compact.split(BATCH_SEPARATOR);
  // More parts than texts: some text holds U+0000 itself.
  return split.length === texts.length ? split : texts;
}

/** The matching form of each span of a batch: one pass over the whole (U+0000 between spans), or span by span when a span holds U+0000 itself. */
function spanForms(spans: VisualSpans): string[] {
  const forms = spans.starts.length < 2 ? [] : formOf(spans.text).split(BATCH_SEPARATOR);
  if (forms.length === spans.starts.length) return forms;
  return spans.starts.map((start, span) => formOf(spans.text.slice(start, spans.ends[span])));
}

/** The case-preserving skeleton (NFKD, ignorables removed, TR39 prototypes): for case-sensitive rules such as verdict tokens. */
export function casedSkeleton(text: string): string {
  let result = '';
  for (const char of text) result += mapCased(char);
  return result;
}
