import { inspectorError, type InspectorError } from '../errors.js';
import { DEFAULT_LIMITS, type InspectorLimits } from '../pipeline/limits.js';
import { PACKET_SCHEMA_ID } from '../vocabulary.js';
import { z } from '../zod.js';
import {
  claimSchema,
  DOSSIER_IDENTITY_FIELDS,
  dossierSchema,
  itemSchema,
  packetEnvelopeSchema,
  type Dossier,
  type PacketEnvelope,
  type PacketHeader,
  type PacketItem,
} from './schema.js';
import { isIdentifier } from './identifiers.js';
import { isJsonObject as isObject, MAX_JSON_DEPTH, type JsonObject } from './json-value.js';
import { scanPacketJson, type PacketJsonScan } from './json-scan.js';
import { issuesToErrors, jsonPath } from './zod-issues.js';
import { precompiledCheck, precompiledParser } from '../zod-check.js';
import { duplicateKeyError } from './duplicate-keys.js';

/** The staged schemas, each compiled once (src/zod-check.ts): zod itself only explains a failure. */
const parseItemValue = precompiledParser(itemSchema);
const isValidDossier = precompiledCheck(dossierSchema);
const parseClaimValue = precompiledParser(claimSchema);
/** The dossier with its claims left for parseClaimValue, one claim at a time. */
const parseDossierFrame = precompiledParser(dossierSchema.extend({ claims: z.array(z.unknown()) }));
const parseEnvelopeValue = precompiledParser(packetEnvelopeSchema);

/** One entry of `items[]`, parsed on its own so that a broken item does not hide the others. */
export interface ItemRecord {
  readonly index: number;
  /** The raw item_id is a string that breaks the identifier grammar. */
  readonly invalidItemId?: boolean;
  /** The item_id when the raw item has a non-empty string there, even if the rest is broken. */
  readonly itemId: string | undefined;
  /** The declared `source_metadata.content_hash`, read leniently for the manifest. */
  readonly declaredHash: string | undefined;
  /** The raw content_file string, kept so a malformed item with a hostile path is still seen as one. */
  readonly contentFile: string | undefined;
  readonly item: PacketItem | undefined;
  readonly errors: readonly InspectorError[];
}

/** What the report shows about the packet even when it is broken (SPEC §5 `packet`). */
export interface PacketSummary {
  readonly packet_id: string | null;
  readonly packet_as_of: string | null;
  readonly schema: string | null;
  readonly manifest_hash: string | null;
  readonly source_mode: string | null;
}

/** The dossier's identity as written, for the report, even when the dossier is malformed. */
export interface DossierIdentity {
  readonly document_id: string | null;
  readonly blueprint_ref: string | null;
  readonly revision: string | null;
  readonly item_id: string | null;
}

export interface ParsedPacket {
  readonly summary: PacketSummary;
  readonly dossierIdentity: DossierIdentity;
  readonly header: PacketHeader | undefined;
  readonly headerErrors: readonly InspectorError[];
  readonly dossier: Dossier | undefined;
  readonly dossierErrors: readonly InspectorError[];
  readonly items: readonly ItemRecord[];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The header values a report echoes. A packet cannot make its report larger than its own
 * identity warrants: a value longer than any well-formed one is not copied (the header error
 * names the field), whatever its size.
 */
const MAX_ECHOED_HEADER_CHARS = 256;

function echoedOrNull(value: unknown): string | null {
  const text = stringOrNull(value);
  return text === null || text.length > MAX_ECHOED_HEADER_CHARS ? null : text;
}

function summarize(raw: JsonObject | undefined): PacketSummary {
  return {
    packet_id: echoedOrNull(raw?.packet_id),
    packet_as_of: echoedOrNull(raw?.packet_as_of),
    schema: echoedOrNull(raw?.schema),
    manifest_hash: echoedOrNull(raw?.manifest_hash),
    source_mode: echoedOrNull(raw?.source_mode),
  };
}

const HEADER_CODES = { missing: 'packet/missing_field', unknownKey: 'packet/unknown_key', invalid: 'packet/invalid_value' } as const;
const ITEM_CODES = { missing: 'item/invalid', unknownKey: 'item/invalid', invalid: 'item/invalid' } as const;
const DOSSIER_CODES = { missing: 'dossier/invalid', unknownKey: 'dossier/invalid', invalid: 'dossier/invalid' } as const;

/** Shared by every well-formed item: one empty list instead of one per item. */
const NO_ERRORS: readonly InspectorError[] = Object.freeze([]);

export function parseItem(raw: unknown, index: number): ItemRecord {
  const rawObject = isObject(raw) ? raw : undefined;
  // Only an id that follows the identifier grammar is used; any other makes the manifest unverifiable.
  const itemId = typeof rawObject?.item_id === 'string' && isIdentifier(rawObject.item_id) ? rawObject.item_id : undefined;
  const metadata = isObject(rawObject?.source_metadata) ? rawObject.source_metadata : undefined;
  const declaredHash = typeof metadata?.content_hash === 'string' ? metadata.content_hash : undefined;
  const contentFile = typeof rawObject?.content_file === 'string' ? rawObject.content_file : undefined;
  const parsed = parseItemValue(raw);
  const invalidItemId = typeof rawObject?.item_id === 'string' && rawObject.item_id !== '' && itemId === undefined;
  if (parsed.success) return { index, itemId, declaredHash, contentFile, item: parsed.data, errors: NO_ERRORS };
  const base = `items[${index}]`;
  const errors = parsed.error.issues.map((issue) => {
    const [first, second] = issue.path;
    // A missing provenance field is its own finding (SPEC §2 step 4), not a generic malformed item.
    if (first === 'source_metadata' && (second === undefined || issue.code === 'invalid_type')) {
      const missing = second === undefined ? metadata === undefined : metadata?.[String(second)] === undefined;
      if (missing) return inspectorError('provenance/missing_source_metadata', jsonPath(base, issue.path));
    }
    return issuesToErrors([issue], raw, base, ITEM_CODES)[0] ?? inspectorError('item/invalid', base);
  });
  return invalidItemId ? { index, invalidItemId, itemId, declaredHash, contentFile, item: undefined, errors } : { index, itemId, declaredHash, contentFile, item: undefined, errors };
}

/**
 * Invalid claims whose issues a report lists, at most. Beyond them the dossier is already
 * refused, and the first ones name the field. Zod merges a nested array's issues with one spread
 * call, so a dossier validated whole with 256,000 bad evidence_refs overflowed the stack (round 7):
 * claims are validated one at a time, and validation stops here.
 */
export const MAX_INVALID_CLAIMS_LISTED = 32;

/** The dossier's fields, then its claims one by one: the data when all are valid, else the issues of the first invalid ones. */
function validateDossier(raw: unknown): { dossier: Dossier; errors: [] } | { dossier: undefined; errors: InspectorError[] } {
  // A valid dossier (the usual case) is checked once, in place, by the compiled check.
  if (isValidDossier?.(raw) === true) return { dossier: raw as Dossier, errors: [] };
  const frame = parseDossierFrame(raw);
  const errors = frame.success ? [] : issuesToErrors(frame.error.issues, raw, 'dossier', DOSSIER_CODES);
  const rawClaims = isObject(raw) && Array.isArray(raw.claims) ? raw.claims : [];
  const claims: Dossier['claims'] = [];
  let invalid = 0;
  for (let index = 0; index < rawClaims.length && invalid < MAX_INVALID_CLAIMS_LISTED; index += 1) {
    const rawClaim: unknown = rawClaims[index];
    const parsed = parseClaimValue(rawClaim);
    if (parsed.success) {
      claims.push(parsed.data);
      continue;
    }
    invalid += 1;
    for (const error of issuesToErrors(parsed.error.issues, rawClaim, `dossier.claims[${index}]`, DOSSIER_CODES)) errors.push(error);
  }
  if (frame.success && errors.length === 0) return { dossier: { ...frame.data, claims }, errors: [] };
  return { dossier: undefined, errors };
}

function parseDossier(raw: unknown): { dossier: Dossier | undefined; errors: InspectorError[] } {
  const parsed = validateDossier(raw);
  if (parsed.dossier !== undefined) {
    const seen = new Set<string>();
    const errors: InspectorError[] = [];
    parsed.dossier.claims.forEach((claim, index) => {
      if (seen.has(claim.claim_id)) errors.push(inspectorError('dossier/duplicate_claim_id', `dossier.claims[${index}].claim_id`, claim.claim_id));
      seen.add(claim.claim_id);
    });
    return { dossier: errors.length === 0 ? parsed.dossier : undefined, errors };
  }
  const rawObject = isObject(raw) ? raw : {};
  const identityErrors = DOSSIER_IDENTITY_FIELDS.filter((field) => typeof rawObject[field] !== 'string' || rawObject[field] === '').map((field) =>
    inspectorError('dossier/missing_identity', `dossier.${field}`),
  );
  const identityPaths = new Set(identityErrors.map((error) => error.path));
  const otherErrors = parsed.errors.filter((error) => !identityPaths.has(error.path));
  return { dossier: undefined, errors: [...identityErrors, ...otherErrors] };
}

/**
 * The limits that can be judged from packet.json alone, checked right after JSON.parse and before
 * any schema validation, so that an over-limit packet is refused for about the cost of parsing it.
 */
function overLimit(raw: JsonObject, limits: InspectorLimits): InspectorError | undefined {
  if (Array.isArray(raw.items) && raw.items.length > limits.maxItems) {
    return inspectorError('limits/max_items', 'items', `maxItems = ${limits.maxItems}; the packet has ${raw.items.length}`);
  }
  const surfaces = raw.allowed_surfaces;
  if (Array.isArray(surfaces) && surfaces.length > limits.maxAllowedSurfaces) {
    return inspectorError('limits/max_allowed_surfaces', 'allowed_surfaces', `maxAllowedSurfaces = ${limits.maxAllowedSurfaces}; the packet lists ${surfaces.length}`);
  }
  const surfaceBytes = Array.isArray(surfaces) ? surfaces.reduce((total: number, surface) => total + utf8Bytes(surface), 0) : 0;
  if (surfaceBytes > limits.maxAllowedSurfacesBytes) {
    return inspectorError('limits/max_allowed_surfaces_bytes', 'allowed_surfaces', `maxAllowedSurfacesBytes = ${limits.maxAllowedSurfacesBytes}; the names are ${surfaceBytes} bytes`);
  }
  const longPath = longItemPath(raw.items, limits.maxItemPathBytes);
  if (longPath !== undefined) return inspectorError('limits/max_item_path_bytes', `items[${longPath.index}].path`, `maxItemPathBytes = ${limits.maxItemPathBytes}; this path is ${longPath.bytes} bytes`);
  const claims = isObject(raw.dossier) ? raw.dossier.claims : undefined;
  if (!Array.isArray(claims)) return undefined;
  if (claims.length > limits.maxClaims) return inspectorError('limits/max_claims', 'dossier.claims', `maxClaims = ${limits.maxClaims}; the dossier has ${claims.length}`);
  // Counted in UTF-16 code units first: a string's UTF-8 length is at most three times that, so
  // most strings and totals are within the limits without counting their bytes (200,000 byte
  // counts were a tenth of refusing a 15 MB packet). The bytes are counted only when that bound is over.
  // Indexed loops, no for…of: this runs once per run, interpreted inside (--jitless), where a
  // for…of over the two fields cost 150–200 CPU-ms of 100,000 claims and an indexed loop 20–30.
  let textUnitsTimesThree = 0;
  let citations = 0;
  for (let index = 0; index < claims.length; index += 1) {
    const claim: unknown = claims[index];
    if (!isObject(claim)) continue;
    const refs = claim.evidence_refs;
    if (Array.isArray(refs)) {
      if (refs.length > limits.maxReferencesPerClaim) {
        return inspectorError('limits/max_references_per_claim', `dossier.claims[${index}].evidence_refs`, `maxReferencesPerClaim = ${limits.maxReferencesPerClaim}; this claim cites ${refs.length}`);
      }
      citations += refs.length;
    }
    for (let fieldIndex = 0; fieldIndex < CLAIM_TEXT_FIELDS.length; fieldIndex += 1) {
      const field = CLAIM_TEXT_FIELDS[fieldIndex] as ClaimTextField;
      const value = claim[field];
      const atMost = typeof value === 'string' ? 3 * value.length : 0;
      textUnitsTimesThree += atMost;
      if (atMost <= limits.maxClaimTextBytes) continue;
      const bytes = utf8Bytes(value);
      if (bytes > limits.maxClaimTextBytes) return inspectorError('limits/max_claim_text_bytes', `dossier.claims[${index}].${field}`, `maxClaimTextBytes = ${limits.maxClaimTextBytes}; this ${field} is ${bytes} bytes`);
    }
  }
  const textBytes = textUnitsTimesThree <= limits.maxClaimTextBytesTotal ? 0 : claimTextBytes(claims);
  if (textBytes > limits.maxClaimTextBytesTotal) return inspectorError('limits/max_claim_text_bytes_total', 'dossier.claims', `maxClaimTextBytesTotal = ${limits.maxClaimTextBytesTotal}; the claims' texts and subjects are ${textBytes} bytes`);
  const cited = citations <= limits.maxEvidenceEntries ? undefined : distinctCitationsOver(claims, limits.maxEvidenceEntries);
  if (cited !== undefined) return inspectorError('limits/max_evidence_entries', 'dossier.claims', `maxEvidenceEntries = ${limits.maxEvidenceEntries}; the claims cite ${cited} distinct items, each an evidence entry`);
  return undefined;
}

/**
 * Each distinct item a claim cites is one of its evidence entries, so more distinct citations than
 * maxEvidenceEntries are refused here, right after parsing (the chain's own count adds the uncited
 * items that bind a subject). Distinct ids are counted only when the plain count (overLimit's loop)
 * is over the limit.
 */
function distinctCitationsOver(claims: readonly unknown[], maxEntries: number): number | undefined {
  let distinct = 0;
  for (let index = 0; index < claims.length; index += 1) {
    const claim: unknown = claims[index];
    if (isObject(claim) && Array.isArray(claim.evidence_refs)) distinct += new Set(claim.evidence_refs).size;
  }
  return distinct > maxEntries ? distinct : undefined;
}

/** The first item whose `path` is over the limit, if any. */
function longItemPath(items: unknown, maxBytes: number): { index: number; bytes: number } | undefined {
  if (!Array.isArray(items)) return undefined;
  for (let index = 0; index < items.length; index += 1) {
    const item: unknown = items[index];
    const bytes = isObject(item) ? utf8Bytes(item.path) : 0;
    if (bytes > maxBytes) return { index, bytes };
  }
  return undefined;
}

/** The claim fields every text rule reads (normalized, matched, escaped into both reports). */
const CLAIM_TEXT_FIELDS = ['text', 'subject'] as const;
type ClaimTextField = (typeof CLAIM_TEXT_FIELDS)[number];

/** The UTF-8 length of every claim's text fields together. */
function claimTextBytes(claims: readonly unknown[]): number {
  let bytes = 0;
  for (let index = 0; index < claims.length; index += 1) {
    const claim: unknown = claims[index];
    if (isObject(claim)) for (let fieldIndex = 0; fieldIndex < CLAIM_TEXT_FIELDS.length; fieldIndex += 1) bytes += utf8Bytes(claim[CLAIM_TEXT_FIELDS[fieldIndex] as ClaimTextField]);
  }
  return bytes;
}

/** UTF-8 length of a string field (0 for anything else: the schema then names the wrong type). */
function utf8Bytes(value: unknown): number {
  return typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0;
}

/** Pure: packet.json text → the staged parse. Never throws. */
export function parsePacketText(text: string, limits: InspectorLimits = DEFAULT_LIMITS): ParsedPacket {
  let raw: unknown;
  let scan: PacketJsonScan;
  try {
    // One pass before the one parse: the depth (refused before JSON.parse) and any repeated key (refused in SPEC §2 order below).
    scan = scanPacketJson(text, MAX_JSON_DEPTH);
    if (scan.tooDeep) return emptyParse(summarize(undefined), [inspectorError('limits/max_json_depth', '', `more than ${MAX_JSON_DEPTH} levels of arrays and objects`)]);
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : undefined;
    return emptyParse(summarize(undefined), [inspectorError('packet/json_syntax', '', detail)]);
  }
  if (!isObject(raw)) return emptyParse(summarize(undefined), [inspectorError('packet/not_an_object', '')]);
  const summary = summarize(raw);
  if (raw.schema !== PACKET_SCHEMA_ID) {
    const detail = typeof raw.schema === 'string' ? raw.schema : raw.schema === undefined ? 'missing' : typeof raw.schema;
    return emptyParse(summary, [inspectorError('packet/wrong_schema', 'schema', detail)]);
  }
  const limitHit = overLimit(raw, limits);
  if (limitHit !== undefined) return { ...emptyParse(summary, [limitHit]), dossierIdentity: identityOf(raw.dossier) };
  const duplicateKey = duplicateKeyError(scan.duplicate);
  if (duplicateKey !== undefined) return { ...emptyParse(summary, [duplicateKey]), dossierIdentity: identityOf(raw.dossier) };
  const envelope = parseEnvelopeValue(raw);
  const headerErrors = envelope.success ? [] : issuesToErrors(envelope.error.issues, raw, '', HEADER_CODES);
  const items = Array.isArray(raw.items) ? raw.items.map((item, index) => parseItem(item, index)) : [];
  const { dossier, errors: dossierErrors } = isObject(raw.dossier) ? parseDossier(raw.dossier) : { dossier: undefined, errors: [] };
  const header: PacketHeader | undefined = envelope.success ? headerOf(envelope.data) : undefined;
  return { summary, dossierIdentity: identityOf(raw.dossier), header, headerErrors, dossier, dossierErrors, items };
}

function identityOf(raw: unknown): DossierIdentity {
  const dossier = isObject(raw) ? raw : undefined;
  return {
    document_id: stringOrNull(dossier?.document_id),
    blueprint_ref: stringOrNull(dossier?.blueprint_ref),
    revision: stringOrNull(dossier?.revision),
    item_id: stringOrNull(dossier?.item_id),
  };
}

function headerOf(envelope: PacketEnvelope): PacketHeader {
  const header: Partial<PacketEnvelope> = { ...envelope };
  delete header.dossier;
  delete header.items;
  return header as PacketHeader;
}

function emptyParse(summary: PacketSummary, headerErrors: InspectorError[]): ParsedPacket {
  return { summary, dossierIdentity: identityOf(undefined), header: undefined, headerErrors, dossier: undefined, dossierErrors: [], items: [] };
}
