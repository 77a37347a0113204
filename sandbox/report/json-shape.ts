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

export type JsonShape =
  | { readonly ok: true; readonly values: number; readonly depth: number }
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

/**
 * Counts the values and the nesting of a JSON text without parsing it: an array's elements are
 * its commas plus one (none when empty), an object's members are its colons, outside strings.
 * Exact for valid JSON; for invalid bytes the count is whatever it is and `JSON.parse` refuses
 * them afterwards. Stops at the first byte over a bound.
 */
export function measureJsonShape(bytes: Uint8Array, bounds: JsonShapeBounds): JsonShape {
  const containers = new Uint8Array(bounds.maxDepth + 1);
  let depth = 0;
  let deepest = 0;
  let values = 1;
  let previous = 0;
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at] ?? 0;
    if (byte === QUOTE) {
      at = endOfString(bytes, at + 1);
      previous = QUOTE;
      continue;
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
      depth = Math.max(0, depth - 1);
    } else if (byte === COLON || (byte === COMMA && containers[depth] === IN_ARRAY)) {
      values += 1;
    }
    if (values > bounds.maxValues) return { ok: false, bound: 'maxValues', atByte: at };
    if (!isWhitespace(byte)) previous = byte;
    at += 1;
  }
  return { ok: true, values, depth: deepest };
}
