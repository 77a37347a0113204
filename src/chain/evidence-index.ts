import type { Claim } from '../packet/schema.js';
import type { ItemAssessment } from '../provenance/items.js';
import { pathForm } from './binding.js';
import { readRecordStatement, type RecordStatement } from './record-statements.js';
import { countIn, exitCodesIn, fileNameOf, listedEntries, sha256RefsIn, type CountRecord, type ListedEntry } from './record-values.js';

export { fileNameOf } from './record-values.js';

/**
 * Everything the chain needs from item contents, read once per packet (issue 13: linear cost).
 * Listings, pins and run records are parsed a single time, and only what can bind one of the
 * claims' subjects is kept, grouped by file name; record values (exit codes, hashes, counts) are
 * parsed once per item. Per claim, the chain then looks up a handful of candidates instead of
 * rescanning every item's text. The work that is left per claim (comparing a subject with the
 * entries that share its file name) is counted against one budget, so an adversarial packet ends
 * in a BLOCKED report naming the limit instead of running for hours.
 */
export interface RecordValues {
  readonly exitCodes: readonly number[];
  readonly sha256Refs: readonly string[];
  readonly count: CountRecord;
}

export interface EvidenceIndex {
  /** Usable items that may bind this subject (the binding rules still decide). */
  candidates(subject: string): readonly ItemAssessment[];
  /** Entries of a listing or pin item whose file name is the subject's. */
  listedEntries(assessment: ItemAssessment, subject: string): readonly ListedEntry[];
  /** Whether a run record's text names the subject's file (as a token, alone or at the end of a path). */
  mentions(assessment: ItemAssessment, subject: string): boolean;
  values(assessment: ItemAssessment): RecordValues;
  /** What a record states about one subject (record-statements.ts), read once per item and subject. */
  statement(assessment: ItemAssessment, subject: string | undefined): RecordStatement;
  /** Counts comparison work; false once the budget is spent. */
  spend(units: number): boolean;
  readonly listingEntries: number;
}

export type IndexOutcome = { readonly ok: true; readonly index: EvidenceIndex } | { readonly ok: false; readonly limit: 'maxListingEntries'; readonly entries: number };

const LISTING_KINDS = new Set(['ARTIFACT_LISTING', 'HASH_PIN']);
const RECORD_KINDS = new Set(['RUN_LOG', 'EXIT_CODE_RECORD', 'RUN_LEDGER_ENTRY', 'APPROVAL_RECORD']);
const TOKEN_SPLIT = /[\s"'`,;()[\]{}<>=|]+/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Candidates from two keys in the order of the packet's items. */
function inPacketOrder(assessments: ItemAssessment[]): ItemAssessment[] {
  return assessments.sort((left, right) => left.index - right.index);
}

export interface IndexLimits {
  readonly maxListingEntries: number;
  readonly maxBindingComparisons: number;
}

export function buildEvidenceIndex(assessments: readonly ItemAssessment[], claims: readonly Claim[], limits: IndexLimits): IndexOutcome {
  const names = new Set<string>();
  for (const claim of claims) if (claim.subject !== undefined) names.add(fileNameOf(claim.subject));
  const byName = new Map<string, ItemAssessment[]>();
  // Listings by the entries they hold: by file name for a bare-name subject, by whole path
  // otherwise (pathMatchesSubject's rule), so that a file name every listing holds
  // (`tools/dN/file-1.py` in N listings) gives a claim the one listing that binds it, not N.
  const listingsByName = new Map<string, ItemAssessment[]>();
  const listingsByPath = new Map<string, ItemAssessment[]>();
  const listed = new Map<ItemAssessment, Map<string, ListedEntry[]>>();
  const mentioned = new Map<ItemAssessment, Set<string>>();
  let listingEntries = 0;
  for (const assessment of assessments) {
    const item = assessment.item;
    if (item === undefined) continue;
    if (assessment.usable) {
      if (item.path !== undefined) push(byName, fileNameOf(item.path), assessment);
      if (item.kind === 'QUERY_RESULT') {
        push(byName, `query:${item.source_metadata.named_query_id_or_kb_path}`, assessment);
        if (item.path !== undefined) push(byName, `query:${item.path}`, assessment);
      }
    }
    const text = assessment.text;
    if (text === undefined || names.size === 0) continue;
    if (LISTING_KINDS.has(item.kind)) {
      // Only entries that can bind a subject are kept (and allocated); all are counted.
      const listing = listedEntries(text, names);
      listingEntries += listing.total;
      if (listingEntries > limits.maxListingEntries) return { ok: false, limit: 'maxListingEntries', entries: listingEntries };
      const own = new Map<string, ListedEntry[]>();
      for (const entry of listing.entries) {
        push(own, fileNameOf(entry.path), entry);
        if (assessment.usable) push(listingsByPath, pathForm(entry.path), assessment);
      }
      listed.set(assessment, own);
      if (assessment.usable) for (const name of own.keys()) push(listingsByName, name, assessment);
    } else if (RECORD_KINDS.has(item.kind)) {
      const own = new Set<string>();
      for (const token of text.split(TOKEN_SPLIT)) {
        const name = fileNameOf(token.replace(/[.:!?]+$/, ''));
        if (names.has(name)) own.add(name);
      }
      mentioned.set(assessment, own);
      if (assessment.usable) for (const name of own) push(byName, name, assessment);
    }
  }
  const values = new Map<ItemAssessment, RecordValues>();
  const statements = new Map<ItemAssessment, Map<string, RecordStatement>>();
  let budget = limits.maxBindingComparisons;
  const index: EvidenceIndex = {
    candidates: (subject) => {
      const name = fileNameOf(subject);
      const byFile = byName.get(name) ?? [];
      const byListing = (subject.includes('/') ? listingsByPath.get(pathForm(subject)) : listingsByName.get(name)) ?? [];
      const byQuery = byName.get(`query:${subject}`) ?? [];
      // One key's list is in packet order already; listings and the items named by file merge into it.
      const named = byListing.length === 0 ? byFile : byFile.length === 0 ? byListing : inPacketOrder([...new Set([...byFile, ...byListing])]);
      return byQuery.length === 0 ? named : [...new Set([...named, ...byQuery])];
    },
    listedEntries: (assessment, subject) => listed.get(assessment)?.get(fileNameOf(subject)) ?? [],
    mentions: (assessment, subject) => mentioned.get(assessment)?.has(fileNameOf(subject)) === true,
    values: (assessment) => {
      let found = values.get(assessment);
      if (found === undefined) {
        const text = assessment.text ?? '';
        found = { exitCodes: exitCodesIn(text), sha256Refs: sha256RefsIn(text), count: countIn(text) };
        values.set(assessment, found);
      }
      return found;
    },
    statement: (assessment, subject) => {
      let own = statements.get(assessment);
      if (own === undefined) statements.set(assessment, (own = new Map()));
      const key = subject ?? '';
      let found = own.get(key);
      if (found === undefined) {
        const text = assessment.text ?? '';
        budget -= text.length;
        found = readRecordStatement(text, subject);
        own.set(key, found);
      }
      return found;
    },
    spend: (units) => {
      budget -= units;
      return budget >= 0;
    },
    listingEntries,
  };
  return { ok: true, index };
}
