import { meetsNeeds, type PatternShape } from './text-normalize-needs.js';

/**
 * Which paragraphs of a text its visual forms must lay out for a given set of rules (issue 13,
 * session 14: the whole-dossier authority scan laid out every paragraph of a 2 MB Hebrew dossier,
 * two orders each, for rules that need Latin letters most of its lines do not hold).
 *
 * A paragraph's display order is a permutation of its own characters, each keeping its own form, so
 * the units a match reads in a visual form come from the paragraphs that span touches, and every
 * paragraph lying wholly inside the span adds its units that are not white space to it. A span
 * that touches paragraph p therefore lies within p's window: p and the paragraphs on either side
 * of it up to where those wholly between hold more such units than the rules' reach
 * (text-normalize-needs.ts), counting only the rules the whole text may match. When no rule can match the characters of p's whole window, no match
 * and no assertion of one reads any unit of p in that visual form; p is written as one placeholder
 * (U+FFFC, its own form, never white space and never needed) that keeps its neighbours apart, and
 * every match elsewhere reads the same units as before, so it is found the same and maps back to
 * the same offsets. Exact for the rules given only: the caller runs no other rule on these forms.
 */
/**
 * A text's paragraphs (UAX #9 BD7, as text-normalize-bidi.ts splits them): paragraph i ends before
 * `ends[i]` (past its separator), its matching form holds the ASCII characters of bits
 * `masks[4i … 4i + 3]` (bit `code & 31` of word `code >> 5`; a capital's lower case too), and
 * `solid[i]` units of that form are not white space.
 */
export interface ParagraphCharacters {
  readonly count: number;
  readonly ends: Int32Array;
  readonly masks: Uint32Array;
  readonly solid: Float64Array;
}

function addCharacters(counts: Int32Array, masks: Uint32Array, paragraph: number, delta: number): void {
  for (let word = 0; word < 4; word += 1) {
    let bits = masks[paragraph * 4 + word] as number;
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits);
      counts[word * 32 + bit] = (counts[word * 32 + bit] as number) + delta;
      bits &= ~(1 << bit);
    }
  }
}

/**
 * 1 for each paragraph whose window some rule may match (it is laid out), 0 for the others. The
 * windows move forwards only, so each paragraph enters and leaves the character counts once.
 */
export function paragraphsToLayOut(paragraphs: ParagraphCharacters, rules: readonly PatternShape[]): Uint8Array {
  const { count, masks, solid } = paragraphs;
  const laidOut = new Uint8Array(count);
  const counts = new Int32Array(128);
  for (let paragraph = 0; paragraph < count; paragraph += 1) addCharacters(counts, masks, paragraph, 1);
  // A rule the whole text cannot match matches in no window (an unbounded one, `[A-Za-z_]+`, would make every window the whole text).
  const possible = rules.filter((rule) => meetsNeeds(rule.needs, counts));
  if (possible.length === 0) return laidOut;
  const reach = Math.max(...possible.map((rule) => rule.reach));
  counts.fill(0);
  // The window is [low, high]; `before` sums the paragraphs strictly between low and p, `after` those strictly between p and high + 1.
  let low = 0;
  let high = -1;
  let before = 0;
  let after = 0;
  for (let paragraph = 0; paragraph < count; paragraph += 1) {
    if (paragraph > 0) {
      if (low < paragraph - 1) before += solid[paragraph - 1] as number;
      if (high >= paragraph) after -= solid[paragraph] as number;
    }
    while (before > reach) {
      addCharacters(counts, masks, low, -1);
      low += 1;
      before -= solid[low] as number;
    }
    if (high < paragraph) {
      high = paragraph;
      addCharacters(counts, masks, high, 1);
      after = 0;
    }
    while (high + 1 < count && after <= reach) {
      high += 1;
      addCharacters(counts, masks, high, 1);
      after += solid[high] as number;
    }
    laidOut[paragraph] = possible.some((rule) => meetsNeeds(rule.needs, counts)) ? 1 : 0;
  }
  return laidOut;
}
