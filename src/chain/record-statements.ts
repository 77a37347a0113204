import { isArtifactToken } from '../text/artifact-tokens.js';
import { isJsonObject, parseJsonOrUndefined, scanJsonMembers, type JsonObject } from '../packet/json-value.js';
import { fileNameOf } from './record-values.js';
import { exitStatementsIn, failureWordsIn, PLAIN_DECIMAL, refusalWordsIn, sha256TokensIn, shortFractionsIn, type ExitStatements } from './record-wording.js';

/**
 * What a run, exit-code or approval record says about one subject (issue 13, verdict integrity).
 * A record backs a claim only through what it states about the claim's subject: lines (or a JSON
 * record) that name another artifact and not the subject say nothing about it, and an exit code,
 * a failure or a hash is read from the rest with the conservative readers of record-wording.ts.
 */
export interface RecordStatement {
  readonly exitCodes: readonly number[];
  /** Exit-code statements that are not one plain decimal integer, and repeated keys. */
  readonly unreadable: readonly string[];
  /** Failure, skip and mismatch wording, and pass counts below their total. */
  readonly failures: readonly string[];
  readonly refusals: readonly string[];
  /** `sha256:` tokens, whole. */
  readonly hashes: readonly string[];
}

/** Keys a JSON record names its artifact with, and keys it states an exit code with. */
const SUBJECT_KEYS = ['artifact', 'subject', 'path', 'tool', 'file', 'executable', 'script'];
const EXIT_KEYS = ['exit_code', 'exitCode', 'exit_status', 'exitStatus', 'returncode', 'return_code', 'returnCode', 'rc'];
/** A numeric `status` is an exit code too; a string status ("ok", "FAILED") is wording. */
const STATUS_KEY = 'status';
const FAILURE_COUNT_KEY = /^(?:fail(?:ed|ures?)?|errors?|skipped|crashed)$/i;

const TOKEN_SPLIT = /[\s"'`,;()[\]{}<>=|]+/;

/** Whether a token names the subject: the same path, a path ending in it, or (for a bare name) the same file name. */
export function tokenNamesSubject(token: string, subject: string): boolean {
  if (token === subject || token.endsWith(`/${subject}`)) return true;
  return !token.includes('/') && token === fileNameOf(subject);
}

type Aboutness = 'subject' | 'other' | 'none';

function aboutnessOf(line: string, subject: string): Aboutness {
  let other = false;
  for (const raw of line.split(TOKEN_SPLIT)) {
    const token = raw.replace(/[.:!?]+$/, '').replace(/^\$/, '');
    if (!isArtifactToken(token)) continue;
    if (tokenNamesSubject(token, subject)) return 'subject';
    other = true;
  }
  return other ? 'other' : 'none';
}

interface Collector {
  readonly exits: ExitStatements;
  readonly failures: string[];
  readonly refusals: string[];
  readonly hashes: string[];
}

function readLine(line: string, into: Collector): void {
  exitStatementsIn(line, into.exits);
  into.failures.push(...failureWordsIn(line), ...shortFractionsIn(line));
  into.refusals.push(...refusalWordsIn(line));
  into.hashes.push(...sha256TokensIn(line));
}

function finish(into: Collector): RecordStatement {
  return { exitCodes: [...new Set(into.exits.codes)], unreadable: into.exits.unreadable, failures: into.failures, refusals: into.refusals, hashes: [...new Set(into.hashes)] };
}

function collector(): Collector {
  return { exits: { codes: [], unreadable: [] }, failures: [], refusals: [], hashes: [] };
}

/** Every string value and every positive failure count of a JSON value, read iteratively. */
function readJsonValues(value: unknown, into: Collector): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') readLine(node.replace(/\b(?:exit|return)[ _-]?code\b/gi, ''), into);
    else if (Array.isArray(node)) stack.push(...node);
    else if (isJsonObject(node)) {
      for (const [key, entry] of Object.entries(node)) {
        if (FAILURE_COUNT_KEY.test(key) && typeof entry === 'number' && entry !== 0) into.failures.push(`${key}: ${String(entry)}`);
        if (FAILURE_COUNT_KEY.test(key) && entry === true) into.failures.push(`${key}: true`);
        stack.push(entry);
      }
    }
  }
}

function readJsonRecord(text: string, record: JsonObject, subject: string | undefined): RecordStatement {
  const into = collector();
  const named = SUBJECT_KEYS.map((key) => record[key]).filter((value): value is string => typeof value === 'string');
  if (subject !== undefined && named.length > 0 && !named.some((value) => tokenNamesSubject(value, subject))) return finish(into);
  const scan = scanJsonMembers(text);
  // A repeated key reads one way to JSON.parse (the last) and another to a first-wins reader: no code at all.
  if (scan.duplicate !== undefined) into.exits.unreadable.push(`the key ${scan.duplicate} appears twice`);
  else for (const key of [...EXIT_KEYS, STATUS_KEY]) {
    const spellings = scan.topLevel.get(key) ?? [];
    if (key === STATUS_KEY && spellings.every((raw) => raw.startsWith('"'))) continue;
    for (const raw of spellings) {
      if (PLAIN_DECIMAL.test(raw)) into.exits.codes.push(Number(raw));
      else into.exits.unreadable.push(`${key}: ${raw.slice(0, 40)}`);
    }
  }
  readJsonValues(record, into);
  return finish(into);
}

/** What `text` states about `subject`: a JSON record as a whole, plain text line by line. */
export function readRecordStatement(text: string, subject: string | undefined): RecordStatement {
  const json = parseJsonOrUndefined(text);
  if (isJsonObject(json)) return readJsonRecord(text, json, subject);
  const into = collector();
  const lines = text.split('\n');
  const aboutness = subject === undefined ? [] : lines.map((line) => aboutnessOf(line, subject));
  for (let index = 0; index < lines.length; index += 1) {
    // Lines that name another artifact and not the subject say nothing about the subject.
    if (aboutness[index] === 'other') continue;
    readLine(lines[index] ?? '', into);
  }
  return finish(into);
}
