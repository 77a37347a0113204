/**
 * Small readers for the values evidence records carry: listed paths and hashes, exit codes,
 * sha256 references and counts. They read JSON when the content is JSON and fall back to
 * line-oriented text; they never execute or recompute anything.
 */
import { isJsonObject, parseJsonOrUndefined, type JsonObject } from '../packet/json-value.js';

export interface ListedEntry {
  readonly path: string;
  readonly hash: string | undefined;
}

const SHA256_IN_TEXT = /(?<![0-9A-Za-z_])sha256:[0-9a-f]{64}(?![0-9A-Za-z_])/g;

const parseJson = parseJsonOrUndefined;

function asRecord(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

function entryFrom(value: unknown): ListedEntry | undefined {
  if (typeof value === 'string') return { path: value, hash: undefined };
  const record = asRecord(value);
  const path = record?.path ?? record?.artifact ?? record?.subject;
  if (typeof path !== 'string') return undefined;
  const hash = record?.content_hash ?? record?.sha256 ?? record?.hash ?? record?.pinned_hash;
  return { path, hash: typeof hash === 'string' ? hash : undefined };
}

/** `posix.basename` without its per-call overhead: the last segment, trailing slashes ignored. */
export function fileNameOf(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 0x2f) end -= 1;
  const trimmed = end === path.length ? path : path.slice(0, end);
  if (trimmed === '/') return '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Listing lines read (a cost counter for the structural tests: each line once per packet). */
export const listingCounter = { lines: 0 };

/** The file name of a path (fileNameOf) without a call for the common case, a path not ending in `/`. */
function lastSegment(path: string): string {
  return path.charCodeAt(path.length - 1) === 0x2f ? fileNameOf(path) : path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Listings and hash pins: a JSON array/object of entries, or lines of `<path> [sha256:<hex>]`.
 * `keepNames`, when given, keeps only the entries whose file name it holds, before anything else is
 * done with them (a set, not a callback: inside the sandbox each call per line is interpreted);
 * `total` counts them all.
 */
export function listedEntries(text: string, keepNames?: ReadonlySet<string>): { entries: ListedEntry[]; total: number } {
  // JSON.parse gives up at the first character of a plain-text listing: cheap either way.
  const json = parseJson(text);
  if (json !== undefined) {
    const record = asRecord(json);
    const list = Array.isArray(json) ? json : Array.isArray(record?.entries) ? record.entries : Array.isArray(record?.files) ? record.files : [json];
    const all = list.map(entryFrom).filter((entry): entry is ListedEntry => entry !== undefined);
    return { entries: keepNames === undefined ? all : all.filter((entry) => keepNames.has(fileNameOf(entry.path))), total: all.length };
  }
  const entries: ListedEntry[] = [];
  let total = 0;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines += 1;
    const lineStart = start;
    start = end + 1;
    const fieldEnd = fastLinePath(text, lineStart, end);
    if (fieldEnd === SKIP) continue;
    const field = fieldEnd === SLOW ? '' : text.slice(lineStart, fieldEnd);
    const fast = field.includes('sha256:') ? SLOW : fieldEnd;
    const line = fast === SLOW ? text.slice(lineStart, end).trim() : '';
    if (fast === SLOW && (line === '' || line.startsWith('#'))) continue;
    const path = fast === SLOW ? linePath(line) : field;
    if (path === '') continue;
    total += 1;
    if (keepNames !== undefined && !keepNames.has(lastSegment(path))) continue;
    const whole = fast === SLOW ? line : text.slice(lineStart, end);
    entries.push({ path, hash: whole.includes('sha256:') ? ONE_SHA256.exec(whole)?.[0] : undefined });
  }
  listingCounter.lines += lines;
  return { entries, total };
}

const SKIP = -1;
const SLOW = -2;

/**
 * A path field in the common shape: its first character neither white space, a control character,
 * a separator (`,` `;` `|`), `#` nor non-ASCII; then anything up to ASCII white space, a separator
 * or a non-ASCII character. Sticky, so it reads in place at a line's start. The interpreter runs a
 * regular expression's loop natively: inside the sandbox (`--jitless`), a JavaScript loop over each
 * character of 4 million listing lines was a sixth of a hostile run's CPU (session 16).
 */
const PATH_FIELD = /[^\x00-\x20,;|#\u0080-\uffff][^\t-\r ,;|\u0080-\uffff]*/y;

/**
 * The common line shape, `<path> …` starting at the line's first character, read without slicing
 * the line: the end offset of the path, SKIP for an empty or `#` line, or SLOW for anything else
 * (leading white space, non-ASCII in the first field), which linePath reads as before. A first
 * field holding `sha256:` (the hash-first shape) is the caller's to send to linePath: it has the
 * field in hand, and a search here would not know where the line ends.
 */
function fastLinePath(text: string, start: number, end: number): number {
  if (start === end) return SKIP;
  if (text.charCodeAt(start) === 0x23) return SKIP;
  PATH_FIELD.lastIndex = start;
  if (!PATH_FIELD.test(text)) return SLOW;
  const fieldEnd = PATH_FIELD.lastIndex;
  return fieldEnd < end && text.charCodeAt(fieldEnd) >= 0x80 ? SLOW : fieldEnd;
}

const SEPARATOR = /[\s,;|]/;
const ONE_SHA256 = /(?<![0-9A-Za-z_])sha256:[0-9a-f]{64}(?![0-9A-Za-z_])/;

/** The path of a `<path> [sha256:<hex>]` line, in either order; the common shape (path first) without a regex replace. */
function linePath(line: string): string {
  const separator = line.search(SEPARATOR);
  const first = separator === -1 ? line : line.slice(0, separator);
  if (first !== '' && !first.includes('sha256:')) return first;
  return line.replace(SHA256_IN_TEXT, '').replace(/[\s,;|]+/g, ' ').trim().split(' ')[0] ?? '';
}

export function sha256RefsIn(text: string): string[] {
  return [...new Set(text.match(SHA256_IN_TEXT) ?? [])];
}

const EXIT_CODE_IN_TEXT = /\bexit(?:_code|[ -]code|ed(?:\s+with)?(?:\s+code)?|\s+status)?\s*[:=]?\s*(-?\d{1,3})\b/gi;

/** Exit codes stated in a record (`{"exit_code": 1}`, `exit code: 0`, `exited 2`). */
export function exitCodesIn(text: string): number[] {
  const record = asRecord(parseJson(text));
  const value = record?.exit_code ?? record?.exitCode ?? record?.status;
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  return [...new Set([...text.matchAll(EXIT_CODE_IN_TEXT)].map((match) => Number(match[1])))];
}

export interface CountRecord {
  readonly value: number | undefined;
  readonly denominator: number | undefined;
}

/** A QUERY_RESULT's count: `count`, `value` or `row_count`, and an optional `denominator`. */
export function countIn(text: string): CountRecord {
  const record = asRecord(parseJson(text));
  const pick = (...keys: string[]): number | undefined => {
    for (const key of keys) {
      const value = record?.[key];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
    }
    return undefined;
  };
  return { value: pick('count', 'value', 'row_count'), denominator: pick('denominator', 'total') };
}
