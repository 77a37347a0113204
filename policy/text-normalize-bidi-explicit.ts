import { Bidi, maskOf } from './text-normalize-bidi-class.js';

/**
 * UAX #9 BD9, P2–P3 and X1–X8 for one paragraph of text-normalize-bidi.ts, numeric: the paragraph
 * is the range `start … end − 1` of typed arrays holding one entry per code point.
 */
const MAX_DEPTH = 125;
/** The directional status stack holds at most one entry per level 0 … 125 (each push raises the level). */
const STACK_SIZE = MAX_DEPTH + 2;
const ISOLATE_START = maskOf(Bidi.LRI, Bidi.RLI, Bidi.FSI);
const NO_OVERRIDE = 0;

/**
 * BD9: the PDI matching each isolate initiator (by index), or -1, written into `matches`; `open`
 * is scratch space. Every later step reads it: X5c's first-strong search jumps over nested
 * isolates with it, X10 joins runs across it.
 */
export function matchingPdis(types: Uint8Array, start: number, end: number, matches: Int32Array, open: Int32Array): void {
  matches.fill(-1, start, end);
  let depth = 0;
  for (let index = start; index < end; index += 1) {
    const type = types[index] as number;
    if ((ISOLATE_START >> type) & 1) {
      open[depth] = index;
      depth += 1;
    } else if (type === Bidi.PDI && depth > 0) {
      depth -= 1;
      matches[open[depth] as number] = index;
    }
  }
}

/**
 * P2–P3 for an FSI: the first strong type up to its matching PDI, isolates inside skipped. Each
 * nested isolate is jumped over by its match (an unmatched one runs to the paragraph's end), so the
 * characters each FSI reads are its own: many FSIs cost one pass, not one pass each.
 */
function firstStrongIsRtl(types: Uint8Array, matches: Int32Array, from: number, end: number): boolean {
  for (let index = from; index < end; index += 1) {
    const type = types[index] as number;
    if ((ISOLATE_START >> type) & 1) {
      const match = matches[index] as number;
      if (match < 0) return false;
      index = match;
    } else if (type === Bidi.PDI || type === Bidi.B || type === Bidi.L) return false;
    else if (type === Bidi.R || type === Bidi.AL) return true;
  }
  return false;
}

/** The directional status stack (X1): levels, overrides (0, L or R) and isolate flags, at most STACK_SIZE entries. */
class StatusStack {
  readonly level = new Uint8Array(STACK_SIZE);
  readonly override = new Uint8Array(STACK_SIZE);
  readonly isolate = new Uint8Array(STACK_SIZE);
  top = 0;

  /** Back to X1's one entry: the paragraph level, no override, not an isolate. */
  reset(paragraphLevel: number): void {
    this.top = 0;
    this.level[0] = paragraphLevel;
    this.override[0] = NO_OVERRIDE;
    this.isolate[0] = 0;
  }

  push(level: number, override: number, isolate: boolean): void {
    this.top += 1;
    this.level[this.top] = level;
    this.override[this.top] = override;
    this.isolate[this.top] = isolate ? 1 : 0;
  }
}

/** One stack for every paragraph (reset at each; the work is synchronous): no allocation per paragraph. */
const STATUS_STACK = new StatusStack();

/**
 * X1–X8: the embedding level of each character into `levels`; the types of overridden characters
 * are replaced in place in `types` (which holds the paragraph's classes when called).
 */
export function explicitLevels(types: Uint8Array, start: number, end: number, matches: Int32Array, levels: Uint8Array, paragraphLevel: number): void {
  const stack = STATUS_STACK;
  stack.reset(paragraphLevel);
  let overflowIsolates = 0;
  let overflowEmbeddings = 0;
  let validIsolates = 0;
  const push = (rtl: boolean, override: number, isolate: boolean): boolean => {
    const current = stack.level[stack.top] as number;
    const level = rtl ? (current + 1) | 1 : (current + 2) & ~1;
    if (level > MAX_DEPTH || overflowIsolates > 0 || overflowEmbeddings > 0) return false;
    stack.push(level, override, isolate);
    return true;
  };
  for (let index = start; index < end; index += 1) {
    const type = types[index] as number;
    levels[index] = stack.level[stack.top] as number;
    if (type === Bidi.RLE || type === Bidi.LRE || type === Bidi.RLO || type === Bidi.LRO) {
      const override = type === Bidi.RLO ? Bidi.R : type === Bidi.LRO ? Bidi.L : NO_OVERRIDE;
      if (!push(type === Bidi.RLE || type === Bidi.RLO, override, false) && overflowIsolates === 0) overflowEmbeddings += 1;
    } else if ((ISOLATE_START >> type) & 1) {
      const override = stack.override[stack.top] as number;
      if (override !== NO_OVERRIDE) types[index] = override;
      const rtl = type === Bidi.RLI || (type === Bidi.FSI && firstStrongIsRtl(types, matches, index + 1, end));
      if (push(rtl, NO_OVERRIDE, true)) validIsolates += 1;
      else overflowIsolates += 1;
    } else if (type === Bidi.PDI) {
      if (overflowIsolates > 0) overflowIsolates -= 1;
      else if (validIsolates > 0) {
        overflowEmbeddings = 0;
        while (stack.isolate[stack.top] === 0) stack.top -= 1;
        stack.top -= 1;
        validIsolates -= 1;
      }
      levels[index] = stack.level[stack.top] as number;
      const override = stack.override[stack.top] as number;
      if (override !== NO_OVERRIDE) types[index] = override;
    } else if (type === Bidi.PDF) {
      if (overflowIsolates > 0) continue;
      if (overflowEmbeddings > 0) overflowEmbeddings -= 1;
      else if (stack.isolate[stack.top] === 0 && stack.top > 0) stack.top -= 1;
    } else if (type !== Bidi.B && type !== Bidi.BN) {
      const override = stack.override[stack.top] as number;
      if (override !== NO_OVERRIDE) types[index] = override;
    }
  }
}
