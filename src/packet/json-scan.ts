import { stringEnd } from './json-value.js';

/**
 * packet.json's one pass before JSON.parse (issue 13: a refused packet must cost about one parse):
 * the nesting depth, given up past `depthLimit` exactly as jsonDepthExceeds (json-value.ts) does,
 * and the first key an object repeats, named by the same path scanJsonMembers spells
 * (`dossier.claims[15999].subject`). Before, these were two more passes, and the duplicate scan
 * made a string per key and a Set per object (54–64 ms of a 2.3 MB packet whose JSON.parse is 29).
 *
 * Values and keys are skipped to their closing quote natively (indexOf). A key without a backslash
 * (the next backslash in the text is known, looked up again only once the scan has passed it) is
 * compared with the earlier keys of its own object by its length and then its characters, in
 * place; a key with one is compared by a hash of its unescaped text, and spelled out (unescaped)
 * only on a hash match or to name the duplicate. Hashing every key's characters in a loop was a
 * fifth of the scan (a 15 MB packet of 100,000 claims: 38–40 → 31 warm CPU-ms, session 12). An object
 * with more than LINEAR_KEYS keys gets a map from hash to its keys, so a huge object stays linear.
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
const LINEAR_KEYS = 8;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(key: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), FNV_PRIME);
  return hash;
}

/** hashOf the characters of text between `from` and `to` (a key without escapes), without slicing them. */
function hashOfRange(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let index = from; index < to; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash;
}

/**
 * The keys of the objects open now, as a stack: each object's keys from its `from` on. A key's
 * hash is computed when first needed (`hashed`): a key with escapes when pushed, any other only
 * when compared with one, or when its object gets a map from hash to keys.
 */
class KeyStack {
  hash = new Int32Array(64);
  hashed = new Uint8Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  escaped = new Uint8Array(64);
  length = 0;

  push(start: number, end: number, escaped: boolean): number {
    if (this.length === this.hash.length) this.grow();
    const entry = this.length;
    this.hashed[entry] = 0;
    this.start[entry] = start;
    this.end[entry] = end;
    this.escaped[entry] = escaped ? 1 : 0;
    this.length += 1;
    return entry;
  }

  private grow(): void {
    const size = this.hash.length * 2;
    const hash = new Int32Array(size);
    const hashed = new Uint8Array(size);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const escaped = new Uint8Array(size);
    hash.set(this.hash);
    hashed.set(this.hashed);
    start.set(this.start);
    end.set(this.end);
    escaped.set(this.escaped);
    Object.assign(this, { hash, hashed, start, end, escaped });
  }
}

/**
 * The hash of key `at`'s text as JSON.parse reads it. An escape JSON.parse refuses hashes as the
 * raw text (JSON.parse then refuses the packet, and nothing the scan says is read).
 */
function hashOfKey(text: string, keys: KeyStack, at: number): number {
  if (keys.hashed[at] === 1) return keys.hash[at] as number;
  const start = keys.start[at] as number;
  const end = keys.end[at] as number;
  let hash = hashOfRange(text, start + 1, end);
  if (keys.escaped[at] === 1) {
    try {
      hash = hashOf(keyText(text, start, end, true));
    } catch {
      // Not a JSON string: see above.
    }
  }
  keys.hash[at] = hash;
  keys.hashed[at] = 1;
  return hash;
}

/** Whether keys `one` and `other` are the same key for JSON.parse: without escapes, the same characters. */
function sameKey(text: string, keys: KeyStack, one: number, other: number): boolean {
  const oneStart = keys.start[one] as number;
  const otherStart = keys.start[other] as number;
  const length = (keys.end[one] as number) - oneStart;
  if (keys.escaped[one] === 0 && keys.escaped[other] === 0) {
    if ((keys.end[other] as number) - otherStart !== length) return false;
    for (let offset = 1; offset < length; offset += 1) if (text.charCodeAt(oneStart + offset) !== text.charCodeAt(otherStart + offset)) return false;
    return true;
  }
  if (hashOfKey(text, keys, one) !== hashOfKey(text, keys, other)) return false;
  return keyText(text, oneStart, keys.end[one] as number, keys.escaped[one] === 1) === keyText(text, otherStart, keys.end[other] as number, keys.escaped[other] === 1);
}

/** A key's text as JSON.parse reads it: `start` and `end` are the indices of its quotes. */
function keyText(text: string, start: number, end: number, escaped: boolean): string {
  return escaped ? String(JSON.parse(text.slice(start, end + 1))) : text.slice(start + 1, end);
}

/** The open containers, by depth (at most the depth limit + 1 of them are tracked). */
class Frames {
  readonly object: Uint8Array;
  readonly index: Int32Array;
  /** The current key of an object: the entry in the key stack (-1: none yet). */
  readonly key: Int32Array;
  readonly keysFrom: Int32Array;
  readonly byHash: Array<Map<number, number[]> | undefined>;

  constructor(readonly capacity: number) {
    this.object = new Uint8Array(capacity);
    this.index = new Int32Array(capacity);
    this.key = new Int32Array(capacity);
    this.keysFrom = new Int32Array(capacity);
    this.byHash = new Array<Map<number, number[]> | undefined>(capacity).fill(undefined);
  }
}

/** The path of the key `entry` of the object at `top`, spelled as scanJsonMembers spells it (framePath, memberPath). */
function pathOf(text: string, frames: Frames, keys: KeyStack, top: number, entry: number): string {
  const spell = (at: number): string => keyText(text, keys.start[at] as number, keys.end[at] as number, keys.escaped[at] === 1);
  let path = '';
  for (let level = 0; level < top; level += 1) {
    if (frames.object[level] === 1) {
      const key = frames.key[level] as number;
      const part = key < 0 ? '' : spell(key);
      path = path === '' ? part : `${path}.${part}`;
    } else path = `${path}[${frames.index[level] as number}]`;
  }
  const key = spell(entry);
  return path === '' ? key : `${path}.${key}`;
}

/** An earlier key of the object at `top` equal to the key `entry`, or -1. */
function earlierKey(text: string, frames: Frames, keys: KeyStack, top: number, entry: number): number {
  const from = frames.keysFrom[top] as number;
  if (entry - from > LINEAR_KEYS) return earlierKeyByHash(text, frames, keys, top, entry);
  for (let other = from; other < entry; other += 1) if (sameKey(text, keys, entry, other)) return other;
  return -1;
}

/**
 * earlierKey in an object of more than LINEAR_KEYS keys, through its map from hash to keys. Its
 * own function: the common small object's path stays small, and so does the optimizing
 * compiler's work on it (its CPU time counts in a run that reads packet.json once).
 */
function earlierKeyByHash(text: string, frames: Frames, keys: KeyStack, top: number, entry: number): number {
  let byHash = frames.byHash[top];
  if (byHash === undefined) {
    byHash = new Map();
    for (let other = frames.keysFrom[top] as number; other < entry; other += 1) addToIndex(byHash, hashOfKey(text, keys, other), other);
    frames.byHash[top] = byHash;
  }
  const hash = hashOfKey(text, keys, entry);
  const found = (byHash.get(hash) ?? []).find((other) => sameKey(text, keys, entry, other)) ?? -1;
  addToIndex(byHash, hash, entry);
  return found;
}

function addToIndex(byHash: Map<number, number[]>, hash: number, entry: number): void {
  const list = byHash.get(hash);
  if (list === undefined) byHash.set(hash, [entry]);
  else list.push(entry);
}

/** The closing quote of a key with a backslash whose opening quote is at `start`, or -1 when the text ends first. */
function escapedKeyEnd(text: string, start: number): number {
  for (let end = start + 1; end < text.length; end += 1) {
    const unit = text.charCodeAt(end);
    if (unit === BACKSLASH) end += 1;
    else if (unit === QUOTE) return end;
  }
  return -1;
}

export function scanPacketJson(text: string, depthLimit: number): PacketJsonScan {
  const frames = new Frames(depthLimit + 1);
  const keys = new KeyStack();
  // `depth` counts as jsonDepthExceeds counts (it may go below 0 on broken text); `top` is the tracked frames.
  let depth = 0;
  let top = 0;
  let expectKey = false;
  let duplicate: string | undefined;
  /** The first backslash at or after the scan's position (text.length: none), looked up again once passed. */
  let nextBackslash = -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const isKey = expectKey && duplicate === undefined && top > 0 && frames.object[top - 1] === 1;
      expectKey = false;
      if (!isKey) {
        // A value (or a key once a duplicate is named): only its end matters, found natively.
        index = stringEnd(text, index);
        continue;
      }
      if (nextBackslash < index) nextBackslash = text.indexOf('\\', index);
      if (nextBackslash === -1) nextBackslash = text.length;
      let end = text.indexOf('"', index + 1);
      const escaped = nextBackslash < end;
      // A backslash in the key: the quote found may be an escaped one.
      if (escaped) end = escapedKeyEnd(text, index);
      if (end !== -1) {
        const entry = keys.push(index, end, escaped);
        frames.key[top - 1] = entry;
        try {
          if (earlierKey(text, frames, keys, top - 1, entry) >= 0) duplicate = pathOf(text, frames, keys, top - 1, entry);
        } catch {
          // An escape JSON.parse refuses: JSON.parse refuses the text, nothing here is read.
        }
      } else end = text.length;
      index = end;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > depthLimit) return { tooDeep: true, duplicate: undefined };
      if (top < frames.capacity) {
        frames.object[top] = code === 0x7b ? 1 : 0;
        frames.index[top] = 0;
        frames.key[top] = -1;
        frames.keysFrom[top] = keys.length;
        frames.byHash[top] = undefined;
      }
      top += 1;
      expectKey = code === 0x7b;
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
      if (top > 0) {
        top -= 1;
        if (top < frames.capacity) {
          keys.length = frames.keysFrom[top] as number;
          frames.byHash[top] = undefined;
        }
      }
      expectKey = false;
    } else if (code === 0x2c && top > 0 && top <= frames.capacity) {
      if (frames.object[top - 1] === 1) expectKey = true;
      else frames.index[top - 1] = (frames.index[top - 1] as number) + 1;
    }
  }
  return { tooDeep: false, duplicate };
}
