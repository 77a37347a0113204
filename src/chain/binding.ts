import { posix } from 'node:path';
import type { ItemAssessment } from '../provenance/items.js';
import type { Claim } from '../packet/schema.js';
import type { EvidenceIndex } from './evidence-index.js';

/** How an item was tied to the claim's subject (evidence capability question 2). */
export type BindingVia = 'path' | 'listing' | 'mention' | 'query' | 'citation' | 'none';

export interface Binding {
  readonly bound: boolean;
  readonly via: BindingVia;
  /** The hash a listing or pin states for the subject, when it states one. */
  readonly statedHash: string | undefined;
}

const UNBOUND: Binding = { bound: false, via: 'none', statedHash: undefined };

function fileNameOfPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `./a//b` and `a/b` are one path; nothing else is folded (no `..`, no case). */
export function pathForm(path: string): string {
  if (!path.startsWith('./') && !path.includes('//')) return path;
  return path.replace(/\/{2,}/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * A subject given as a bare file name matches any path with that name; a path must match whole:
 * `vendor/evil/tools/canon.py` is another file than `tools/canon.py`, not a longer name for it.
 */
export function pathMatchesSubject(candidate: string, subject: string): boolean {
  if (candidate === subject) return true;
  if (!subject.includes('/')) return posix.basename(candidate) === subject;
  // Equal lengths up to folding: a candidate shorter than the subject's folded form cannot match it.
  if (!candidate.endsWith(fileNameOfPath(subject))) return false;
  return pathForm(candidate) === pathForm(subject);
}

const RECORD_KINDS = new Set(['RUN_LOG', 'EXIT_CODE_RECORD', 'RUN_LEDGER_ENTRY', 'APPROVAL_RECORD']);

/** Listings and records are read through the packet's evidence index, never rescanned per claim. */
export function bindItem(assessment: ItemAssessment, claim: Claim, cited: boolean, index: EvidenceIndex): Binding {
  const item = assessment.item;
  if (item === undefined) return UNBOUND;
  const subject = claim.subject;
  if (item.kind === 'QUERY_RESULT') {
    const surfaceOk = claim.count?.surface === undefined || claim.count.surface === item.source_metadata.governed_surface;
    const queryOk = subject === undefined ? cited : subject === item.source_metadata.named_query_id_or_kb_path || subject === item.path;
    return surfaceOk && queryOk ? { bound: true, via: subject === undefined ? 'citation' : 'query', statedHash: undefined } : UNBOUND;
  }
  if (subject === undefined) return cited ? { bound: true, via: 'citation', statedHash: undefined } : UNBOUND;
  if (item.path !== undefined && pathMatchesSubject(item.path, subject)) return { bound: true, via: 'path', statedHash: undefined };
  if (assessment.text === undefined) return UNBOUND;
  if (item.kind === 'ARTIFACT_LISTING' || item.kind === 'HASH_PIN') {
    const entries = index.listedEntries(assessment, subject);
    index.spend(entries.length);
    const entry = entries.find((candidate) => pathMatchesSubject(candidate.path, subject));
    return entry === undefined ? UNBOUND : { bound: true, via: 'listing', statedHash: entry.hash };
  }
  if (RECORD_KINDS.has(item.kind) && index.mentions(assessment, subject)) return { bound: true, via: 'mention', statedHash: undefined };
  return UNBOUND;
}
