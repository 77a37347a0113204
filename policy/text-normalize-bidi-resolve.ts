import { Bidi, maskOf } from './text-normalize-bidi-class.js';

/**
 * UAX #9 W1–W7 and N1–N2 over one isolating run sequence (text-normalize-bidi.ts): `types` holds
 * the types of its first `length` characters in sequence order (after X1–X8), changed in place;
 * I1–I2 is `resolvedLevel`. All numeric (classes in a typed array, sets of them bit masks): no
 * array or string per character. `present` is a mask of the classes in the sequence (a superset
 * will do): a rule whose classes are absent would change nothing, so its pass is skipped (plain
 * Hebrew prose, R with white space and punctuation, needs two passes of the seven).
 */
type Strong = typeof Bidi.L | typeof Bidi.R;

const ISOLATE_CONTROL = maskOf(Bidi.LRI, Bidi.RLI, Bidi.FSI, Bidi.PDI);
const NEUTRAL_OR_ISOLATE = maskOf(Bidi.B, Bidi.S, Bidi.WS, Bidi.ON, Bidi.LRI, Bidi.RLI, Bidi.FSI, Bidi.PDI);

const has = (present: number, classes: number): boolean => (present & classes) !== 0;
const NUMBERS = maskOf(Bidi.EN, Bidi.AN);
const SEPARATORS = maskOf(Bidi.ES, Bidi.CS);
const WEAK_FOR_W6_W7 = maskOf(Bidi.ES, Bidi.ET, Bidi.CS, Bidi.EN);
const MARK = maskOf(Bidi.NSM);
const ARABIC_LETTER = maskOf(Bidi.AL);
const TERMINATOR = maskOf(Bidi.ET);
const EUROPEAN_NUMBER = maskOf(Bidi.EN);
const AFTER_MARKS = maskOf(Bidi.ON, Bidi.L, Bidi.R);
const AFTER_ARABIC = maskOf(Bidi.AN, Bidi.R);
const AFTER_W6_W7 = maskOf(Bidi.ON, Bidi.L);

/** W1–W7 on the sequence's types (in sequence order); returns the classes present afterwards (a superset). */
function resolveWeak(types: Uint8Array, length: number, sos: Strong, classes: number): number {
  let present = classes;
  // W1: a mark takes the type before it (sos at the start, ON after an isolate control).
  if (has(present, MARK)) {
    for (let at = 0; at < length; at += 1) {
      if (types[at] !== Bidi.NSM) continue;
      const previous = at === 0 ? sos : (types[at - 1] as number);
      types[at] = (ISOLATE_CONTROL >> previous) & 1 ? Bidi.ON : previous;
    }
    present |= AFTER_MARKS;
  }
  // W2 and W3: European digits after Arabic letters are Arabic numbers; Arabic letters are R.
  if (has(present, ARABIC_LETTER)) {
    let lastStrong: number = sos;
    for (let at = 0; at < length; at += 1) {
      const type = types[at] as number;
      if (type === Bidi.L || type === Bidi.R || type === Bidi.AL) lastStrong = type;
      else if (type === Bidi.EN && lastStrong === Bidi.AL) types[at] = Bidi.AN;
    }
    for (let at = 0; at < length; at += 1) if (types[at] === Bidi.AL) types[at] = Bidi.R;
    present |= AFTER_ARABIC;
  }
  if (has(present, SEPARATORS) && has(present, NUMBERS)) joinNumbers(types, length);
  if (has(present, TERMINATOR) && has(present, EUROPEAN_NUMBER)) extendNumbers(types, length);
  // W6: remaining separators and terminators are neutral. W7: digits after L are L.
  if (has(present, WEAK_FOR_W6_W7)) {
    let lastStrong: number = sos;
    for (let at = 0; at < length; at += 1) {
      const type = types[at] as number;
      if (type === Bidi.ES || type === Bidi.ET || type === Bidi.CS) types[at] = Bidi.ON;
      else if (type === Bidi.L || type === Bidi.R) lastStrong = type;
      else if (type === Bidi.EN && lastStrong === Bidi.L) types[at] = Bidi.L;
    }
    present |= AFTER_W6_W7;
  }
  return present;
}

function joinNumbers(types: Uint8Array, length: number): void {
  // W4: one separator between two numbers of the same kind joins them.
  for (let at = 1; at + 1 < length; at += 1) {
    const before = types[at - 1] as number;
    const after = types[at + 1] as number;
    const type = types[at] as number;
    if (type === Bidi.ES && before === Bidi.EN && after === Bidi.EN) types[at] = Bidi.EN;
    else if (type === Bidi.CS && before === after && (before === Bidi.EN || before === Bidi.AN)) types[at] = before;
  }
}

function extendNumbers(types: Uint8Array, length: number): void {
  // W5: terminators next to European digits are digits.
  for (let at = 0; at < length; at += 1) {
    if (types[at] !== Bidi.ET) continue;
    let end = at;
    while (end < length && types[end] === Bidi.ET) end += 1;
    if ((at > 0 && types[at - 1] === Bidi.EN) || (end < length && types[end] === Bidi.EN)) types.fill(Bidi.EN, at, end);
    at = end - 1;
  }
}

/** N1–N2: a run of neutrals between two strong types of one direction takes it, else the embedding direction. */
function resolveNeutral(types: Uint8Array, length: number, sos: Strong, eos: Strong, embedding: Strong): void {
  for (let at = 0; at < length; at += 1) {
    if (((NEUTRAL_OR_ISOLATE >> (types[at] as number)) & 1) === 0) continue;
    let end = at;
    while (end < length && (NEUTRAL_OR_ISOLATE >> (types[end] as number)) & 1) end += 1;
    // Numbers count as R here (N1); the sequence's edges stand in for a missing neighbour.
    const before = at === 0 ? sos : types[at - 1] === Bidi.L ? Bidi.L : Bidi.R;
    const after = end === length ? eos : types[end] === Bidi.L ? Bidi.L : Bidi.R;
    types.fill(before === after ? before : embedding, at, end);
    at = end - 1;
  }
}

/** W1–N2 over one sequence's types (see above); `embedding` is the direction of its embedding level. */
export function resolveTypes(types: Uint8Array, length: number, present: number, sos: Strong, eos: Strong, embedding: Strong): void {
  const after = resolveWeak(types, length, sos, present);
  if (has(after, NEUTRAL_OR_ISOLATE)) resolveNeutral(types, length, sos, eos, embedding);
}

/** I1–I2: a character's level raised by its resolved direction. */
export function resolvedLevel(own: number, type: number): number {
  if (own % 2 === 0) return own + (type === Bidi.R ? 1 : type === Bidi.AN || type === Bidi.EN ? 2 : 0);
  return own + (type === Bidi.L || type === Bidi.EN || type === Bidi.AN ? 1 : 0);
}
