import type { BidiClass } from './text-normalize-bidi-class.js';

/**
 * UAX #9 W1–W7, N1–N2 and I1–I2 over one isolating run sequence (text-normalize-bidi.ts): `sequence`
 * holds the indices of its characters in `types` (their types after X1–X8, changed in place) and
 * `levels` (their embedding levels, raised in place to the resolved levels).
 */
type Strong = 'L' | 'R';

const ISOLATE_CONTROL: ReadonlySet<BidiClass> = new Set(['LRI', 'RLI', 'FSI', 'PDI']);
const NEUTRAL_OR_ISOLATE: ReadonlySet<BidiClass> = new Set(['B', 'S', 'WS', 'ON', 'LRI', 'RLI', 'FSI', 'PDI']);

/** W1–W7 on the sequence's types (a plain array, in sequence order). */
function resolveWeak(types: BidiClass[], sos: Strong): void {
  // W1: a mark takes the type before it (sos at the start, ON after an isolate control).
  types.forEach((type, at) => {
    if (type !== 'NSM') return;
    const previous = at === 0 ? sos : (types[at - 1] as BidiClass);
    types[at] = ISOLATE_CONTROL.has(previous) ? 'ON' : previous;
  });
  // W2 and W3: European digits after Arabic letters are Arabic numbers; Arabic letters are R.
  let lastStrong: BidiClass = sos;
  types.forEach((type, at) => {
    if (type === 'L' || type === 'R' || type === 'AL') lastStrong = type;
    else if (type === 'EN' && lastStrong === 'AL') types[at] = 'AN';
  });
  types.forEach((type, at) => {
    if (type === 'AL') types[at] = 'R';
  });
  // W4: one separator between two numbers of the same kind joins them.
  for (let at = 1; at + 1 < types.length; at += 1) {
    const before = types[at - 1];
    const after = types[at + 1];
    const type = types[at];
    if (type === 'ES' && before === 'EN' && after === 'EN') types[at] = 'EN';
    else if (type === 'CS' && before === after && (before === 'EN' || before === 'AN')) types[at] = before;
  }
  // W5: terminators next to European digits are digits.
  for (let at = 0; at < types.length; at += 1) {
    if (types[at] !== 'ET') continue;
    let end = at;
    while (end < types.length && types[end] === 'ET') end += 1;
    if (types[at - 1] === 'EN' || types[end] === 'EN') types.fill('EN', at, end);
    at = end - 1;
  }
  // W6: remaining separators and terminators are neutral. W7: digits after L are L.
  lastStrong = sos;
  types.forEach((type, at) => {
    if (type === 'ES' || type === 'ET' || type === 'CS') types[at] = 'ON';
    else if (type === 'L' || type === 'R') lastStrong = type;
    else if (type === 'EN' && lastStrong === 'L') types[at] = 'L';
  });
}

/** N1–N2: a run of neutrals between two strong types of one direction takes it, else the embedding direction. */
function resolveNeutral(types: BidiClass[], sos: Strong, eos: Strong, embedding: Strong): void {
  const directionOf = (type: BidiClass | undefined, edge: Strong): Strong => (type === undefined ? edge : type === 'L' ? 'L' : 'R');
  for (let at = 0; at < types.length; at += 1) {
    if (!NEUTRAL_OR_ISOLATE.has(types[at] as BidiClass)) continue;
    let end = at;
    while (end < types.length && NEUTRAL_OR_ISOLATE.has(types[end] as BidiClass)) end += 1;
    const before = directionOf(at === 0 ? undefined : types[at - 1], sos);
    const after = directionOf(types[end], eos);
    types.fill(before === after ? before : embedding, at, end);
    at = end - 1;
  }
}

export function resolveSequence(sequence: readonly number[], allTypes: BidiClass[], levels: number[], sos: Strong, eos: Strong): void {
  const types = sequence.map((index) => allTypes[index] as BidiClass);
  const level = levels[sequence[0] as number] ?? 0;
  resolveWeak(types, sos);
  resolveNeutral(types, sos, eos, level % 2 === 1 ? 'R' : 'L');
  // I1–I2: raise each character's level by its resolved direction.
  sequence.forEach((index, at) => {
    const type = types[at];
    const own = levels[index] ?? 0;
    if (own % 2 === 0) levels[index] = own + (type === 'R' ? 1 : type === 'AN' || type === 'EN' ? 2 : 0);
    else levels[index] = own + (type === 'L' || type === 'EN' || type === 'AN' ? 1 : 0);
    allTypes[index] = type as BidiClass;
  });
}
