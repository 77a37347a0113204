/** Shapes of untrusted JSON, checked without assuming anything about them. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted by one linear scan (strings
 * skipped) and given up past `limit`. JSON.parse handles any depth, but a few megabytes of `[`
 * cost it seconds and gigabytes: nesting is refused before parsing, never discovered by it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** Nesting deeper than any record an exporter writes (packet.json itself needs 5 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a text whose first character after white space is `first` can be JSON at all: a string,
 * a number, or exactly `true`, `false` or `null`. Anything else (`tools/a.py …`, `# log`) is plain
 * text, which JSON.parse refuses by throwing a SyntaxError, a stack trace built per call: 4,000
 * listings cost 9 % of a refusal that way (issue 13, session 16). White space that trimStart skips
 * and JSON does not only makes JSON.parse throw, as before.
 */
function mayBeJsonScalar(first: number, trimmed: string): boolean {
  if (first === 0x22 || first === 0x2d || (first >= 0x30 && first <= 0x39)) return true;
  if (first === 0x74 || first === 0x66 || first === 0x6e) return trimmed.trimEnd().length <= 5;
  return false;
}

/** JSON.parse that returns undefined instead of throwing: content may be JSON or plain text (or too deeply nested to be a record). */
export function parseJsonOrUndefined(text: string): unknown {
  const trimmed = text.trimStart();
  const first = trimmed.charCodeAt(0);
  // Only an array or object can be a record; anything else is plain text, and is not scanned.
  if (first !== 0x5b && first !== 0x7b) {
    if (!mayBeJsonScalar(first, trimmed)) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What one scan of a JSON text's source reports beyond JSON.parse, which keeps only the last of repeated keys. */
export interface JsonMemberScan {
  /** The first key that an object repeats, as a path (`export_operator.role_attributes.rolsuper`), or undefined. */
  readonly duplicate: string | undefined;
  /** The top-level object's members: key → the source text of each value (`1e-400`, `"0"`, `[`, `{`). */
  readonly topLevel: ReadonlyMap<string, string[]>;
}

/**
 * An open array or object. Its path is spelled out only when a duplicate is found (walking the
 * parents): spelling it on every push cost a string per record of a 100,000-item packet.
 */
interface ScanFrame {
  readonly object: boolean;
  readonly parent: ScanFrame | undefined;
  /** Where this value sits in its parent: the parent's key or index when it was opened. */
  readonly at: string | number | undefined;
  /** Keys seen so far (objects only). */
  readonly keys: Set<string> | undefined;
  key: string | undefined;
  index: number;
}

function framePath(frame: ScanFrame): string {
  const parts: Array<string | number | undefined> = [];
  for (let current: ScanFrame | undefined = frame; current?.parent !== undefined; current = current.parent) parts.push(current.at);
  let path = '';
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    const part = parts[index];
    path = typeof part === 'number' ? `${path}[${part}]` : path === '' ? (part ?? '') : `${path}.${part ?? ''}`;
  }
  return path;
}

/** The path of the member `frame` is at now (its current key or index). */
function memberPath(frame: ScanFrame): string {
  const path = framePath(frame);
  if (!frame.object) return `${path}[${frame.index}]`;
  return path === '' ? (frame.key ?? '') : `${path}.${frame.key ?? ''}`;
}

/** The end of the string whose opening quote is at `start` (the index of its closing quote; the text's last index when unterminated). */
export function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length - 1;
}

const PRIMITIVE_END = /[\s,\]}]/g;

/**
 * One linear, iterative pass over a JSON text that JSON.parse has already accepted: repeated keys
 * (RFC 8259 leaves their meaning open, I-JSON forbids them; JSON.parse keeps the last, another
 * reader the first) and the source spelling of the top-level values (JSON.parse reads `1e-400` as 0).
 */
export function scanJsonMembers(text: string): JsonMemberScan {
  const stack: ScanFrame[] = [];
  const topLevel = new Map<string, string[]>();
  let duplicate: string | undefined;
  let expectKey = false;
  const recordTop = (raw: string): void => {
    const frame = stack[stack.length - 1];
    if (stack.length !== 1 || frame?.object !== true || frame.key === undefined) return;
    const list = topLevel.get(frame.key);
    if (list === undefined) topLevel.set(frame.key, [raw]);
    else list.push(raw);
  };
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x3a) continue;
    const top = stack[stack.length - 1];
    if (code === 0x7b || code === 0x5b) {
      recordTop(code === 0x7b ? '{' : '[');
      const object = code === 0x7b;
      stack.push({ object, parent: top, at: top === undefined ? undefined : top.object ? top.key : top.index, keys: object ? new Set() : undefined, key: undefined, index: 0 });
      expectKey = code === 0x7b;
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (code === 0x2c) {
      if (top?.object === true) expectKey = true;
      else if (top !== undefined) top.index += 1;
    } else if (code === 0x22) {
      const end = stringEnd(text, index);
      if (expectKey && top?.keys !== undefined) {
        const raw = text.slice(index, end + 1);
        const key = raw.includes('\\') ? String(JSON.parse(raw)) : raw.slice(1, -1);
        top.key = key;
        if (top.keys.has(key)) duplicate ??= memberPath(top);
        top.keys.add(key);
        expectKey = false;
      } else if (stack.length === 1) {
        recordTop(text.slice(index, end + 1));
      }
      index = end;
    } else {
      PRIMITIVE_END.lastIndex = index;
      const end = PRIMITIVE_END.exec(text)?.index ?? text.length;
      if (stack.length === 1) recordTop(text.slice(index, end));
      index = end - 1;
    }
  }
  return { duplicate, topLevel };
}
