import { isAscii } from 'node:buffer';
import { ERROR_CODES, inspectorError, type InspectorErrorCode } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/pipeline/limits.js';
import { summaryLineOf } from '../../src/pipeline/render.js';
import { renderCheckpointOf, sanitizeCheckpointName } from '../../src/report/checkpoint.js';
import { ClaimsDigestBuilder, flaggedPlaces, type ClaimsDigest } from '../../src/report/claims-digest.js';
import { renderMarkdownOf } from '../../src/report/markdown.js';
import { assembleReportJson, serializeClaim, serializeReportHead } from '../../src/report/serialize.js';
import { parseClaimReport, parseReport, type Report } from '../../src/report/schema.js';
import { lintString } from '../../src/text/wording-lint.js';
import { EXIT_CODE_BY_VERDICT } from '../../src/vocabulary.js';
import { measureJsonShape, type ArrayLayout } from './json-shape.js';

/**
 * Everything the launcher writes or prints about a run, rendered from the validated report.json by
 * the inspector's own code: report.json itself (the bytes received when they are already the
 * canonical serialization, else that serialization of what was validated), report.md, the
 * checkpoint and the verdict line. Nothing the sandbox sent reaches the operator except through this value.
 */
export interface DerivedReportText {
  readonly json: Buffer;
  readonly markdown: string;
  readonly checkpoint: string;
  readonly line: string;
}

export type ReportJsonCheck =
  | { ok: true; finalVerdict: string; derived: DerivedReportText }
  /** `notJson`: the bytes are not JSON at all (as opposed to JSON the schema refuses). */
  | { ok: false; issue: string; notJson?: true };

/** The root key whose array the launcher checks one element at a time. */
export const CLAIMS_KEY = Buffer.from('claims', 'latin1');

/**
 * report.json as received: its bytes (valid UTF-8, already checked), whether they are all ASCII,
 * and where its claims array and each claim lie (json-shape.ts, the same pass as the shape bound).
 */
export class ReportJsonBytes {
  constructor(
    readonly bytes: Buffer,
    readonly claims: ArrayLayout | undefined,
    readonly ascii: boolean,
  ) {}
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isKnownCode(code: string): code is InspectorErrorCode {
  return KNOWN_CODES.has(code);
}

/**
 * The verdict line `tki inspect` prints for this report (src/pipeline/render.ts `summaryLineOf`):
 * its counts, flags and first blocked reason are report.json's, so the line can say nothing the
 * report does not. A first blocked reason with a code tki never emits cannot be named: undefined.
 */
function verdictLine(head: Omit<Report, 'claims'>, digest: ClaimsDigest): string | undefined {
  const first = head.blocked_reasons[0];
  if (first !== undefined && !isKnownCode(first.code)) return undefined;
  return summaryLineOf(head, digest, EXIT_CODE_BY_VERDICT[head.final_verdict], first === undefined ? undefined : inspectorError(first.code as InspectorErrorCode, first.path));
}

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const NOT_JSON = { ok: false, issue: 'report.json is not valid JSON', notJson: true } as const;

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Only JSON whitespace in [from, to), with exactly `commas` commas among it. */
function onlySeparators(bytes: Buffer, from: number, to: number, commas: number): boolean {
  let seen = 0;
  for (let at = from; at < to; at += 1) {
    const byte = bytes[at];
    if (byte === 0x2c) seen += 1;
    else if (!isWhitespace(byte)) return false;
  }
  return seen === commas;
}

/**
 * Whether the claims array is `[` claim `,` claim … `]` with nothing else; `false` for any
 * whitespace (then rewritten canonically), `undefined` for anything that is not JSON's syntax.
 */
function tightArray(bytes: Buffer, layout: ArrayLayout): boolean | undefined {
  const { elements, count } = layout;
  let tight = true;
  let previousEnd = layout.start + 1;
  for (let index = 0; index < count; index += 1) {
    const start = elements[2 * index] as number;
    if (start !== previousEnd + (index === 0 ? 0 : 1)) {
      if (start < previousEnd || !onlySeparators(bytes, previousEnd, start, index === 0 ? 0 : 1)) return undefined;
      tight = false;
    }
    previousEnd = elements[2 * index + 1] as number;
  }
  if (previousEnd !== layout.end - 1) {
    if (previousEnd > layout.end - 1 || !onlySeparators(bytes, previousEnd, layout.end - 1, 0)) return undefined;
    tight = false;
  }
  return tight;
}

/**
 * report.json's check, linear in its bytes and holding no more than one claim's objects at a time
 * (docs/choices.md 41): the head (everything but the claims, `"claims":[]` in their place) parsed
 * and checked against the inspector's zod schema; then each claim's bytes parsed, checked against
 * the claim record's schema, fed to the digest report.md is rendered from, and serialized again
 * to find any byte that is not the canonical form (a duplicate key, whitespace, a non-minimal
 * escape). What is written is the canonical serialization of what was validated: the received
 * bytes when they are that, else the parts re-serialized and spliced.
 */
function checkReportBytes(input: ReportJsonBytes, maxListedClaims: number): ReportJsonCheck {
  const { bytes, claims: layout } = input;
  const decode = (start: number, end: number): string => bytes.toString(input.ascii ? 'latin1' : 'utf8', start, end);
  const headText = layout === undefined ? decode(0, bytes.length) : `${decode(0, layout.start)}[]${decode(layout.end, bytes.length)}`;
  const head = parsed(headText);
  if (!head.ok) return NOT_JSON;
  const checked = parseReport(head.value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  const report = checked.data;
  // The claims must be the one array the layout found: a second `claims` key, or one spelled with escapes, is refused.
  if (report.claims.length > 0 || layout === undefined || layout.repeated) return { ok: false, issue: 'claims: not the one claims array of report.json' };
  const tight = tightArray(bytes, layout);
  if (tight === undefined) return NOT_JSON;
  const canonicalHead = serializeReportHead(report);
  const digest = new ClaimsDigestBuilder(maxListedClaims, flaggedPlaces(report));
  const rewritten = new Map<number, string>();
  for (let index = 0; index < layout.count; index += 1) {
    const text = decode(layout.elements[2 * index] as number, layout.elements[2 * index + 1] as number);
    const claim = parsed(text);
    if (!claim.ok) return NOT_JSON;
    const claimChecked = parseClaimReport(claim.value);
    if (!claimChecked.success) {
      const issue = claimChecked.error.issues[0];
      return { ok: false, issue: `claims.${index}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
    }
    digest.add(claimChecked.data);
    const canonical = serializeClaim(claimChecked.data);
    if (canonical !== text) rewritten.set(index, canonical);
  }
  const digested = digest.finish();
  const line = verdictLine(report, digested);
  if (line === undefined) return { ok: false, issue: `blocked_reasons.0.code: ${JSON.stringify(report.blocked_reasons[0]?.code.slice(0, 64))} is not a code tki emits` };
  const canonical = tight && rewritten.size === 0 && canonicalHead === headText;
  const json = canonical ? bytes : assembleReportJson(canonicalHead, canonicalClaims(bytes, layout, rewritten), bytes.length);
  // The two Markdown files are functions of report.json (src/pipeline/render.ts renders them from the
  // same head and digest): rendered again here, they must match byte for byte, so report.md cannot
  // say something report.json does not.
  return {
    ok: true,
    finalVerdict: report.final_verdict,
    derived: { json, markdown: lintString(renderMarkdownOf(report, digested)).text, checkpoint: lintString(renderCheckpointOf(report, digested)).text, line },
  };
}

function* canonicalClaims(bytes: Buffer, layout: ArrayLayout, rewritten: ReadonlyMap<number, string>): Generator<string | Uint8Array> {
  for (let index = 0; index < layout.count; index += 1) yield rewritten.get(index) ?? bytes.subarray(layout.elements[2 * index] as number, layout.elements[2 * index + 1] as number);
}

/** Wide bounds for a value already in memory (a test's report): the launcher's own bounds apply to what it receives. */
const IN_MEMORY_BOUNDS = { maxValues: Number.MAX_SAFE_INTEGER, maxDepth: 64 };

/**
 * report.json as the launcher checks it: the inspector's own zod schema (one definition). Loaded on
 * demand and started while the sandbox runs, so its load time overlaps the inspector's work.
 * `input` is what arrived (ReportJsonBytes, from write-triplet.ts), or a parsed value (tests),
 * which is checked as its serialization.
 */
export function checkReportJson(input: unknown, maxListedClaims = DEFAULT_LIMITS.maxListedClaims): ReportJsonCheck {
  if (input instanceof ReportJsonBytes) return checkReportBytes(input, maxListedClaims);
  const bytes = Buffer.from(`${JSON.stringify(input) ?? 'undefined'}\n`, 'utf8');
  const shape = measureJsonShape(bytes, IN_MEMORY_BOUNDS, CLAIMS_KEY);
  return checkReportBytes(new ReportJsonBytes(bytes, shape.ok ? shape.array : undefined, isAscii(bytes)), maxListedClaims);
}

/** The checkpoint file the inspector must send for the operator's `--name` (the inspector's own sanitizer). */
export function expectedCheckpointName(name: string | undefined): string {
  return `checkpoint-${sanitizeCheckpointName(name)}.md`;
}
