import { replaceHits } from '../../policy/text-normalize-pattern.js';
import { VERDICT_WORD_RULE } from '../../policy/text-rules.js';
import { inspectorError, renderErrorBrief, type InspectorError } from '../errors.js';
import type { ReportFile } from '../io/report-writer.js';
import { buildReport, buildReportParts, type ReportParts } from '../report/build.js';
import { renderCheckpointOf, sanitizeCheckpointName } from '../report/checkpoint.js';
import { ClaimsDigestBuilder, flaggedPlaces, type ClaimsDigest } from '../report/claims-digest.js';
import { renderMarkdownOf } from '../report/markdown.js';
import { reportJsonLowerBound } from '../report/size-estimate.js';
import { parseReport, type Report } from '../report/schema.js';
import { assembleReportJson, serializeClaim, serializeReportHead } from '../report/serialize.js';
import { escapeControlChars, truncate } from '../text/escape.js';
import { EmittedStrings, lintEmittedStrings, lintString } from '../text/wording-lint.js';
import { EXIT_CODE_BY_VERDICT, type InspectorExitCode } from '../vocabulary.js';
import { blockedInspection } from './judge.js';
import { DEFAULT_LIMITS, type InspectorLimits } from './limits.js';
import type { FlagDetail, InspectionResult } from './result.js';
import { WITHHELD_WORD } from '../text/verdict-line-label.js';

export interface RenderedReport {
  readonly report: Report;
  readonly files: ReportFile[];
  readonly line: string;
  readonly exitCode: InspectorExitCode;
}

/**
 * The global-wording lint runs over the whole report (tki's words rewritten, quotes of the packet
 * escaped). A hit adds FLAG_GLOBAL_DENIAL_WORDING,
 * which can change the triage, so the report is built again with the flag and linted again.
 */
function lintedReport(result: InspectionResult, maxListed: number): Report {
  const first = lintEmittedStrings(buildReport(result, maxListed));
  if (first.rewritten.length === 0 && first.escapedQuotes.length === 0) return first.value;
  const wordingFlags: FlagDetail[] = [
    ...first.rewritten.map((path) => ({ flag: 'FLAG_GLOBAL_DENIAL_WORDING' as const, where: path, detail: 'global-absence wording from the packet was replaced by the scoped form' })),
    // A quote keeps the packet's characters (docs/choices.md 33): its wording is shown escaped, not reworded.
    ...first.escapedQuotes.map((path) => ({ flag: 'FLAG_GLOBAL_DENIAL_WORDING' as const, where: path, detail: 'global-absence wording in a quote of the packet is shown as \\u{…} escapes' })),
  ];
  const flagDetails = [...result.flagDetails, ...wordingFlags];
  return lintEmittedStrings(buildReport({ ...result, flagDetails }, maxListed)).value;
}

/**
 * tki's own verdict line. It carries no packet-supplied text at all: not even a grammatical
 * packet_id, since an id such as `CERTIFIED` reads as part of tki's verdict (the launcher names
 * the packet by the path the operator typed). Only counts, tki's own vocabulary and the first
 * blocked reason without its input-derived detail; and whatever it carries, a word that reads as
 * a forbidden verdict token (in any case or look-alike spelling) is withheld.
 */
export function summaryLine(report: Report, exitCode: InspectorExitCode, firstReason?: InspectorError): string {
  const withFindings = report.claims.filter((claim) => claim.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND').length;
  return summaryLineOf(report, { count: report.claims.length, withFindingVerdict: withFindings }, exitCode, firstReason);
}

/** The same line from everything but the claims and the claims' two counts (a ClaimsDigest's). */
export function summaryLineOf(report: Omit<Report, 'claims'>, claims: Pick<ClaimsDigest, 'count' | 'withFindingVerdict'>, exitCode: InspectorExitCode, firstReason?: InspectorError): string {
  const head = `tki inspect: ${report.final_verdict} (exit ${exitCode})`;
  const reason = firstReason === undefined ? undefined : renderErrorBrief(firstReason);
  const parts = [
    report.article14_status,
    `${claims.count} claim(s), ${claims.withFindingVerdict} with a finding`,
    report.flags.length === 0 ? 'no flags' : `flags ${report.flags.join(',')}`,
  ];
  const more = report.blocked_reasons.length > 1 ? ` (+${report.blocked_reasons.length - 1} more in report.json)` : '';
  const text = reason === undefined ? `${head} · ${parts.join(' · ')}` : `${head} · ${reason}${more}`;
  return withholdVerdictWords(lintString(escapeControlChars(truncate(text, 600))).text);
}

export function withholdVerdictWords(line: string): string {
  return replaceHits(line, [VERDICT_WORD_RULE], WITHHELD_WORD).text;
}

/** The three files' size in UTF-8 bytes (each was encoded once, for this and for the channel). */
export function reportBytes(files: readonly ReportFile[]): number {
  return files.reduce((total, file) => total + (file.bytes?.length ?? Buffer.byteLength(file.content, 'utf8')), 0);
}

/**
 * A string whose UTF-8 length is its length is all ASCII: its Latin-1 bytes are the same bytes,
 * and Node copies them without UTF-8 encoding (a 147 MB report.json: ≈ 370 against ≈ 780 CPU-ms).
 */
function encoded(name: string, content: string): ReportFile {
  const ascii = Buffer.byteLength(content, 'utf8') === content.length;
  return { name, content, bytes: Buffer.from(content, ascii ? 'latin1' : 'utf8') };
}

/** A file made as bytes (report.json): its text is only made if someone asks (a test, the attestation's small report). */
function fromBytes(name: string, bytes: Buffer): ReportFile {
  return {
    name,
    bytes,
    get content(): string {
      return bytes.toString('utf8');
    },
  };
}

/**
 * report.json's buffer, reserved at once: a record's ≈ 1.4 KB at 2 KiB a claim, never past
 * maxReportBytes (a report over it is refused anyway). Pages not written are never touched, so a
 * generous reservation costs address space only; one too small was grown by copying (100,000
 * claims: 100 MB copied into a 200 MB buffer, ≈ 0.3–0.5 CPU-s, session 20).
 */
function reportJsonCapacity(claims: number, maxReportBytes: number): number {
  return Math.min(claims * 2048, maxReportBytes);
}

/**
 * The claims' records serialized one at a time, each into the digest as it goes: the same walk
 * the launcher makes over what it receives (sandbox/report/report-schema-check.ts).
 */
function* serializedInto(claims: readonly Report['claims'][number][], digest: ClaimsDigestBuilder): Generator<string> {
  for (const claim of claims) {
    digest.add(claim);
    yield serializeClaim(claim);
  }
}

/** The report, or, when the three files together would exceed maxReportBytes, a short BLOCKED report naming the limit. */
/** The limits rendering reads: the report's size, and how many locations a kind of finding lists. */
export type RenderLimits = Pick<InspectorLimits, 'maxReportBytes' | 'maxListedFindingsPerKind' | 'maxListedClaims'>;

export function renderReport(result: InspectionResult, name: string | undefined, limits: RenderLimits = DEFAULT_LIMITS): { ok: true; value: RenderedReport } | { ok: false; error: InspectorError } {
  const { maxReportBytes } = limits;
  // Refused before anything is built when even a lower bound of report.json alone is over the limit.
  const lowerBound = reportJsonLowerBound(result);
  if (lowerBound > maxReportBytes) return overLimit(result, name, limits, `the report would be more than ${lowerBound} bytes`);
  const rendered = renderUnbounded(result, name, limits);
  if (!rendered.ok || reportBytes(rendered.value.files) <= maxReportBytes) return rendered;
  return overLimit(result, name, limits, `the report would be ${reportBytes(rendered.value.files)} bytes`);
}

function overLimit(result: InspectionResult, name: string | undefined, limits: RenderLimits, size: string): ReturnType<typeof renderUnbounded> {
  const limit = inspectorError('limits/max_report_bytes', '', `maxReportBytes = ${limits.maxReportBytes}; ${size}`);
  return renderUnbounded({ ...blockedInspection(undefined, [limit]), summary: result.summary, dossierIdentity: result.dossierIdentity }, name, limits);
}

type RenderOutcome = { ok: true; value: RenderedReport } | { ok: false; error: InspectorError };

/**
 * The three files and the line. At run time the schema checks the report's head (everything but
 * the claims); each claim's record is built by one function (report/build.ts) whose output the
 * tests check against the schema, and the launcher checks every claim it receives (docs/choices.md 41).
 */
function renderUnbounded(result: InspectionResult, name: string | undefined, limits: RenderLimits): RenderOutcome {
  return renderStreamed(result, name, limits) ?? renderLinted(result, name, limits);
}

/**
 * The common case, a report the wording lint finds nothing in: each claim's record is built, its
 * strings gathered for the lint, added to the digest and serialized into report.json's bytes, one
 * at a time, and none is kept (session 18: 100,000 records built whole, walked by the lint, then
 * serialized, were held together through every collection of the render). Undefined when the lint
 * finds wording: the report is then built whole, linted and built again with its flags (renderLinted).
 */
function renderStreamed(result: InspectionResult, name: string | undefined, limits: RenderLimits): RenderOutcome | undefined {
  const parts = buildReportParts(result, limits.maxListedFindingsPerKind);
  const strings = new EmittedStrings();
  strings.add(parts.head);
  const digest = new ClaimsDigestBuilder(limits.maxListedClaims, flaggedPlaces(parts.head));
  const json = assembleReportJson(serializeReportHead(parts.head), recordsInto(result.claims, parts, strings, digest), reportJsonCapacity(result.claims.length, limits.maxReportBytes));
  if (strings.needsLinting()) return undefined;
  return renderedFiles(reportOnDemand(parts, result.claims), parts.head, json, digest.finish(), name, result);
}

/** Each claim's record, gathered for the lint and the digest, then serialized (the launcher makes the same walk over what it receives). */
function* recordsInto(claims: InspectionResult['claims'], parts: ReportParts, strings: EmittedStrings, digest: ClaimsDigestBuilder): Generator<string> {
  for (const evaluation of claims) {
    const record = parts.claimRecord(evaluation);
    strings.add(record);
    digest.add(record);
    yield serializeClaim(record);
  }
}

/** The report as a value, its claims' records built again only if someone reads them (a test; `tki run` reads the head). */
function reportOnDemand(parts: ReportParts, claims: InspectionResult['claims']): Report {
  const report = { ...parts.head };
  let records: Report['claims'] | undefined;
  // Redefined in place: the key keeps its position, so the value serializes as report.json does.
  Object.defineProperty(report, 'claims', { enumerable: true, configurable: true, get: () => (records ??= claims.map((evaluation) => parts.claimRecord(evaluation))) });
  return report;
}

/** The report built whole and linted (wording found: tki's words rewritten, quotes escaped, the flags added). */
function renderLinted(result: InspectionResult, name: string | undefined, limits: RenderLimits): RenderOutcome {
  const report = lintedReport(result, limits.maxListedFindingsPerKind);
  const { claims, ...rest } = report;
  const head = { ...rest, claims: [] };
  const digest = new ClaimsDigestBuilder(limits.maxListedClaims, flaggedPlaces(report));
  const json = assembleReportJson(serializeReportHead(report), serializedInto(claims, digest), reportJsonCapacity(claims.length, limits.maxReportBytes));
  return renderedFiles(report, head, json, digest.finish(), name, result);
}

/** report.json's bytes made, the head checked against the schema, then report.md, the checkpoint and the line. */
function renderedFiles(report: Report, head: Report, json: Buffer, digested: ClaimsDigest, name: string | undefined, result: InspectionResult): RenderOutcome {
  const checked = parseReport(head);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, error: inspectorError('report/invalid', issue?.path.join('.') ?? '', issue?.message) };
  }
  const exitCode = EXIT_CODE_BY_VERDICT[report.final_verdict];
  const files: ReportFile[] = [
    fromBytes('report.json', json),
    encoded('report.md', lintString(renderMarkdownOf(head, digested)).text),
    encoded(`checkpoint-${sanitizeCheckpointName(name)}.md`, lintString(renderCheckpointOf(head, digested)).text),
  ];
  return { ok: true, value: { report, files, line: summaryLineOf(head, digested, exitCode, result.blockedReasons[0]), exitCode } };
}
