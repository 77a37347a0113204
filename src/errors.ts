import { escapeControlChars, truncate } from './text/escape.js';

/**
 * Errors are data: a discriminated union on `code`, with the JSON path (or file path) they
 * concern and an optional detail taken from the input. Messages are rendered here and only here.
 */
export const ERROR_CODES = [
  'usage/invalid_arguments',
  'packet/not_found',
  'packet/not_a_regular_file',
  'packet/unreadable',
  'packet/too_large',
  'packet/invalid_utf8',
  'packet/json_syntax',
  'packet/not_an_object',
  'packet/wrong_schema',
  'packet/missing_field',
  'packet/unknown_key',
  'packet/invalid_value',
  'packet/duplicate_item_id',
  'packet/duplicate_key',
  'packet/item_without_id',
  'packet/invalid_identifier',
  'provenance/manifest_unverifiable',
  'provenance/manifest_mismatch',
  'dossier/missing_identity',
  'dossier/invalid',
  'dossier/duplicate_claim_id',
  'dossier/text_unverified',
  'dossier/text_too_large',
  'item/invalid',
  'provenance/missing_source_metadata',
  'provenance/surface_not_allowed',
  'provenance/local_surface',
  'provenance/hash_mismatch',
  'provenance/observed_after_export',
  'provenance/stale_item',
  'provenance/path_escape',
  'provenance/live_reference',
  'provenance/content_unreadable',
  'provenance/content_too_large',
  'provenance/packet_budget_exceeded',
  'limits/max_json_depth',
  'limits/max_items',
  'limits/max_claims',
  'limits/max_references_per_claim',
  'limits/max_allowed_surfaces',
  'limits/max_allowed_surfaces_bytes',
  'limits/max_item_path_bytes',
  'limits/max_listing_entries',
  'limits/max_prose_bytes',
  'limits/max_retained_text_bytes',
  'limits/max_claim_text_bytes',
  'limits/max_claim_text_bytes_total',
  'limits/max_evidence_entries',
  'limits/max_report_bytes',
  'limits/resources',
  'report/invalid',
  'report/more_reasons',
  'report/write_failed',
  'sandbox/limit_exceeded',
  'sandbox/report_rejected',
  'internal/unexpected',
] as const;
export type InspectorErrorCode = (typeof ERROR_CODES)[number];

export interface InspectorError {
  readonly code: InspectorErrorCode;
  /** Where: a JSON path such as `items[3].source_metadata.observation_ts`, or a file path. */
  readonly path: string;
  /** Input-derived detail (escaped when rendered), e.g. the unknown key names. */
  readonly detail?: string;
}

export function inspectorError(code: InspectorErrorCode, path: string, detail?: string): InspectorError {
  return detail === undefined ? { code, path } : { code, path, detail };
}

const MESSAGES: Readonly<Record<InspectorErrorCode, string>> = {
  'usage/invalid_arguments': 'invalid arguments',
  'packet/not_found': 'no packet at this path',
  'packet/not_a_regular_file': 'the packet path is neither a regular .json file nor a directory holding packet.json',
  'packet/unreadable': 'the packet could not be read',
  'packet/too_large': 'the packet file is larger than the configured limit',
  'packet/invalid_utf8': 'the packet file is not valid UTF-8',
  'packet/json_syntax': 'the packet is not valid JSON',
  'packet/not_an_object': 'the packet is not a JSON object',
  'packet/wrong_schema': 'the schema id is not b7-governed-packet/v1',
  'packet/missing_field': 'a required header field is missing',
  'packet/unknown_key': 'unknown key (the packet schema is strict)',
  'packet/invalid_value': 'a header field has an invalid value',
  'packet/duplicate_item_id': 'two items share one item_id',
  'packet/duplicate_key': 'a key appears twice in one object of packet.json (a reader that keeps the first would see another packet); refused',
  'packet/item_without_id': 'an item has no usable item_id, so the manifest cannot be checked',
  'packet/invalid_identifier': 'an identifier breaks the identifier grammar (ASCII letters, digits and . _ : / @ + -, at most 128 characters), so the manifest cannot be checked',
  'provenance/manifest_unverifiable': 'the manifest cannot be recomputed: an item declares no content_hash',
  'provenance/manifest_mismatch': 'manifest_hash does not match the items',
  'dossier/missing_identity': 'the dossier identity field is missing (never inferred)',
  'dossier/invalid': 'the dossier is malformed',
  'dossier/duplicate_claim_id': 'two claims share one claim_id',
  'dossier/text_unverified': "the item holding the dossier's text is absent or failed provenance",
  'dossier/text_too_large': "the dossier's text is larger than the analysis limit, so it cannot be scanned",
  'item/invalid': 'the item is malformed',
  'provenance/missing_source_metadata': 'a source_metadata field is missing',
  'provenance/surface_not_allowed': 'the governed surface is not in allowed_surfaces',
  'provenance/local_surface': 'the surface is a local path, not a governed surface',
  'provenance/hash_mismatch': 'the content does not match its content_hash',
  'provenance/observed_after_export': 'observation_ts is later than packet_as_of',
  'provenance/stale_item': 'observation_ts is older than max_item_age_days before packet_as_of',
  'provenance/path_escape': 'content_file leaves the packet directory or is not a regular file',
  'provenance/live_reference': 'the item points at a live system (a URL or connection string) instead of carrying what was exported; it is never followed',
  'provenance/content_unreadable': 'content_file could not be read',
  'provenance/content_too_large': 'content_file is larger than the per-item limit',
  'provenance/packet_budget_exceeded': 'the packet content exceeds the per-packet limit',
  'limits/max_json_depth': 'packet.json nests arrays and objects deeper than any packet needs; it was not parsed',
  'limits/max_items': 'limit maxItems: the packet has more items than the limits table allows; nothing was judged',
  'limits/max_claims': 'limit maxClaims: the dossier has more claims than the limits table allows; nothing was judged',
  'limits/max_references_per_claim': 'limit maxReferencesPerClaim: a claim cites more items than the limits table allows; nothing was judged',
  'limits/max_allowed_surfaces': 'limit maxAllowedSurfaces: allowed_surfaces lists more surfaces than the limits table allows; nothing was judged',
  'limits/max_allowed_surfaces_bytes': "limit maxAllowedSurfacesBytes: allowed_surfaces' names together are longer than the limits table allows; nothing was judged",
  'limits/max_item_path_bytes': "limit maxItemPathBytes: an item's path is longer than the limits table allows; nothing was judged",
  'limits/max_listing_entries': 'limit maxListingEntries: the artifact listings hold more entries than the limits table allows; nothing was judged',
  'limits/max_prose_bytes': "limit maxProseBytes: the dossier's text is larger than the limits table allows; nothing was judged",
  'limits/max_retained_text_bytes': "limit maxRetainedTextBytesPerItem or maxRetainedTextBytesTotal: the dossier's text could not be kept for the prose scan; nothing was judged",
  'limits/max_claim_text_bytes': "limit maxClaimTextBytes: a claim's text or subject is larger than the limits table allows; nothing was judged",
  'limits/max_claim_text_bytes_total': "limit maxClaimTextBytesTotal: the claims' texts and subjects together are larger than the limits table allows; nothing was judged",
  'limits/max_evidence_entries': 'limit maxEvidenceEntries: the claims would consider more evidence entries than the limits table allows; nothing was judged',
  'limits/max_report_bytes': 'limit maxReportBytes: the report would be larger than the limits table allows; this short report replaces it',
  'limits/resources': 'the run ran out of memory or stack before it finished; the packet is refused as too costly to judge',
  'report/invalid': 'the report failed its own schema',
  'report/more_reasons': 'more reasons than the report lists; the ones above are the first, in packet order',
  'report/write_failed': 'the report could not be written',
  // The two codes only the launcher uses: it writes the BLOCKED report itself and trusts nothing the
  // inside sent, which is why every packet and dossier field of such a report is null.
  'sandbox/limit_exceeded': 'a sandbox limit ended the run; this report was written by the launcher, which trusts nothing the sandbox sent, so packet and dossier fields are null',
  'sandbox/report_rejected': 'the report the sandbox sent was refused; this report was written by the launcher, which trusts nothing the sandbox sent, so packet and dossier fields are null',
  'internal/unexpected': 'internal error',
};

/** Input-derived details (unknown key lists, values) are shown up to this length; report.json's reason says the rest was cut. */
const MAX_DETAIL = 500;

/** One line, safe for a terminal: `code at path: message (detail)`. */
export function renderError(error: InspectorError): string {
  const where = error.path === '' ? '' : ` at ${escapeControlChars(error.path.slice(0, MAX_DETAIL))}`;
  const shown = error.detail === undefined || error.detail.length <= MAX_DETAIL ? error.detail : `${error.detail.slice(0, MAX_DETAIL)}… (${error.detail.length} characters)`;
  const detail = shown === undefined ? '' : ` (${escapeControlChars(shown)})`;
  return `${error.code}${where}: ${MESSAGES[error.code]}${detail}`;
}

/** The same without the input-derived detail: for tki's own verdict line, which carries no packet text. */
export function renderErrorBrief(error: InspectorError): string {
  const where = error.path === '' ? '' : ` at ${escapeControlChars(error.path.slice(0, MAX_DETAIL))}`;
  return `${error.code}${where}: ${MESSAGES[error.code]}`;
}

/**
 * Codes whose detail can hold what the packet wrote: property names (`packet/unknown_key`, a
 * repeated key's path `packet/duplicate_key`, and `dossier/invalid` and `item/invalid`, which also
 * carry schema messages), duplicate ids, the dossier's item id, the schema value, and JSON.parse's
 * message (it quotes the text around the error), the item id of an unverifiable manifest and the
 * declared manifest_hash (issue 13, round 12b: an id may read `READ_LEVEL_ACCEPTABLE:certified`). Every other code's detail is tki's own words
 * (limits, the launcher's channel problems).
 */
const PACKET_TEXT_DETAIL: ReadonlySet<InspectorErrorCode> = new Set<InspectorErrorCode>([
  'packet/unknown_key',
  'packet/duplicate_key',
  'dossier/invalid',
  'item/invalid',
  'dossier/duplicate_claim_id',
  'packet/duplicate_item_id',
  'dossier/text_unverified',
  'packet/wrong_schema',
  'packet/json_syntax',
  // The item id that declares no content_hash, and the declared manifest_hash beside the computed one.
  'provenance/manifest_unverifiable',
  'provenance/manifest_mismatch',
  // The surface or source an item names (a surface may read `READ_LEVEL_ACCEPTABLE:certified`, round 13).
  'provenance/live_reference',
  'provenance/local_surface',
  'provenance/surface_not_allowed',
]);

/** A packet-derived detail is quoted at most this long (report.md shows it as a code span, cut shorter). */
const MAX_QUOTE = 500;

/** An error in a report: tki's words, and apart from them the packet text they are about. */
export interface ErrorWords {
  readonly message: string;
  readonly quote?: string;
}

/**
 * THE one way an error reaches a report (a blocked reason, an item's problems): what the packet
 * wrote (a property name, a value) is the `quote`, never part of the message, so a key named like
 * a verdict cannot read as tki's words (issue 13, rounds 11 and 12). A detail that may be either is
 * quoted: a quoted schema message is still read correctly, an unquoted packet text is not.
 */
export function errorWords(error: InspectorError): ErrorWords {
  if (error.detail === undefined || !PACKET_TEXT_DETAIL.has(error.code)) return { message: renderError(error) };
  return { message: renderErrorBrief(error), quote: truncate(error.detail, MAX_QUOTE) };
}

/**
 * An item's problems as reports list them: tki's words, and beside them (the same order, null where
 * a problem quotes nothing) the packet text each is about, present only when one is (errorWords).
 */
export interface ProblemList {
  readonly problems: string[];
  readonly problem_quotes?: (string | null)[];
}

export function problemList(errors: readonly InspectorError[]): ProblemList {
  const words = errors.map(errorWords);
  const problems = words.map((entry) => entry.message);
  if (words.every((entry) => entry.quote === undefined)) return { problems };
  return { problems, problem_quotes: words.map((entry) => entry.quote ?? null) };
}
