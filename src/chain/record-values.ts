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

const SHA256_IN_TEXT = /sha256:[0-9a-f]{64}/g;

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

/**
 * Listings and hash pins: a JSON array/object of entries, or lines of `<path> [sha256:<hex>]`.
 * `keep` filters by path before anything else is done with an entry; `total` counts them all.
 */
export function listedEntries(text: string, keep: (path: string) => boolean = () => true): { entries: ListedEntry[]; total: number } {
  // JSON.parse gives up at the first character of a plain-text listing: cheap either way.
  const json = parseJson(text);
  if (json !== undefined) {
    const record = asRecord(json);
    const list = Array.isArray(json) ? json : Array.isArray(record?.entries) ? record.entries : Array.isArray(record?.files) ? record.files : [json];
    const all = list.map(entryFrom).filter((entry): entry is ListedEntry => entry !== undefined);
    return { entries: all.filter((entry) => keep(entry.path)), total: all.length };
  }
  const entries: ListedEntry[] = [];
  let total = 0;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '' || line.startsWith('#')) continue;
    const path = linePath(line);
    if (path === '') continue;
    total += 1;
    if (keep(path)) entries.push({ path, hash: line.includes('sha256:') ? ONE_SHA256.exec(line)?.[0] : undefined });
  }
  return { entries, total };
}

const SEPARATOR = /[\s,;|]/;
const ONE_SHA256 = /sha256:[0-9a-f]{64}/;

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
