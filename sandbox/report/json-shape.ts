/**
 * The shape of report.json's bytes, measured before they are parsed (issue 12, red team round 6:
 * LAUNCHER-MEM). `JSON.parse` turns each value into a heap object: `{"a":[{},{},…]}` costs three
 * bytes a value on the channel and ≈ 100 bytes of launcher memory, so the channel's byte cap alone
 * let a report under it grow the launcher ≈ 36×. Counting values and nesting first, in one pass
 * over the bytes with nothing allocated per value, bounds what the parse can build: a report over
 * either bound is refused before a single object exists.
 */
export interface JsonShapeBounds {
  /** JSON values in the document (the root, every array element and every object member). */
  readonly maxValues: number;
  /** Arrays and objects open at once. */
  readonly maxDepth: number;
}

/**
 * Where the array that is the value of one member of the root object lies, and its elements: what
 * the launcher needs to check report.json's claims one at a time (report-schema-check.ts) without
 * parsing the whole document into one object graph.
 */
export interface ArrayLayout {
  /** The byte offsets of the array's `[` and just past its `]`. */
  readonly start: number;
  readonly end: number;
  /** `[start0, end0, start1, end1, …]`: each element's first byte and the byte just past its last. */
  readonly elements: Uint32Array;
  readonly count: number;
  /** The root object has the key more than once (JSON.parse would keep the last; the launcher refuses). */
  readonly repeated: boolean;
}

export type JsonShape =
  | { readonly ok: true; readonly values: number; readonly depth: number; readonly array?: ArrayLayout }
  | { readonly ok: false; readonly bound: keyof JsonShapeBounds; readonly atByte: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;
const IN_ARRAY = 1;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * The index just past the string whose contents start at `from`: the next quote not escaped by
 * an odd run of backslashes. Found with `indexOf` (memchr), since strings are most of a report's
 * bytes. An unterminated string ends at the end of the bytes (the parser then refuses it).
 */
function endOfString(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, at);
    if (quote < 0) return bytes.length;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && bytes[quote - backslashes - 1] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** Element offsets, grown by doubling (at most 2 × maxValues entries). */
class Offsets {
  values = new Uint32Array(1024);
  length = 0;

  push(start: number, end: number): void {
    if (this.length + 2 > this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = start;
    this.values[this.length + 1] = end;
    this.length += 2;
  }
}

function sameBytes(bytes: Uint8Array, from: number, to: number, expected: Uint8Array): boolean {
  if (to - from !== expected.length) return false;
  for (let index = 0; index < expected.length; index += 1) if (bytes[from + index] !== expected[index]) return false;
  return true;
}

/**
 * Counts the values and the nesting of a JSON text without parsing it: an array's elements are
 * its commas plus one (none when empty), an object's members are its colons, outside strings.
 * Exact for valid JSON; for invalid bytes the count is whatever it is and `JSON.parse` refuses
 * them afterwards. Stops at the first byte over a bound.
 *
 * With `arrayKey` (the key's bytes as they stand between the quotes), the same pass also finds the
 * first member of the root object with that key whose value is an array, and its elements' byte
 * ranges (`array`). Exact for valid JSON; for anything else the parse of the parts refuses it.
 */
export function measureJsonShape(bytes: Uint8Array, bounds: JsonShapeBounds, arrayKey?: Uint8Array): JsonShape {
  const containers = new Uint8Array(bounds.maxDepth + 1);
  let depth = 0;
  let deepest = 0;
  let values = 1;
  let previous = 0;
  let at = 0;
  // The tracked array: 0 before it, 1 its key was just read, 2 inside it, 3 after it.
  let tracking = arrayKey === undefined ? 3 : 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  let elementStart = -1;
  let lastEnd = 0;
  let repeated = false;
  const offsets = new Offsets();
  while (at < bytes.length) {
    const byte = bytes[at] ?? 0;
    if (tracking === 2 && elementStart < 0 && depth === 2 && !isWhitespace(byte) && byte !== CLOSE_ARRAY && byte !== COMMA) elementStart = at;
    if (byte === QUOTE) {
      const end = endOfString(bytes, at + 1);
      const isKey = depth === 1 && (previous === OPEN_OBJECT || previous === COMMA) && arrayKey !== undefined && tracking !== 1 && sameBytes(bytes, at + 1, end - 1, arrayKey);
      if (isKey && tracking === 0) tracking = 1;
      else if (isKey) repeated = true;
      else if (tracking === 1 && previous === COLON) tracking = 0;
      at = end;
      lastEnd = end;
      previous = QUOTE;
      continue;
    }
    if (tracking === 1 && previous === COLON && !isWhitespace(byte)) {
      if (byte === OPEN_ARRAY && depth === 1) {
        tracking = 2;
        arrayStart = at;
      } else {
        tracking = 0;
      }
    }
    if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > bounds.maxDepth) return { ok: false, bound: 'maxDepth', atByte: at };
      deepest = Math.max(deepest, depth);
      containers[depth] = byte === OPEN_ARRAY ? IN_ARRAY : 0;
      if (byte === OPEN_ARRAY) values += 1;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      // `[]` counted its one element at the bracket: it has none.
      if (byte === CLOSE_ARRAY && previous === OPEN_ARRAY) values -= 1;
      if (tracking === 2 && depth === 2 && byte === CLOSE_ARRAY) {
        if (elementStart >= 0) offsets.push(elementStart, lastEnd);
        tracking = 3;
        arrayEnd = at + 1;
      }
      depth = Math.max(0, depth - 1);
    } else if (byte === COLON || (byte === COMMA && containers[depth] === IN_ARRAY)) {
      values += 1;
      if (tracking === 2 && depth === 2) {
        offsets.push(elementStart, lastEnd);
        elementStart = -1;
      }
    }
    if (values > bounds.maxValues) return { ok: false, bound: 'maxValues', atByte: at };
    if (!isWhitespace(byte)) {
      previous = byte;
      lastEnd = at + 1;
    }
    at += 1;
  }
  if (arrayStart < 0 || arrayEnd < 0) return { ok: true, values, depth: deepest };
  return { ok: true, values, depth: deepest, array: { start: arrayStart, end: arrayEnd, elements: offsets.values.subarray(0, offsets.length), count: offsets.length / 2, repeated } };
}
