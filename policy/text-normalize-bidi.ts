/**
 * The order a reader SEES text in when it holds explicit bidi controls (issue 13, rt-packets6):
 * `All tests \u202Essap\u202C.` is stored as "ssap" but displayed as "pass", because U+202E
 * RIGHT-TO-LEFT OVERRIDE forces every character up to its U+202C POP DIRECTIONAL FORMATTING to be
 * laid out right to left. The text rules match the stored order AND this visual order.
 *
 * Only an override reverses Latin text: inside an embedding (U+202A/U+202B) or an isolate
 * (U+2066–2068 … U+2069) Latin letters stay left to right, so those only group their content as one
 * unit that an enclosing override moves as a whole. A paragraph separator ends every open control
 * and more than 125 levels are ignored, as in the Unicode Bidirectional Algorithm (UAX #9, X1–X8).
 * This is not the whole algorithm (implicit levels of Hebrew and Arabic letters are not applied):
 * the rules' patterns are Latin, and only overrides can make Latin text read in another order.
 */

const LRE = 0x202a;
const RLE = 0x202b;
const PDF = 0x202c;
const LRO = 0x202d;
const RLO = 0x202e;
const LRI = 0x2066;
const RLI = 0x2067;
const FSI = 0x2068;
const PDI = 0x2069;
const MAX_DEPTH = 125;

/** Text that may display in another order than it is stored: it holds an override. */
export const REORDERS = /\u202E/;

const PARAGRAPH_END = new Set([0x0a, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2029]);

/** One embedding, override or isolate: its children are original code-point offsets or nested runs. */
interface Run {
  readonly reversed: boolean;
  readonly isolate: boolean;
  readonly children: Array<number | Run>;
}

/** A text in visual order, with the original code-unit offset of each of its code units. */
export interface VisualText {
  readonly text: string;
  readonly originalOffsets: Int32Array;
}

function runsOf(original: string): Run {
  const root: Run = { reversed: false, isolate: false, children: [] };
  const stack: Run[] = [root];
  let overflow = 0;
  const top = (): Run => stack[stack.length - 1] ?? root;
  for (let index = 0; index < original.length; index += 1) {
    const code = original.codePointAt(index) ?? 0;
    const at = index;
    if (code > 0xffff) index += 1;
    if (PARAGRAPH_END.has(code)) {
      stack.length = 1;
      overflow = 0;
      root.children.push(at);
      continue;
    }
    if (code === LRE || code === RLE || code === LRO || code === RLO || code === LRI || code === RLI || code === FSI) {
      if (stack.length > MAX_DEPTH) {
        overflow += 1;
        continue;
      }
      const run: Run = { reversed: code === RLO, isolate: code >= LRI, children: [] };
      top().children.push(run);
      stack.push(run);
      continue;
    }
    if (code === PDF || code === PDI) {
      if (overflow > 0) overflow -= 1;
      else if (code === PDI) {
        // A PDI closes the innermost open isolate and everything opened inside it.
        const isolateAt = stack.findLastIndex((run, depth) => depth > 0 && run.isolate);
        if (isolateAt > 0) stack.length = isolateAt;
      } else if (stack.length > 1 && !top().isolate) stack.pop();
      continue;
    }
    top().children.push(at);
  }
  return root;
}

/** The visual order of a text holding an override (controls dropped), or undefined when it has none. */
export function visualOrder(original: string): VisualText | undefined {
  if (!REORDERS.test(original)) return undefined;
  const offsets: number[] = [];
  let text = '';
  // An explicit stack, not recursion: nesting is bounded by MAX_DEPTH, but the walk stays flat anyway.
  const walk: Array<{ run: Run; next: number }> = [{ run: runsOf(original), next: 0 }];
  while (walk.length > 0) {
    const frame = walk[walk.length - 1] as { run: Run; next: number };
    const { run } = frame;
    if (frame.next >= run.children.length) {
      walk.pop();
      continue;
    }
    const position = run.reversed ? run.children.length - 1 - frame.next : frame.next;
    frame.next += 1;
    const child = run.children[position] as number | Run;
    if (typeof child !== 'number') {
      walk.push({ run: child, next: 0 });
      continue;
    }
    const code = original.codePointAt(child) ?? 0;
    const char = String.fromCodePoint(code);
    text += char;
    for (let unit = 0; unit < char.length; unit += 1) offsets.push(child);
  }
  return { text, originalOffsets: Int32Array.from(offsets) };
}
