/**
 * Letters a reader joins into a word across blanks (issue 13, round 17), for the one normalization's
 * joined reading (text-normalize.ts): the text is matched as written and, when this finds anything,
 * once more with these blanks taken out, so a rule matches the word either way.
 *   - Letter spacing: three or more single letters (or digits), each pair apart by the same one blank
 *     (`A l l   t e s t s   p a s s`, `p\u3000a\u3000s\u3000s`, the Hangul fillers that the rendered
 *     view shows as U+3000). A wider gap, or another blank, ends the run: it is the word break.
 *   - Blanks narrower than a letter's side bearings (hair space U+200A, six-per-em U+2006) between two
 *     letters, whatever stands around them: `pa\u200Ass` draws as "pass".
 * Offsets point at the original: each kept unit knows where it came from.
 */
const LETTER_SPACED_RUN = /(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]\p{M}*(\s)[\p{L}\p{N}]\p{M}*(?:\1[\p{L}\p{N}]\p{M}*)+(?![\p{L}\p{M}\p{N}])/gu;
const NARROW_BLANK_IN_WORD = /(?<=[\p{L}\p{M}])[\u2006\u200A]+(?=\p{L})/gu;
/** A cheap test first: most texts hold neither shape. */
const MAY_JOIN = /[\p{L}\p{N}]\p{M}*\s[\p{L}\p{N}]\p{M}*\s[\p{L}\p{N}](?![\p{L}\p{M}\p{N}])|[\u2006\u200A]/u;

/** The text with the blanks a reader does not see as word breaks taken out, and each unit's original offset. */
export interface JoinedLetters {
  readonly text: string;
  readonly offsets: Int32Array;
}

/** The joined reading of `original`, or undefined when no blank in it joins letters. */
export function joinedLetters(original: string): JoinedLetters | undefined {
  if (!MAY_JOIN.test(original)) return undefined;
  const removed = new Uint8Array(original.length);
  let any = false;
  for (const run of original.matchAll(LETTER_SPACED_RUN)) {
    const blank = run[1] as string;
    for (let at = run.index; at < run.index + run[0].length; at += 1) {
      if (original.startsWith(blank, at)) {
        removed.fill(1, at, at + blank.length);
        any = true;
      }
    }
  }
  for (const narrow of original.matchAll(NARROW_BLANK_IN_WORD)) {
    removed.fill(1, narrow.index, narrow.index + narrow[0].length);
    any = true;
  }
  if (!any) return undefined;
  const offsets = new Int32Array(original.length);
  let text = '';
  let length = 0;
  let from = -1;
  for (let at = 0; at <= original.length; at += 1) {
    const keep = at < original.length && removed[at] === 0;
    if (keep) {
      if (from === -1) from = at;
      offsets[length++] = at;
    } else if (from !== -1) {
      text += original.slice(from, at);
      from = -1;
    }
  }
  return { text, offsets: offsets.subarray(0, length) };
}
