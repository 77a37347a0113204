// The TR39 confusables table (Unicode 13.0.0 confusables.txt as a JSON object: one source code
// point → its prototype), shipped by nodeca's `unhomoglyph`. Only its data is used: its own
// function builds one 6,000-way alternation regex, which costs per character what a map lookup does not.
import confusablesData from 'unhomoglyph/data.json' with { type: 'json' };

/**
 * The one text normalization in front of every text rule (SPEC §3): verdict tokens, prose PASS
 * assertions, global-denial wording and authority wording all match on the *matching form* of a
 * text, never on the text itself, so that a look-alike spelling gets the same finding as its ASCII
 * twin. Per code point:
 *   1. compatibility decomposition (NFKD: NFKC followed by the skeleton's own NFD),
 *   2. default-ignorable and format characters removed (zero-width, bidi, tags, variation selectors),
 *   3. (caseless form only) lower-cased,
 *   4. the TR39 confusable skeleton: each code point replaced by its prototype, then NFD again,
 *   5. (caseless form only) lower-cased again, and runs of white space collapsed to one space.
 * Everything is per code point, so the cost is linear and every output unit knows the original
 * code point it came from: findings point at offsets in the original text. (Canonical reordering
 * of combining marks is the one NFD step this skips; no rule pattern contains a combining mark.)
 */
const PROTOTYPES: ReadonlyMap<string, string> = new Map(Object.entries(confusablesData as Record<string, string>));

const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const WHITE_SPACE = /\s/;

function skeletonOfCodePoint(char: string, caseless: boolean): string {
  const decomposed = char.normalize('NFKD').replace(IGNORABLE, '');
  const cased = caseless ? decomposed.toLowerCase() : decomposed;
  let skeleton = '';
  for (const unit of cased.normalize('NFD')) skeleton += PROTOTYPES.get(unit) ?? unit;
  const result = skeleton.normalize('NFD');
  return caseless ? result.toLowerCase() : result;
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

/** ASCII characters whose caseless skeleton differs from their lower case (`0`→`o`, `1`→`l`, `m`→`rn`, …). */
const ASCII_CHANGES: ReadonlyMap<string, string> = (() => {
  const changes = new Map<string, string>();
  for (let code = 0; code < 128; code += 1) {
    const char = String.fromCharCode(code);
    const mapped = mapCaseless(char);
    if (mapped !== char.toLowerCase()) changes.set(char.toLowerCase(), mapped);
  }
  return changes;
})();
const ASCII_CHANGED = new RegExp(`[${[...ASCII_CHANGES.keys()].map((char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}]`, 'g');
const NON_ASCII = /[^\x00-\x7f]/;

/** A text in matching form, with the way back to the original's offsets. */
export interface MatchingText {
  readonly original: string;
  /** The matching form: what the rule patterns run on. */
  readonly text: string;
  /** The original code-unit offset of the code point that produced `text[index]`. */
  originalStart(index: number): number;
  /** The original code-unit offset just past the code point that produced `text[index - 1]`. */
  originalEnd(index: number): number;
}

/** Walks the original once, code point by code point, producing the matching form and its offset map. */
function buildMatchingForm(original: string): { text: string; starts: Uint32Array; length: number } {
  const parts: string[] = [];
  let starts = new Uint32Array(Math.max(16, original.length + 1));
  let length = 0;
  let lastWasSpace = false;
  let index = 0;
  while (index < original.length) {
    const code = original.codePointAt(index) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const char = width === 2 ? original.slice(index, index + 2) : original[index] ?? '';
    let mapped = mapCaseless(char);
    if (mapped !== '' && WHITE_SPACE.test(mapped)) mapped = mapped.replace(/\s+/g, ' ');
    if (lastWasSpace && mapped.startsWith(' ')) mapped = mapped.slice(1);
    if (mapped !== '') {
      lastWasSpace = mapped.endsWith(' ');
      if (length + mapped.length >= starts.length) {
        const grown = new Uint32Array(Math.max(starts.length * 2, length + mapped.length + 1));
        grown.set(starts);
        starts = grown;
      }
      for (let unit = 0; unit < mapped.length; unit += 1) starts[length + unit] = index;
      length += mapped.length;
      parts.push(mapped);
    }
    index += width;
  }
  starts[length] = original.length;
  return { text: parts.join(''), starts, length };
}

/** ASCII fast path: the same result as buildMatchingForm, from native string operations. */
function asciiMatchingText(original: string): string {
  const lowered = original.toLowerCase().replace(/\s+/g, ' ');
  return lowered.replace(ASCII_CHANGED, (char) => ASCII_CHANGES.get(char) ?? char);
}

/** The caseless matching form of a text (the form every text-rule pattern runs on). */
export function toMatchingText(original: string): MatchingText {
  let built: ReturnType<typeof buildMatchingForm> | undefined;
  const offsets = (): ReturnType<typeof buildMatchingForm> => (built ??= buildMatchingForm(original));
  // Most texts are plain ASCII: the offset map is then only built when a finding needs it.
  const text = NON_ASCII.test(original) ? offsets().text : asciiMatchingText(original);
  const startOf = (index: number): number => {
    const map = offsets();
    const clamped = Math.max(0, Math.min(index, map.length));
    return map.starts[clamped] ?? original.length;
  };
  return {
    original,
    text,
    originalStart: startOf,
    originalEnd: (index) => {
      if (index <= 0) return 0;
      const start = startOf(index - 1);
      const code = original.codePointAt(start) ?? 0;
      return Math.min(original.length, start + (code > 0xffff ? 2 : 1));
    },
  };
}

/** The caseless matching form alone. */
export function matchingForm(text: string): string {
  return toMatchingText(text).text;
}

/** The case-preserving skeleton (NFKD, ignorables removed, TR39 prototypes): for case-sensitive rules such as verdict tokens. */
export function casedSkeleton(text: string): string {
  let result = '';
  for (const char of text) result += mapCased(char);
  return result;
}
