import { bidiClassOf, type BidiClass } from './text-normalize-bidi-class.js';
import { displayOrder } from './text-normalize-bidi-reorder.js';
import { resolveSequence } from './text-normalize-bidi-resolve.js';

/**
 * The order a reader SEES text in (issue 13): `All tests \u202Essap\u202C.` is stored as "ssap"
 * but displayed as "pass"; `The selftest: \u20670 exit\u2069.` (an isolate, U+2067 RLI) is
 * displayed as "exit 0", and `\u2067pass\u200F \u200Ftests\u200F \u200FAll\u2069` (words
 * separated by U+200F RLM inside it) as "All tests pass". The text rules match the stored order
 * AND this visual order.
 *
 * The visual order is the Unicode Bidirectional Algorithm (UAX #9) for a left-to-right paragraph
 * shown on one line: explicit levels and directions (X1–X8, up to 125 levels, overflow counted as
 * the algorithm says), removal of the embedding controls (X9), isolating run sequences (X10, BD13),
 * weak types (W1–W7), neutrals (N1–N2), implicit levels (I1–I2), trailing white space (L1) and the
 * reversal of runs (L2). Left out: bracket pairs (N0), which only move a bracket's own direction,
 * and mirroring (L4), which changes glyphs, not order. The paragraph level is left to right, as a
 * Markdown renderer without `dir` sets it; the class table is bidi-class.ts.
 */

/** Text that may display in another order than it is stored: an explicit control or a right-to-left character. */
export const REORDERS = /[\u202A-\u202E\u2066-\u2069\u200F\u061C\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|[\uD802\uD803\uD83A\uD83B]/;

const MAX_DEPTH = 125;
const REMOVED: ReadonlySet<BidiClass> = new Set(['LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'BN']);
const ISOLATE_START: ReadonlySet<BidiClass> = new Set(['LRI', 'RLI', 'FSI']);
/** Controls that take no place on the line: dropped from the visual text. */
const DROPPED: ReadonlySet<BidiClass> = new Set(['LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI']);

/** A text in visual order, with the original code-unit offset of each of its code units. */
export interface VisualText {
  readonly text: string;
  readonly originalOffsets: Int32Array;
}

interface Paragraph {
  readonly codes: number[];
  readonly offsets: number[];
  readonly types: BidiClass[];
}

interface Entry {
  readonly level: number;
  readonly override: 'L' | 'R' | undefined;
  readonly isolate: boolean;
}

/**
 * BD9: the PDI matching each isolate initiator (by index), or -1. Every later step reads it: X5c's
 * first-strong search jumps over nested isolates with it, X10 joins runs across it.
 */
function matchingPdis(types: readonly BidiClass[]): Int32Array {
  const matches = new Int32Array(types.length).fill(-1);
  const open: number[] = [];
  for (let index = 0; index < types.length; index += 1) {
    const type = types[index] as BidiClass;
    if (ISOLATE_START.has(type)) open.push(index);
    else if (type === 'PDI' && open.length > 0) matches[open.pop() as number] = index;
  }
  return matches;
}

/**
 * P2–P3 for an FSI: the first strong type up to its matching PDI, isolates inside skipped. Each
 * nested isolate is jumped over by its match (an unmatched one runs to the paragraph's end), so the
 * characters each FSI reads are its own: many FSIs cost one pass, not one pass each.
 */
function firstStrongIsRtl(types: readonly BidiClass[], matches: Int32Array, from: number): boolean {
  for (let index = from; index < types.length; index += 1) {
    const type = types[index] as BidiClass;
    if (ISOLATE_START.has(type)) {
      const end = matches[index] as number;
      if (end < 0) return false;
      index = end;
    } else if (type === 'PDI' || type === 'B') return false;
    else if (type === 'L') return false;
    else if (type === 'R' || type === 'AL') return true;
  }
  return false;
}

/** X1–X8: the embedding level of each character; the types of overridden characters are replaced in place. */
function explicitLevels(types: BidiClass[], matches: Int32Array): number[] {
  const levels = new Array<number>(types.length).fill(0);
  const stack: Entry[] = [{ level: 0, override: undefined, isolate: false }];
  let overflowIsolates = 0;
  let overflowEmbeddings = 0;
  let validIsolates = 0;
  const top = (): Entry => stack[stack.length - 1] as Entry;
  const push = (rtl: boolean, override: Entry['override'], isolate: boolean): boolean => {
    const current = top().level;
    const level = rtl ? (current + 1) | 1 : (current + 2) & ~1;
    if (level > MAX_DEPTH || overflowIsolates > 0 || overflowEmbeddings > 0) return false;
    stack.push({ level, override, isolate });
    return true;
  };
  for (let index = 0; index < types.length; index += 1) {
    const type = types[index] as BidiClass;
    levels[index] = top().level;
    if (type === 'RLE' || type === 'LRE' || type === 'RLO' || type === 'LRO') {
      const override = type === 'RLO' ? 'R' : type === 'LRO' ? 'L' : undefined;
      if (!push(type === 'RLE' || type === 'RLO', override, false) && overflowIsolates === 0) overflowEmbeddings += 1;
    } else if (ISOLATE_START.has(type)) {
      const { override } = top();
      if (override !== undefined) types[index] = override;
      const rtl = type === 'RLI' || (type === 'FSI' && firstStrongIsRtl(types, matches, index + 1));
      if (push(rtl, undefined, true)) validIsolates += 1;
      else overflowIsolates += 1;
    } else if (type === 'PDI') {
      if (overflowIsolates > 0) overflowIsolates -= 1;
      else if (validIsolates > 0) {
        overflowEmbeddings = 0;
        while (!top().isolate) stack.pop();
        stack.pop();
        validIsolates -= 1;
      }
      const entry = top();
      levels[index] = entry.level;
      if (entry.override !== undefined) types[index] = entry.override;
    } else if (type === 'PDF') {
      if (overflowIsolates > 0) continue;
      if (overflowEmbeddings > 0) overflowEmbeddings -= 1;
      else if (!top().isolate && stack.length > 1) stack.pop();
    } else if (type !== 'B' && type !== 'BN') {
      const { override } = top();
      if (override !== undefined) types[index] = override;
    }
  }
  return levels;
}

/** X10 (BD13): the isolating run sequences, as lists of indices of the characters X9 keeps (`kept`, in order). */
function isolatingRunSequences(original: readonly BidiClass[], levels: readonly number[], kept: readonly number[], matches: Int32Array): number[][] {
  const runs: number[][] = [];
  for (const index of kept) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run !== undefined && last !== undefined && levels[last] === levels[index]) run.push(index);
    else runs.push([index]);
  }
  const awaiting = new Map<number, number[]>();
  const sequences: number[][] = [];
  for (const run of runs) {
    const first = run[0] as number;
    const continued = awaiting.get(first);
    const sequence = continued ?? [];
    if (continued === undefined) sequences.push(sequence);
    else awaiting.delete(first);
    for (const index of run) sequence.push(index);
    const last = run[run.length - 1] as number;
    const pdi = matches[last] as number;
    if (pdi >= 0 && ISOLATE_START.has(original[last] as BidiClass)) awaiting.set(pdi, sequence);
  }
  return sequences;
}

/** The level of every character of one paragraph after X1–I2 and L1. */
function resolvedLevels(paragraph: Paragraph): number[] {
  const original = paragraph.types;
  const types = [...original];
  const matches = matchingPdis(original);
  const levels = explicitLevels(types, matches);
  const kept: number[] = [];
  for (let index = 0; index < original.length; index += 1) if (!REMOVED.has(original[index] as BidiClass)) kept.push(index);
  // The kept characters on either side of each kept character (-1: none), for sos and eos.
  const nextKept = new Int32Array(original.length).fill(-1);
  const previousKept = new Int32Array(original.length).fill(-1);
  for (let at = 0; at < kept.length; at += 1) {
    const index = kept[at] as number;
    if (at + 1 < kept.length) nextKept[index] = kept[at + 1] as number;
    if (at > 0) previousKept[index] = kept[at - 1] as number;
  }
  // sos and eos compare embedding levels (X1–X8), not the levels sequences resolved before this one.
  const embedding = [...levels];
  const levelOf = (index: number): number => (index < 0 ? 0 : (embedding[index] ?? 0));
  for (const sequence of isolatingRunSequences(original, levels, kept, matches)) {
    const first = sequence[0] as number;
    const last = sequence[sequence.length - 1] as number;
    const level = levelOf(first);
    const before = previousKept[first] as number;
    const after = ISOLATE_START.has(original[last] as BidiClass) ? -1 : (nextKept[last] as number);
    const sos = Math.max(level, levelOf(before)) % 2 === 1 ? 'R' : 'L';
    const eos = Math.max(levelOf(last), levelOf(after)) % 2 === 1 ? 'R' : 'L';
    resolveSequence(sequence, types, levels, sos, eos);
  }
  // L1: separators, and white space or isolate controls before them or at the end of the line, at the paragraph level.
  let trailing = true;
  for (let index = original.length - 1; index >= 0; index -= 1) {
    const type = original[index] as BidiClass;
    if (type === 'B' || type === 'S') {
      levels[index] = 0;
      trailing = true;
    } else if (trailing && (type === 'WS' || ISOLATE_START.has(type) || type === 'PDI' || REMOVED.has(type))) levels[index] = 0;
    else trailing = false;
  }
  // Removed characters take the level of the character before them (they are dropped or invisible anyway).
  for (let index = 0; index < original.length; index += 1) {
    if (REMOVED.has(original[index] as BidiClass) && index > 0) levels[index] = levels[index - 1] ?? 0;
  }
  return levels;
}

/**
 * Whether a paragraph can have an odd level at all: only a right-to-left letter or a right-to-left
 * embedding, override or isolate makes one (an FSI turns right to left only over such a letter);
 * without an odd level L2 reverses nothing, so the paragraph shows in stored order.
 */
function mayReorder(types: readonly BidiClass[]): boolean {
  return types.some((type) => type === 'R' || type === 'AL' || type === 'RLE' || type === 'RLO' || type === 'RLI');
}

function paragraphsOf(original: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph = { codes: [], offsets: [], types: [] };
  for (let index = 0; index < original.length; index += 1) {
    const code = original.codePointAt(index) ?? 0;
    const type = bidiClassOf(code);
    current.codes.push(code);
    current.offsets.push(index);
    current.types.push(type);
    if (code > 0xffff) index += 1;
    if (type === 'B') {
      paragraphs.push(current);
      current = { codes: [], offsets: [], types: [] };
    }
  }
  if (current.codes.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Code units to a string, in slices small enough to pass as arguments. */
function stringOf(units: Uint16Array, length: number): string {
  const slices: string[] = [];
  for (let from = 0; from < length; from += 8192) slices.push(String.fromCharCode(...units.subarray(from, Math.min(length, from + 8192))));
  return slices.join('');
}

/** The visual order of a text (explicit controls dropped), or undefined when it shows in stored order. */
export function visualOrder(original: string): VisualText | undefined {
  if (!REORDERS.test(original)) return undefined;
  // Written unit by unit into arrays of the original's length (the visual text is never longer): no string per character.
  const units = new Uint16Array(original.length);
  const offsets = new Int32Array(original.length);
  let written = 0;
  let moved = false;
  for (const paragraph of paragraphsOf(original)) {
    const order = mayReorder(paragraph.types) ? displayOrder(resolvedLevels(paragraph)) : undefined;
    for (let at = 0; at < paragraph.codes.length; at += 1) {
      const index = order === undefined ? at : (order[at] as number);
      if (index !== at) moved = true;
      if (DROPPED.has(paragraph.types[index] as BidiClass)) continue;
      const offset = paragraph.offsets[index] as number;
      const pair = (paragraph.codes[index] as number) > 0xffff;
      units[written] = original.charCodeAt(offset);
      offsets[written] = offset;
      written += 1;
      if (pair) {
        units[written] = original.charCodeAt(offset + 1);
        offsets[written] = offset;
        written += 1;
      }
    }
  }
  return moved ? { text: stringOf(units, written), originalOffsets: offsets.slice(0, written) } : undefined;
}
