import { Bidi, bidiClassOf, maskOf } from './text-normalize-bidi-class.js';
import { explicitLevels, matchingPdis } from './text-normalize-bidi-explicit.js';
import { displayOrder } from './text-normalize-bidi-reorder.js';
import { resolvedLevel, resolveTypes } from './text-normalize-bidi-resolve.js';

/**
 * The order a reader SEES text in (issue 13): `All tests \u202Essap\u202C.` is stored as "ssap"
 * but displayed as "pass"; `The selftest: \u20670 exit\u2069.` (an isolate, U+2067 RLI) is
 * displayed as "exit 0", and `\u2067pass\u200F \u200Ftests\u200F \u200FAll\u2069` (words
 * separated by U+200F RLM inside it) as "All tests pass". The text rules match the stored order
 * AND this visual order.
 *
 * The visual order is the Unicode Bidirectional Algorithm (UAX #9) for a paragraph shown on one line: explicit levels and directions (X1–X8, up to 125 levels, overflow counted as
 * the algorithm says), removal of the embedding controls (X9), isolating run sequences (X10, BD13),
 * weak types (W1–W7), neutrals (N1–N2), implicit levels (I1–I2), trailing white space (L1) and the
 * reversal of runs (L2). Left out: bracket pairs (N0), which only move a bracket's own direction,
 * and mirroring (L4), which changes glyphs, not order. The class table is bidi-class.ts.
 *
 * The paragraph level depends on the renderer, so there are two visual orders (issue 13, round 11):
 * every paragraph left to right, as a Markdown renderer without `dir` lays it out, and each paragraph
 * at the level of its first strong character (P2–P3), as GitHub's `dir="auto"` does: there
 * `\u200Fpass\u200F tests\u200F All.` reads "All tests pass". The second order exists only for a
 * text with a paragraph whose first strong character is right to left, and only when it differs.
 */

/** Text that may display in another order than it is stored: an explicit control or a right-to-left character. */
export const REORDERS = /[\u202A-\u202E\u2066-\u2069\u200F\u061C\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|[\uD802\uD803\uD83A\uD83B]/;

/*
 * Every step is numeric (issue 13: Hebrew prose cost 5.5× English per byte when classes were strings
 * and each paragraph had arrays of its own): one entry per code point in typed arrays of a Workspace,
 * a paragraph being a range of them; classes are small numbers and sets of classes bit masks.
 */
const REMOVED = maskOf(Bidi.LRE, Bidi.RLE, Bidi.LRO, Bidi.RLO, Bidi.PDF, Bidi.BN);
const ISOLATE_START = maskOf(Bidi.LRI, Bidi.RLI, Bidi.FSI);
const EXPLICIT = maskOf(Bidi.LRE, Bidi.RLE, Bidi.LRO, Bidi.RLO, Bidi.PDF, Bidi.LRI, Bidi.RLI, Bidi.FSI, Bidi.PDI);
const SEGMENT_SEPARATOR = maskOf(Bidi.S);
/** Controls that take no place on the line (the explicit ones): dropped from the visual text. */
const DROPPED = EXPLICIT;
/** L1: reset to the paragraph level when trailing (white space, isolate controls and what X9 removed). */
const TRAILING = REMOVED | maskOf(Bidi.WS, Bidi.LRI, Bidi.RLI, Bidi.FSI, Bidi.PDI);
/**
 * Whether a paragraph can have an odd level at all: only a right-to-left letter or a right-to-left
 * embedding, override or isolate makes one (an FSI turns right to left only over such a letter);
 * without an odd level L2 reverses nothing, so the paragraph shows in stored order.
 */
const MAY_REORDER = maskOf(Bidi.R, Bidi.AL, Bidi.RLE, Bidi.RLO, Bidi.RLI);

/**
 * Right-to-left letters with white space and punctuation only (plain Hebrew or Arabic prose: no
 * digits, Latin, marks, tabs or controls): W1–I2 would give every character the paragraph level at
 * a right-to-left paragraph level, and at level 0 the neutrals before the first and after the last
 * letter level 0, the rest 1. Their orders are written directly (`plainOrder`).
 */
const PLAIN_RIGHT_TO_LEFT = maskOf(Bidi.R, Bidi.AL, Bidi.WS, Bidi.ON, Bidi.B, Bidi.CS, Bidi.ES, Bidi.ET);

const isIn = (mask: number, type: number): boolean => ((mask >> type) & 1) === 1;

/** A text in visual order, with the original code-unit offset of each of its code units. */
export interface VisualText {
  readonly text: string;
  readonly originalOffsets: Int32Array;
}

/** Texts that passed the REORDERS gate and were classified, and paragraphs resolved (cost counters for the tests). */
export const displayOrderCounter = { texts: 0, paragraphs: 0 };

/** The arrays one paragraph needs, by code point; `capacity` code points. */
class Workspace {
  /** Each code point's class as stored (never changed). */
  readonly classes: Uint8Array;
  readonly codes: Int32Array;
  /** The code-unit offset of each code point in the original. */
  readonly offsets: Int32Array;
  readonly levels: Uint8Array;
  /** One isolating run sequence's types, in sequence order, as W1–N2 change them. */
  readonly sequenceTypes: Uint8Array;
  readonly order: Int32Array;
  /** The display order of a right-to-left paragraph at its own level (P2–P3), beside `order` at level 0. */
  readonly orderFirstStrong: Int32Array;
  private explicitArrays: ExplicitArrays | undefined;

  constructor(readonly capacity: number) {
    this.classes = new Uint8Array(capacity);
    this.codes = new Int32Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.levels = new Uint8Array(capacity);
    this.sequenceTypes = new Uint8Array(capacity);
    this.order = new Int32Array(capacity);
    this.orderFirstStrong = new Int32Array(capacity);
  }

  /** Made on first use: most right-to-left text has no explicit control and never needs them. */
  get explicit(): ExplicitArrays {
    this.explicitArrays ??= new ExplicitArrays(this.capacity);
    return this.explicitArrays;
  }
}

/** The visual text being written, as code units with the original offset of each. */
class VisualBuffer {
  readonly units: Uint16Array;
  readonly offsets: Int32Array;

  constructor(readonly capacity: number) {
    this.units = new Uint16Array(capacity);
    this.offsets = new Int32Array(capacity);
  }
}

/** What X1–X10 need besides: for paragraphs with explicit controls or characters X9 removes. */
class ExplicitArrays {
  /** Each code point's type as X1–X8 change it (overrides). */
  readonly types: Uint8Array;
  /** The levels after X1–X8, for sos and eos (the resolution raises `levels` sequence by sequence). */
  readonly embedding: Uint8Array;
  readonly matches: Int32Array;
  /** Scratch: BD9's open isolates, then the indices of one isolating run sequence. */
  readonly stack: Int32Array;
  /** The next character of the same isolating run sequence (-1: its last). */
  readonly nextInSequence: Int32Array;
  /** For a PDI: the isolate initiator that ended a run and whose sequence it continues (-1: none). */
  readonly continues: Int32Array;
  /** The first character of each isolating run sequence. */
  readonly heads: Int32Array;

  constructor(capacity: number) {
    this.types = new Uint8Array(capacity);
    this.embedding = new Uint8Array(capacity);
    this.matches = new Int32Array(capacity);
    this.stack = new Int32Array(capacity);
    this.nextInSequence = new Int32Array(capacity);
    this.continues = new Int32Array(capacity);
    this.heads = new Int32Array(capacity);
  }
}

/**
 * One workspace kept for paragraphs, and one visual buffer for texts, up to this many code units
 * (≈ 1.5 MB of arrays each at most), grown as needed; a longer one gets arrays of its own, dropped
 * after it. Sentences are read one after another, so the kept ones save the allocations per
 * sentence; a long text works paragraph by paragraph, so its arrays by code point are a
 * paragraph's, not the text's (issue 13: 23 MB per call over a 2 MB dossier, and the collections).
 */
const KEPT_MAX = 1 << 16;
let keptWorkspace = new Workspace(256);
let keptVisualBuffer = new VisualBuffer(256);
let keptFirstStrongBuffer = new VisualBuffer(256);

function workspaceFor(length: number): Workspace {
  if (length <= keptWorkspace.capacity) return keptWorkspace;
  if (length > KEPT_MAX) return new Workspace(length);
  keptWorkspace = new Workspace(Math.min(KEPT_MAX, Math.max(length, keptWorkspace.capacity * 2)));
  return keptWorkspace;
}

function visualBufferFor(length: number): VisualBuffer {
  if (length <= keptVisualBuffer.capacity) return keptVisualBuffer;
  if (length > KEPT_MAX) return new VisualBuffer(length);
  keptVisualBuffer = new VisualBuffer(Math.min(KEPT_MAX, Math.max(length, keptVisualBuffer.capacity * 2)));
  return keptVisualBuffer;
}

function firstStrongBufferFor(length: number): VisualBuffer {
  if (length <= keptFirstStrongBuffer.capacity) return keptFirstStrongBuffer;
  if (length > KEPT_MAX) return new VisualBuffer(length);
  keptFirstStrongBuffer = new VisualBuffer(Math.min(KEPT_MAX, Math.max(length, keptFirstStrongBuffer.capacity * 2)));
  return keptFirstStrongBuffer;
}

/** The code-unit index just past the paragraph that starts at `from` (past its B), or the text's end. */
function paragraphEnd(original: string, from: number): number {
  for (let index = from; index < original.length; index += 1) {
    // B is never a surrogate: a unit's class is its code point's.
    if (bidiClassOf(original.charCodeAt(index)) === Bidi.B) return index + 1;
  }
  return original.length;
}

/**
 * The paragraph `original[from … to − 1]`'s code points into the workspace (code, class and
 * offset); returns their count, the classes present as a mask in `present`.
 */
function classify(original: string, from: number, to: number, work: Workspace): { count: number; present: number } {
  const { classes, codes, offsets } = work;
  let count = 0;
  let present = 0;
  for (let index = from; index < to; index += 1) {
    const unit = original.charCodeAt(index);
    let code = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < to) {
      const low = original.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) code = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    }
    const type = bidiClassOf(code);
    classes[count] = type;
    codes[count] = code;
    offsets[count] = index;
    count += 1;
    present |= 1 << type;
    if (code > 0xffff) index += 1;
  }
  return { count, present };
}

/** The kept character (not removed by X9) before `index` in its paragraph, or -1. */
function keptBefore(classes: Uint8Array, start: number, index: number): number {
  let at = index - 1;
  while (at >= start && isIn(REMOVED, classes[at] as number)) at -= 1;
  return at >= start ? at : -1;
}

function keptAfter(classes: Uint8Array, end: number, index: number): number {
  let at = index + 1;
  while (at < end && isIn(REMOVED, classes[at] as number)) at += 1;
  return at < end ? at : -1;
}

/**
 * X10 (BD13): the isolating run sequences of the kept characters, as linked lists through
 * `nextInSequence`; their first characters go to `heads`, their count is returned. A run is a
 * stretch of kept characters at one level; a run ending in an isolate initiator continues at the
 * run its matching PDI starts.
 */
function isolatingRunSequences(work: Workspace, start: number, end: number): number {
  const { classes, levels } = work;
  const { matches, nextInSequence, continues, heads } = work.explicit;
  continues.fill(-1, start, end);
  let sequences = 0;
  let previous = -1;
  for (let index = start; index < end; index += 1) {
    const type = classes[index] as number;
    if (isIn(REMOVED, type)) continue;
    if (previous >= 0 && levels[previous] === levels[index]) nextInSequence[previous] = index;
    else {
      // The run that ended at `previous`: when it ends in an isolate initiator, its PDI's run continues its sequence.
      if (previous >= 0 && isIn(ISOLATE_START, classes[previous] as number) && (matches[previous] as number) >= 0) continues[matches[previous] as number] = previous;
      const continued = continues[index] as number;
      if (continued >= 0) nextInSequence[continued] = index;
      else {
        heads[sequences] = index;
        sequences += 1;
      }
    }
    nextInSequence[index] = -1;
    previous = index;
  }
  return sequences;
}

/**
 * The level of every character of one paragraph after X1–I2 and L1, into `work.levels`; `present`
 * is the mask of the paragraph's classes, `paragraphLevel` 0 or 1. A paragraph without explicit
 * controls or characters X9 removes (most right-to-left prose) has the paragraph level throughout
 * and one isolating run sequence, the whole paragraph: X1–X10 are skipped, the rules run on the
 * paragraph's range directly.
 */
function resolveLevels(work: Workspace, start: number, end: number, present: number, paragraphLevel: number): void {
  displayOrderCounter.paragraphs += 1;
  if ((present & (EXPLICIT | REMOVED)) === 0) resolveImplicitParagraph(work, start, end, present, paragraphLevel);
  else resolveExplicitParagraph(work, start, end, present, paragraphLevel);
  const { classes, levels } = work;
  // L1: separators, and white space or isolate controls before them or at the end of the line, at the
  // paragraph level. Without a segment separator only the end can trail (B ends the paragraph).
  const separators = (present & SEGMENT_SEPARATOR) !== 0;
  let trailing = true;
  for (let index = end - 1; index >= start; index -= 1) {
    const type = classes[index] as number;
    if (type === Bidi.B || type === Bidi.S) {
      levels[index] = paragraphLevel;
      trailing = true;
    } else if (trailing && isIn(TRAILING, type)) levels[index] = paragraphLevel;
    else if (!separators) break;
    else trailing = false;
  }
  // Removed characters take the level of the character before them (they are dropped or invisible anyway).
  if ((present & REMOVED) === 0) return;
  for (let index = start + 1; index < end; index += 1) {
    if (isIn(REMOVED, classes[index] as number)) levels[index] = levels[index - 1] as number;
  }
}

function resolveImplicitParagraph(work: Workspace, start: number, end: number, present: number, paragraphLevel: number): void {
  const { classes, levels, sequenceTypes } = work;
  const length = end - start;
  sequenceTypes.set(classes.subarray(start, end));
  // The paragraph level everywhere and nothing before or after the one sequence: sos and eos are its direction.
  const direction = paragraphLevel === 1 ? Bidi.R : Bidi.L;
  resolveTypes(sequenceTypes, length, present, direction, direction, direction);
  for (let at = 0; at < length; at += 1) levels[start + at] = resolvedLevel(paragraphLevel, sequenceTypes[at] as number);
}

function resolveExplicitParagraph(work: Workspace, start: number, end: number, present: number, paragraphLevel: number): void {
  const { classes, levels, sequenceTypes } = work;
  const { types, embedding, matches, stack, nextInSequence, heads } = work.explicit;
  types.set(classes.subarray(start, end), start);
  if ((present & ISOLATE_START) !== 0) matchingPdis(classes, start, end, matches, stack);
  explicitLevels(types, start, end, matches, levels, paragraphLevel);
  // sos and eos compare embedding levels (X1–X8), not the levels sequences resolved before this one.
  embedding.set(levels.subarray(start, end), start);
  const sequences = isolatingRunSequences(work, start, end);
  for (let sequence = 0; sequence < sequences; sequence += 1) {
    const first = heads[sequence] as number;
    let length = 0;
    let sequencePresent = 0;
    for (let index = first; index >= 0; index = nextInSequence[index] as number) {
      const type = types[index] as number;
      stack[length] = index;
      sequenceTypes[length] = type;
      sequencePresent |= 1 << type;
      length += 1;
    }
    const last = stack[length - 1] as number;
    const before = keptBefore(classes, start, first);
    const after = isIn(ISOLATE_START, classes[last] as number) ? -1 : keptAfter(classes, end, last);
    const level = embedding[first] as number;
    const sos = Math.max(level, before < 0 ? paragraphLevel : (embedding[before] as number)) % 2 === 1 ? Bidi.R : Bidi.L;
    const eos = Math.max(embedding[last] as number, after < 0 ? paragraphLevel : (embedding[after] as number)) % 2 === 1 ? Bidi.R : Bidi.L;
    resolveTypes(sequenceTypes, length, sequencePresent, sos, eos, level % 2 === 1 ? Bidi.R : Bidi.L);
    for (let at = 0; at < length; at += 1) {
      const index = stack[at] as number;
      levels[index] = resolvedLevel(levels[index] as number, sequenceTypes[at] as number);
    }
  }
}

/**
 * P2–P3 for the paragraph of a text that starts at `from`: 1 when its first strong character (L, R
 * or AL), isolates and what they hold skipped, is right to left, else 0. Reads up to that character
 * only. An isolate without a matching PDI runs to the paragraph's end (BD9): a depth count finds
 * the same matches as BD9, without its arrays. `acrossLines`: line ends do not end the paragraph (a
 * Markdown paragraph's soft line breaks, which HTML shows as spaces).
 */
export function firstStrongLevel(text: string, from = 0, acrossLines = false): number {
  let depth = 0;
  for (let index = from; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      code = text.codePointAt(index) ?? code;
      if (code > 0xffff) index += 1;
    }
    const type = bidiClassOf(code);
    if (type === Bidi.B && !acrossLines) return 0;
    if (isIn(ISOLATE_START, type)) depth += 1;
    else if (type === Bidi.PDI) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (type === Bidi.L) return 0;
    else if (type === Bidi.R || type === Bidi.AL) return 1;
  }
  return 0;
}

/** Which paragraph level a visual order assumes: 0 for every paragraph, or each one's first strong character's (P2–P3). */
export type ParagraphDirection = 'left-to-right' | 'first-strong';

/** The visual order of a text (explicit controls dropped), or undefined when it shows in stored order. */
export function visualOrder(original: string, direction: ParagraphDirection = 'left-to-right'): VisualText | undefined {
  const orders = visualOrders(original);
  return direction === 'left-to-right' ? orders.leftToRight : (orders.firstStrong ?? orders.leftToRight);
}

/**
 * The text's visual orders: `leftToRight` unless it shows in stored order, `firstStrong` only when
 * some paragraph's first strong character is right to left and the order it gives differs from
 * `leftToRight` (then it is defined even when `leftToRight` is not).
 */
export interface VisualOrders {
  readonly leftToRight?: VisualText;
  readonly firstStrong?: VisualText;
}

const NO_VISUAL_ORDERS: VisualOrders = {};

/** One paragraph's code points into a visual buffer from `written` on, in `order` (stored order when undefined); returns the new length. */
function writeParagraph(buffer: VisualBuffer, written: number, work: Workspace, count: number, order: Int32Array | undefined): number {
  const { classes, codes, offsets } = work;
  const { units } = buffer;
  const unitOffsets = buffer.offsets;
  let at = written;
  for (let position = 0; position < count; position += 1) {
    // `order` may leave out the paragraph's last character (its separator, which stays last).
    const index = order === undefined || (position === count - 1 && classes[position] === Bidi.B) ? position : (order[position] as number);
    if (isIn(DROPPED, classes[index] as number)) continue;
    const offset = offsets[index] as number;
    const code = codes[index] as number;
    if (code > 0xffff) {
      // A pair, written back as its two units (both pointing at the pair's offset).
      units[at] = 0xd800 + ((code - 0x10000) >> 10);
      unitOffsets[at] = offset;
      at += 1;
      units[at] = 0xdc00 + ((code - 0x10000) & 0x3ff);
    } else units[at] = code;
    unitOffsets[at] = offset;
    at += 1;
  }
  return at;
}

/** The display order of a PLAIN_RIGHT_TO_LEFT paragraph's first `count` characters at `paragraphLevel`; false when nothing moves. */
function plainOrder(classes: Uint8Array, count: number, paragraphLevel: number, order: Int32Array): boolean {
  displayOrderCounter.paragraphs += 1;
  let first = 0;
  let last = count - 1;
  if (paragraphLevel === 0) {
    while (first < count && classes[first] !== Bidi.R && classes[first] !== Bidi.AL) first += 1;
    while (last > first && classes[last] !== Bidi.R && classes[last] !== Bidi.AL) last -= 1;
  }
  if (last <= first) return false;
  for (let at = 0; at < count; at += 1) order[at] = at < first || at > last ? at : first + last - at;
  return true;
}

function movesAny(order: Int32Array, count: number): boolean {
  for (let at = 0; at < count; at += 1) if (order[at] !== at) return true;
  return false;
}

function sameOrder(one: Int32Array | undefined, other: Int32Array | undefined, count: number): boolean {
  for (let at = 0; at < count; at += 1) if ((one === undefined ? at : one[at]) !== (other === undefined ? at : other[at])) return false;
  return true;
}

/** The written text of a buffer; a kept buffer is written again by the next text: its offsets are copied, a text's own are handed over. */
function visualTextOf(buffer: VisualBuffer, written: number, kept: VisualBuffer): VisualText {
  const text = Buffer.from(buffer.units.buffer, buffer.units.byteOffset, written * 2).toString('utf16le');
  return { text, originalOffsets: buffer === kept ? buffer.offsets.slice(0, written) : buffer.offsets.subarray(0, written) };
}

/** One text's visual orders as written by `layOut`: `written` units of `visual` and `writtenFirstStrong` of `firstStrong`, each only when it moved anything. */
interface Layout {
  readonly visual?: VisualBuffer;
  readonly written: number;
  readonly firstStrong?: VisualBuffer;
  readonly writtenFirstStrong: number;
}

const NO_LAYOUT: Layout = { written: 0, writtenFirstStrong: 0 };

/**
 * Both visual orders in one pass, paragraph by paragraph (`leadingLevel` 1: the text's first
 * paragraph is part of a larger right-to-left one, such as a sentence of a Markdown paragraph whose
 * first strong character is right to left, and is laid out at level 1 whatever its own first strong): each is classified once; a paragraph whose
 * first strong character is left to right (or that has none) gets the same order in both. The
 * first-strong buffer is filled only from the first right-to-left paragraph on (what came before
 * is copied then), so text without one pays nothing for it.
 */
export function visualOrders(original: string, leadingLevel?: number, only?: ParagraphChoice): VisualOrders {
  const { visual, written, firstStrong, writtenFirstStrong } = layOut(original, leadingLevel, only);
  const leftToRight = visual === undefined ? undefined : visualTextOf(visual, written, keptVisualBuffer);
  if (firstStrong === undefined) return leftToRight === undefined ? NO_VISUAL_ORDERS : { leftToRight };
  return { leftToRight, firstStrong: visualTextOf(firstStrong, writtenFirstStrong, keptFirstStrongBuffer) };
}

/**
 * The paragraphs to lay out (text-normalize-scope.ts): paragraph i ends before `ends[i]` (as
 * `paragraphEnd` finds it); with `laidOut[i]` 0 it is written as one PLACEHOLDER, with the
 * offset of its start.
 */
export interface ParagraphChoice {
  readonly ends: Int32Array;
  readonly laidOut: Uint8Array;
}

/** What a paragraph left out of a visual form is written as: its own form, never white space (it keeps its neighbours apart). */
export const PLACEHOLDER = 0xfffc;

function writePlaceholder(buffer: VisualBuffer, written: number, offset: number): number {
  buffer.units[written] = PLACEHOLDER;
  buffer.offsets[written] = offset;
  return written + 1;
}

/** The buffers `visualOrders` writes into (kept ones, written again by the next text): the caller copies what it keeps. */
function layOut(original: string, leadingLevel?: number, only?: ParagraphChoice): Layout {
  if (leadingLevel !== 1 && !REORDERS.test(original)) return NO_LAYOUT;
  displayOrderCounter.texts += 1;
  // Written unit by unit into arrays of the original's length (a visual text is never longer): no string per character.
  const visual = visualBufferFor(original.length);
  let firstStrong: VisualBuffer | undefined;
  let written = 0;
  let writtenFirstStrong = 0;
  let moved = false;
  let movedFirstStrong = false;
  let differs = false;
  for (let from = 0, paragraph = 0; from < original.length; paragraph += 1) {
    const to = only === undefined ? paragraphEnd(original, from) : (only.ends[paragraph] as number);
    if (only !== undefined && only.laidOut[paragraph] === 0) {
      written = writePlaceholder(visual, written, from);
      if (firstStrong !== undefined) writtenFirstStrong = writePlaceholder(firstStrong, writtenFirstStrong, from);
      from = to;
      continue;
    }
    const work = workspaceFor(to - from);
    const { count, present } = classify(original, from, to, work);
    // The paragraph separator ends the line at either level: it is never reordered.
    const shown = work.classes[count - 1] === Bidi.B ? count - 1 : count;
    let order: Int32Array | undefined;
    const movedBefore = moved;
    const plain = (present & ~PLAIN_RIGHT_TO_LEFT) === 0;
    if (plain) order = plainOrder(work.classes, shown, 0, work.order) ? work.order : undefined;
    else if ((present & MAY_REORDER) !== 0) {
      resolveLevels(work, 0, count, present, 0);
      if (displayOrder(work.levels, 0, shown, work.order) && movesAny(work.order, shown)) order = work.order;
    }
    if (order !== undefined) moved = true;
    let orderFirstStrong = order;
    const rightToLeft = from === 0 && leadingLevel === 1 ? true : (present & MAY_REORDER) !== 0 && firstStrongLevel(original, from) === 1;
    if (rightToLeft) {
      if (plain) orderFirstStrong = plainOrder(work.classes, shown, 1, work.orderFirstStrong) ? work.orderFirstStrong : undefined;
      else {
        resolveLevels(work, 0, count, present, 1);
        orderFirstStrong = displayOrder(work.levels, 0, shown, work.orderFirstStrong) && movesAny(work.orderFirstStrong, shown) ? work.orderFirstStrong : undefined;
      }
      if (!differs && !sameOrder(order, orderFirstStrong, shown)) {
        differs = true;
        firstStrong = firstStrongBufferFor(original.length);
        // The paragraphs before this one read the same in both orders.
        firstStrong.units.set(visual.units.subarray(0, written));
        firstStrong.offsets.set(visual.offsets.subarray(0, written));
        writtenFirstStrong = written;
        movedFirstStrong = movedBefore;
      }
    }
    if (orderFirstStrong !== undefined) movedFirstStrong = true;
    written = writeParagraph(visual, written, work, count, order);
    if (firstStrong !== undefined) writtenFirstStrong = writeParagraph(firstStrong, writtenFirstStrong, work, count, orderFirstStrong);
    from = to;
  }
  return { visual: moved ? visual : undefined, written, firstStrong: firstStrong !== undefined && movedFirstStrong ? firstStrong : undefined, writtenFirstStrong };
}

/**
 * Visual texts of many texts one after another in `text`, U+0000 between them (a form of the whole
 * splits into theirs: text-normalize.ts `matchingForms`): span i is `text[starts[i] … ends[i] − 1]`,
 * the original offset of its unit j `offsets[starts[i] + j]`.
 */
export interface VisualSpans {
  readonly text: string;
  readonly offsets: Int32Array;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** Visual texts of many texts, appended to one buffer: one string and one offset array for all of them. */
class VisualBatch {
  private units = new Uint16Array(0);
  private offsets = new Int32Array(0);
  private length = 0;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /**
   * `capacity`: the units the batch will hold at most (a visual text is never longer than its
   * original), allocated at the first text added (most batches of left-to-right text get none), so
   * that the buffers are never grown by copying.
   */
  constructor(private readonly capacity: number) {}

  /** Appends a written buffer (after a U+0000 unless it is the first); returns the span's number. */
  add(buffer: VisualBuffer, written: number): number {
    const separator = this.starts.length === 0 ? 0 : 1;
    if (this.length + separator + written > this.units.length) {
      const capacity = Math.max(this.capacity, this.units.length * 2, this.length + separator + written);
      const units = new Uint16Array(capacity);
      units.set(this.units.subarray(0, this.length));
      const offsets = new Int32Array(capacity);
      offsets.set(this.offsets.subarray(0, this.length));
      this.units = units;
      this.offsets = offsets;
    }
    if (separator === 1) {
      this.units[this.length] = 0;
      this.offsets[this.length] = -1;
      this.length += 1;
    }
    this.units.set(buffer.units.subarray(0, written), this.length);
    this.offsets.set(buffer.offsets.subarray(0, written), this.length);
    this.starts.push(this.length);
    this.ends.push(this.length + written);
    this.length += written;
    return this.starts.length - 1;
  }

  spans(): VisualSpans {
    const text = Buffer.from(this.units.buffer, 0, this.length * 2).toString('utf16le');
    return { text, offsets: this.offsets, starts: this.starts, ends: this.ends };
  }
}

/** `visualOrdersOfEach`: both orders' spans, and for text i its span in each (-1: none). */
export interface VisualOrdersOfEach {
  readonly leftToRight: VisualSpans;
  readonly firstStrong: VisualSpans;
  readonly leftToRightSpan: Int32Array;
  readonly firstStrongSpan: Int32Array;
}

/**
 * `visualOrders` of many texts (`leadingLevels[i]` as its `leadingLevel`; `wanted(i)` false: text i
 * gets none), written one after another into one string and one offset array per order: a string,
 * an offset array and their objects made per text were a third of the display-order cost of
 * Hebrew sentences (issue 13).
 */
export function visualOrdersOfEach(originals: readonly string[], leadingLevels: readonly number[] | undefined, wanted: (index: number) => boolean): VisualOrdersOfEach {
  // layOut's own gate first (a text with nothing to reorder is never laid out): the caller's `wanted` costs more.
  const laidOut = originals.map((original, index) => (leadingLevels?.[index] === 1 || REORDERS.test(original)) && wanted(index));
  // Each text and the U+0000 after it, at most.
  const capacity = originals.reduce((total, original, index) => (laidOut[index] === true ? total + original.length + 1 : total), 0);
  const leftToRight = new VisualBatch(capacity);
  const firstStrong = new VisualBatch(capacity);
  const leftToRightSpan = new Int32Array(originals.length).fill(-1);
  const firstStrongSpan = new Int32Array(originals.length).fill(-1);
  originals.forEach((original, index) => {
    if (laidOut[index] !== true) return;
    const layout = layOut(original, leadingLevels?.[index]);
    if (layout.visual !== undefined) leftToRightSpan[index] = leftToRight.add(layout.visual, layout.written);
    if (layout.firstStrong !== undefined) firstStrongSpan[index] = firstStrong.add(layout.firstStrong, layout.writtenFirstStrong);
  });
  return { leftToRight: leftToRight.spans(), firstStrong: firstStrong.spans(), leftToRightSpan, firstStrongSpan };
}
