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
  private explicitArrays: ExplicitArrays | undefined;

  constructor(readonly capacity: number) {
    this.classes = new Uint8Array(capacity);
    this.codes = new Int32Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.levels = new Uint8Array(capacity);
    this.sequenceTypes = new Uint8Array(capacity);
    this.order = new Int32Array(capacity);
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
 * is the mask of the paragraph's classes. A paragraph without explicit controls or characters X9
 * removes (most right-to-left prose) has level 0 throughout and one isolating run sequence, the
 * whole paragraph: X1–X10 are skipped, the rules run on the paragraph's range directly.
 */
function resolveLevels(work: Workspace, start: number, end: number, present: number): void {
  displayOrderCounter.paragraphs += 1;
  if ((present & (EXPLICIT | REMOVED)) === 0) resolveImplicitParagraph(work, start, end, present);
  else resolveExplicitParagraph(work, start, end, present);
  const { classes, levels } = work;
  // L1: separators, and white space or isolate controls before them or at the end of the line, at the
  // paragraph level. Without a segment separator only the end can trail (B ends the paragraph).
  const separators = (present & SEGMENT_SEPARATOR) !== 0;
  let trailing = true;
  for (let index = end - 1; index >= start; index -= 1) {
    const type = classes[index] as number;
    if (type === Bidi.B || type === Bidi.S) {
      levels[index] = 0;
      trailing = true;
    } else if (trailing && isIn(TRAILING, type)) levels[index] = 0;
    else if (!separators) break;
    else trailing = false;
  }
  // Removed characters take the level of the character before them (they are dropped or invisible anyway).
  if ((present & REMOVED) === 0) return;
  for (let index = start + 1; index < end; index += 1) {
    if (isIn(REMOVED, classes[index] as number)) levels[index] = levels[index - 1] as number;
  }
}

function resolveImplicitParagraph(work: Workspace, start: number, end: number, present: number): void {
  const { classes, levels, sequenceTypes } = work;
  const length = end - start;
  sequenceTypes.set(classes.subarray(start, end));
  // Level 0 everywhere and nothing before or after the one sequence: sos and eos are L.
  resolveTypes(sequenceTypes, length, present, Bidi.L, Bidi.L, Bidi.L);
  for (let at = 0; at < length; at += 1) levels[start + at] = resolvedLevel(0, sequenceTypes[at] as number);
}

function resolveExplicitParagraph(work: Workspace, start: number, end: number, present: number): void {
  const { classes, levels, sequenceTypes } = work;
  const { types, embedding, matches, stack, nextInSequence, heads } = work.explicit;
  types.set(classes.subarray(start, end), start);
  if ((present & ISOLATE_START) !== 0) matchingPdis(classes, start, end, matches, stack);
  explicitLevels(types, start, end, matches, levels);
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
    const sos = Math.max(level, before < 0 ? 0 : (embedding[before] as number)) % 2 === 1 ? Bidi.R : Bidi.L;
    const eos = Math.max(embedding[last] as number, after < 0 ? 0 : (embedding[after] as number)) % 2 === 1 ? Bidi.R : Bidi.L;
    resolveTypes(sequenceTypes, length, sequencePresent, sos, eos, level % 2 === 1 ? Bidi.R : Bidi.L);
    for (let at = 0; at < length; at += 1) {
      const index = stack[at] as number;
      levels[index] = resolvedLevel(levels[index] as number, sequenceTypes[at] as number);
    }
  }
}

/** The visual order of a text (explicit controls dropped), or undefined when it shows in stored order. */
export function visualOrder(original: string): VisualText | undefined {
  if (!REORDERS.test(original)) return undefined;
  displayOrderCounter.texts += 1;
  // Written unit by unit into arrays of the original's length (the visual text is never longer): no string per character.
  const visual = visualBufferFor(original.length);
  const { units } = visual;
  const unitOffsets = visual.offsets;
  let written = 0;
  let moved = false;
  for (let from = 0; from < original.length; ) {
    const to = paragraphEnd(original, from);
    const work = workspaceFor(to - from);
    const { classes, codes, offsets, order } = work;
    const { count, present } = classify(original, from, to, work);
    let reordered = false;
    if ((present & MAY_REORDER) !== 0) {
      resolveLevels(work, 0, count, present);
      reordered = displayOrder(work.levels, 0, count, order);
    }
    for (let at = 0; at < count; at += 1) {
      const index = reordered ? (order[at] as number) : at;
      if (index !== at) moved = true;
      if (isIn(DROPPED, classes[index] as number)) continue;
      const offset = offsets[index] as number;
      const code = codes[index] as number;
      if (code > 0xffff) {
        // A pair, written back as its two units (both pointing at the pair's offset).
        units[written] = 0xd800 + ((code - 0x10000) >> 10);
        unitOffsets[written] = offset;
        written += 1;
        units[written] = 0xdc00 + ((code - 0x10000) & 0x3ff);
      } else units[written] = code;
      unitOffsets[written] = offset;
      written += 1;
    }
    from = to;
  }
  if (!moved) return undefined;
  const text = Buffer.from(units.buffer, units.byteOffset, written * 2).toString('utf16le');
  // A kept buffer is written again by the next text: its offsets are copied; a text's own are handed over.
  return { text, originalOffsets: visual === keptVisualBuffer ? unitOffsets.slice(0, written) : unitOffsets.subarray(0, written) };
}
