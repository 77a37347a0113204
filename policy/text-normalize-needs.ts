/**
 * What a skeletonized rule pattern (text-normalize-pattern.ts) can match, read from its source
 * without running it (issue 13): the characters every match holds, and how far a match reaches.
 * A text whose matching form lacks what every match holds needs no visual form for the pattern,
 * in whatever order its characters are shown (text-normalize-bidi.ts moves characters, never
 * changes them). The patterns are the project's own subset of RegExp syntax (skeletonizePatternSource).
 *
 * `needs` is exact about alternations (session 14): `(?:approves?|gates?)\s+release` needs the
 * letters of `approve` or those of `gate`, and those of `release`; before, it needed one letter of
 * either word, which Hebrew prose with a few Latin words nearly always held.
 */
export interface Requirement {
  /** ASCII characters every match holds (a need outside ASCII is never checked: it may always hold). */
  readonly chars: string;
  /** For each alternation, the requirements of its branches: every match meets one of them. */
  readonly either: ReadonlyArray<readonly Requirement[]>;
}

export interface PatternShape {
  readonly needs: Requirement;
  /**
   * At most this many units that are not white space lie in the span a match and its assertions
   * read (`\b` and look-arounds read beyond what the match consumes); Infinity when a repeated
   * atom that is not white space has no bound.
   */
  readonly reach: number;
}

const NOTHING: Requirement = { chars: '', either: [] };
const NO_SHAPE: PatternShape = { needs: NOTHING, reach: 0 };

const QUANTIFIER_OPTIONAL = /^(?:\?|\*|\{0[,}])/;
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/;
const ESCAPE_CLASSES = new Set(['b', 'B', 's', 'S', 'w', 'W', 'd', 'D', 'n', 'r', 't']);

/** The index just past the class that starts at `start` (its `[`). */
function classEnd(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** The most times a quantifier repeats its atom. */
function maxRepeats(quantifier: string): number {
  if (quantifier.startsWith('?')) return 1;
  if (quantifier.startsWith('*') || quantifier.startsWith('+')) return Infinity;
  const bounds = /^\{(\d+)(,(\d*))?\}/.exec(quantifier);
  if (bounds === null) return Infinity;
  if (bounds[2] === undefined) return Number(bounds[1]);
  return bounds[3] === '' ? Infinity : Number(bounds[3]);
}

function isNothing(needs: Requirement): boolean {
  return needs.chars === '' && needs.either.length === 0;
}

/** A literal character's need: its lower case when ASCII (the forms are caseless), else none. */
function literalNeeds(char: string): Requirement {
  const lower = char.toLowerCase();
  return lower.length === 1 && lower.charCodeAt(0) < 128 ? { chars: lower, either: [] } : NOTHING;
}

/** One atom at `index`: its shape and the index after it (before any quantifier). */
function atomShape(source: string, index: number): { shape: PatternShape; next: number } {
  const char = source[index] ?? '';
  if (char === '\\') {
    const escaped = source[index + 1] ?? '';
    // `\s` consumes white space only; `\b` reads the unit on each side.
    if (escaped === 's') return { shape: NO_SHAPE, next: index + 2 };
    if (escaped === 'b' || escaped === 'B') return { shape: { needs: NOTHING, reach: 2 }, next: index + 2 };
    if (ESCAPE_CLASSES.has(escaped)) return { shape: { needs: NOTHING, reach: 1 }, next: index + 2 };
    return { shape: { needs: literalNeeds(escaped), reach: 1 }, next: index + 2 };
  }
  if (char === '[') return { shape: { needs: NOTHING, reach: 1 }, next: classEnd(source, index) };
  if (char === '(') {
    const opening = /^\((?:\?(?::|=|!|<=|<!))?/.exec(source.slice(index, index + 4))?.[0] ?? '(';
    const inner = disjunctionShape(source, index + opening.length);
    // A look-around holds no character of the match, but reads as far as its own pattern reaches.
    const shape = opening === '(' || opening === '(?:' ? inner.shape : { needs: NOTHING, reach: inner.shape.reach };
    return { shape, next: inner.next + 1 };
  }
  if (char === '^' || char === '$') return { shape: NO_SHAPE, next: index + 1 };
  if (char === '.' || /\s/.test(char)) return { shape: { needs: NOTHING, reach: 1 }, next: index + 1 };
  return { shape: { needs: literalNeeds(char), reach: 1 }, next: index + 1 };
}

/** One disjunction from `start` up to its `)` or the end: its shape and the index of that `)`. */
function disjunctionShape(source: string, start: number): { shape: PatternShape; next: number } {
  const branches: PatternShape[] = [];
  let chars = new Set<string>();
  let either: Array<readonly Requirement[]> = [];
  let reach = 0;
  let index = start;
  for (;;) {
    const char = source[index];
    if (char === undefined || char === ')' || char === '|') {
      branches.push({ needs: { chars: [...chars].join(''), either }, reach });
      if (char !== '|') break;
      chars = new Set<string>();
      either = [];
      reach = 0;
      index += 1;
      continue;
    }
    const atom = atomShape(source, index);
    let { needs, reach: atomReach } = atom.shape;
    index = atom.next;
    const quantifier = QUANTIFIER.exec(source.slice(index, index + 12))?.[0];
    if (quantifier !== undefined) {
      if (QUANTIFIER_OPTIONAL.test(quantifier)) needs = NOTHING;
      if (atomReach > 0) atomReach *= maxRepeats(quantifier);
      index += quantifier.length;
    }
    for (const need of needs.chars) chars.add(need);
    either.push(...needs.either);
    reach += atomReach;
  }
  const next = index;
  if (branches.length === 1) return { shape: branches[0] as PatternShape, next };
  const widest = Math.max(...branches.map((branch) => branch.reach));
  // A branch that needs nothing makes the alternation need nothing.
  if (branches.some((branch) => isNothing(branch.needs))) return { shape: { needs: NOTHING, reach: widest }, next };
  return { shape: { needs: { chars: '', either: [branches.map((branch) => branch.needs)] }, reach: widest }, next };
}

/** The shape of a skeletonized pattern source. */
export function shapeOf(skeleton: string): PatternShape {
  return disjunctionShape(skeleton, 0).shape;
}

/** What every match of a skeletonized pattern holds (white space never counted). */
export function needsOf(skeleton: string): Requirement {
  return shapeOf(skeleton).needs;
}

/**
 * Whether a matching form whose ASCII characters are those with `present[code] !== 0` holds what
 * the requirement asks. Callers mark a capital's lower case present too (the forms are caseless;
 * the patterns' `i` flag would match either).
 */
export function meetsNeeds(needs: Requirement, present: ArrayLike<number>): boolean {
  for (let index = 0; index < needs.chars.length; index += 1) if (present[needs.chars.charCodeAt(index)] === 0) return false;
  return needs.either.every((branches) => branches.some((branch) => meetsNeeds(branch, present)));
}

/** The ASCII characters of a matching form (a capital's lower case too), as 1s by code: what meetsNeeds reads. */
export function presenceOf(form: string): Uint8Array {
  const present = new Uint8Array(128);
  for (let index = 0; index < form.length; index += 1) {
    const code = form.charCodeAt(index);
    if (code < 128) present[code] = 1;
  }
  for (let code = 0x41; code <= 0x5a; code += 1) if (present[code] === 1) present[code | 0x20] = 1;
  return present;
}
