import { stringEnd } from './json-value.js';

/**
 * packet.json's one pass before JSON.parse (issue 13: a refused packet must cost about one parse):
 * the nesting depth, given up past `depthLimit` exactly as jsonDepthExceeds (json-value.ts) does,
 * and the first key an object repeats, named by the same path scanJsonMembers spells
 * (`dossier.claims[15999].subject`).
 *
 * Inside the sandbox node runs `--jitless`: this loop is interpreted, where every bytecode and
 * every call counts (the session-14 scan, one call per value string and per key comparison, cost
 * twice what JSON.parse did there: 750 against 350 CPU-ms of a 15 MB packet, session 15). So the common
 * path is one function without calls: strings are skipped to their closing quote natively
 * (indexOf; the next backslash in the text is known, looked up again only once the scan has passed
 * it), and a key is compared with nothing while no earlier key of its object has its length (one
 * bit per length, modulo 32). Only a key whose length bit is set, a key with a backslash, or a key
 * of an object that already has LINEAR_KEYS keys reaches repeatsEarlierKey: compared in place, or
 * decoded, or looked up in the object's set of key texts (so a huge object stays linear).
 * The result means something only for text JSON.parse accepts; any other text is scanned safely.
 */
export interface PacketJsonScan {
  /** Nesting deeper than the limit (the scan stops there). */
  readonly tooDeep: boolean;
  /** The first repeated key's path ('' for a key of the top-level object), or undefined. */
  readonly duplicate: string | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
/** `[` and `{` with bit 0x20 set are both `{`; `]` and `}` are both `}`. */
const OPENING = 0x7b;
const CLOSING = 0x7d;
const LINEAR_KEYS = 8;

/** The keys of the objects open now, as a stack: each object's keys from its `keysFrom` on. */
interface KeyStack {
  start: Int32Array;
  end: Int32Array;
  escaped: Uint8Array;
}

function grown(keys: KeyStack): KeyStack {
  const size = keys.start.length * 2;
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const escaped = new Uint8Array(size);
  start.set(keys.start);
  end.set(keys.end);
  escaped.set(keys.escaped);
  return { start, end, escaped };
}

/** A key's text as JSON.parse reads it (`start` and `end`: its quotes); an escape JSON.parse refuses leaves it raw (JSON.parse then refuses the packet). */
function keyText(text: string, keys: KeyStack, entry: number): string {
  const start = keys.start[entry] as number;
  const end = keys.end[entry] as number;
  if (keys.escaped[entry] === 0) return text.slice(start + 1, end);
  try {
    return String(JSON.parse(text.slice(start, end + 1)));
  } catch {
    return text.slice(start + 1, end);
  }
}

/** The length bit of key `entry`: of its text as JSON.parse reads it. */
function lengthBit(text: string, keys: KeyStack, entry: number): number {
  const length = keys.escaped[entry] === 0 ? (keys.end[entry] as number) - (keys.start[entry] as number) - 1 : keyText(text, keys, entry).length;
  return 1 << (length & 31);
}

/** Whether keys `one` and `other` are one key for JSON.parse: without escapes, the same characters, compared in place. */
function sameKey(text: string, keys: KeyStack, one: number, other: number): boolean {
  if (keys.escaped[one] === 1 || keys.escaped[other] === 1) return keyText(text, keys, one) === keyText(text, keys, other);
  const oneStart = keys.start[one] as number;
  const otherStart = keys.start[other] as number;
  const length = (keys.end[one] as number) - oneStart;
  if ((keys.end[other] as number) - otherStart !== length) return false;
  for (let offset = 1; offset < length; offset += 1) if (text.charCodeAt(oneStart + offset) !== text.charCodeAt(otherStart + offset)) return false;
  return true;
}

/** The open containers, by depth (at most the depth limit + 1 of them are tracked). */
interface Frames {
  readonly object: Uint8Array;
  readonly index: Int32Array;
  /** The current key of an object: its entry in the key stack (-1: none yet). */
  readonly key: Int32Array;
  readonly keysFrom: Int32Array;
  /** One bit per length (modulo 32) of the object's keys so far. */
  readonly lengths: Int32Array;
  /** The texts of an object's keys once it has more than LINEAR_KEYS of them. */
  readonly texts: Array<Set<string> | undefined>;
}

/**
 * Whether key `entry` of the object at `level` repeats an earlier key of it. The object's set of
 * key texts, once it has more than LINEAR_KEYS keys, holds every key but `entry`'s.
 */
function repeatsEarlierKey(text: string, frames: Frames, keys: KeyStack, level: number, entry: number): boolean {
  const from = frames.keysFrom[level] as number;
  let texts = frames.texts[level];
  if (texts === undefined && entry - from > LINEAR_KEYS) {
    texts = new Set();
    for (let other = from; other < entry; other += 1) texts.add(keyText(text, keys, other));
    frames.texts[level] = texts;
  }
  if (texts !== undefined) {
    const own = keyText(text, keys, entry);
    if (texts.has(own)) return true;
    texts.add(own);
    return false;
  }
  for (let other = from; other < entry; other += 1) if (sameKey(text, keys, entry, other)) return true;
  return false;
}

/** The path of the key `entry` of the object at `level`, spelled as scanJsonMembers spells it (framePath, memberPath). */
function pathOf(text: string, frames: Frames, keys: KeyStack, level: number, entry: number): string {
  let path = '';
  for (let outer = 0; outer < level; outer += 1) {
    if (frames.object[outer] === 1) {
      const key = frames.key[outer] as number;
      const part = key < 0 ? '' : keyText(text, keys, key);
      path = path === '' ? part : `${path}.${part}`;
    } else path = `${path}[${frames.index[outer] as number}]`;
  }
  const key = keyText(text, keys, entry);
  return path === '' ? key : `${path}.${key}`;
}

/** The closing quote of a string with a backslash whose opening quote is at `start`, or -1 when the text ends first. */
function escapedStringEnd(text: string, start: number): number {
  const end = stringEnd(text, start);
  return text.charCodeAt(end) === QUOTE && end > start ? end : -1;
}

export function scanPacketJson(text: string, depthLimit: number): PacketJsonScan {
  const length = text.length;
  const capacity = depthLimit + 1;
  const frames: Frames = {
    object: new Uint8Array(capacity),
    index: new Int32Array(capacity),
    key: new Int32Array(capacity),
    keysFrom: new Int32Array(capacity),
    lengths: new Int32Array(capacity),
    texts: new Array<Set<string> | undefined>(capacity).fill(undefined),
  };
  // Locals, not property loads: in the interpreter each load is a bytecode and an inline cache.
  const { object: isObject, index: elementIndex, key: currentKey, keysFrom, lengths } = frames;
  let keys: KeyStack = { start: new Int32Array(64), end: new Int32Array(64), escaped: new Uint8Array(64) };
  let keyStart = keys.start;
  let keyEnd = keys.end;
  let keyEscaped = keys.escaped;
  let keyCount = 0;
  // `depth` counts as jsonDepthExceeds counts (it may go below 0 on broken text); `top` is the tracked frames.
  let depth = 0;
  let top = 0;
  let expectKey = false;
  let duplicate: string | undefined;
  /** The first backslash at or after the scan's position (length: none), looked up again once passed. */
  let nextBackslash = -1;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      if (nextBackslash < index) {
        nextBackslash = text.indexOf('\\', index);
        if (nextBackslash === -1) nextBackslash = length;
      }
      let end = text.indexOf('"', index + 1);
      // A backslash inside: the quote found may be an escaped one.
      let escaped = end !== -1 && nextBackslash < end;
      if (escaped) end = escapedStringEnd(text, index);
      if (end === -1) break;
      if (!expectKey || duplicate !== undefined || top === 0 || isObject[top - 1] !== 1) {
        index = end + 1;
        expectKey = false;
        continue;
      }
      // A key of the object at `level`; then, as long as its members read `"key":"string",`, the
      // next ones in this same turn of the loop (one turn per member instead of three).
      const level = top - 1;
      const from = keysFrom[level] as number;
      let bits = lengths[level] as number;
      for (;;) {
        if (keyCount === keyStart.length) {
          keys = grown(keys);
          keyStart = keys.start;
          keyEnd = keys.end;
          keyEscaped = keys.escaped;
        }
        const entry = keyCount;
        keyStart[entry] = index;
        keyEnd[entry] = end;
        keyEscaped[entry] = escaped ? 1 : 0;
        keyCount = entry + 1;
        currentKey[level] = entry;
        const bit = escaped ? lengthBit(text, keys, entry) : 1 << ((end - index - 1) & 31);
        if ((bits & bit) !== 0 || escaped || entry - from >= LINEAR_KEYS) {
          if (repeatsEarlierKey(text, frames, keys, level, entry)) duplicate = pathOf(text, frames, keys, level, entry);
        }
        bits |= bit;
        // One call for the usual `":"` (each call counts in the interpreter); `": "` is read char by char.
        if (text.startsWith(':"', end + 1)) index = end + 2;
        else {
          index = end + 1;
          if (text.charCodeAt(index) === COLON) index += 1;
          if (text.charCodeAt(index) === SPACE) index += 1;
          if (text.charCodeAt(index) !== QUOTE) break;
        }
        if (duplicate !== undefined) break;
        // The value is a string.
        if (nextBackslash < index) {
          nextBackslash = text.indexOf('\\', index);
          if (nextBackslash === -1) nextBackslash = length;
        }
        end = text.indexOf('"', index + 1);
        if (end !== -1 && nextBackslash < end) end = escapedStringEnd(text, index);
        if (end === -1) {
          index = length;
          break;
        }
        if (!text.startsWith(',"', end + 1)) {
          index = end + 1;
          break;
        }
        // The next key.
        index = end + 2;
        if (nextBackslash < index) {
          nextBackslash = text.indexOf('\\', index);
          if (nextBackslash === -1) nextBackslash = length;
        }
        end = text.indexOf('"', index + 1);
        escaped = end !== -1 && nextBackslash < end;
        if (escaped) end = escapedStringEnd(text, index);
        if (end === -1) {
          index = length;
          break;
        }
      }
      lengths[level] = bits;
      expectKey = false;
      continue;
    }
    index += 1;
    if (code === COMMA) {
      if (top > 0 && top <= capacity) {
        if (isObject[top - 1] === 1) expectKey = true;
        else elementIndex[top - 1] = (elementIndex[top - 1] as number) + 1;
      }
    } else if ((code | 0x20) === OPENING) {
      depth += 1;
      if (depth > depthLimit) return { tooDeep: true, duplicate: undefined };
      const object = code === OPENING;
      if (top < capacity) {
        isObject[top] = object ? 1 : 0;
        elementIndex[top] = 0;
        currentKey[top] = -1;
        keysFrom[top] = keyCount;
        lengths[top] = 0;
      }
      top += 1;
      expectKey = object;
    } else if ((code | 0x20) === CLOSING) {
      depth -= 1;
      if (top > 0) {
        top -= 1;
        if (top < capacity) {
          keyCount = keysFrom[top] as number;
          if (frames.texts[top] !== undefined) frames.texts[top] = undefined;
        }
      }
      expectKey = false;
    }
  }
  return { tooDeep: false, duplicate };
}
