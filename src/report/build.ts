import { isQualified, type ConsideredEvidence } from '../chain/considered.js';
import { errorWords, problemList, type InspectorError } from '../errors.js';
import { truncate } from '../text/escape.js';
import { DEFAULT_LIMITS } from '../pipeline/limits.js';
import { decisionOf, flagsOf, type ClaimEvaluation, type InspectionResult } from '../pipeline/result.js';
import { NON_AUTHORITATIVE, NON_GATING_STAMPS } from '../vocabulary.js';
import { DISCLAIMER } from './disclaimer.js';
import { evidenceItemOf, evidenceSteps } from './evidence-groups.js';
import { groupFindings } from './finding-groups.js';
import { REPORT_SCHEMA_ID, type ClaimReport, type EvidenceItemReport, type Report, type ScopeOfDenial } from './schema.js';

/** Pure: the decided inspection → the report.json object (before the wording lint). */
const S = NON_GATING_STAMPS;

/** A blocked reason: tki's words, and the packet text they are about as its `quote` (errors.ts). */
function blockedReason(error: InspectorError): Report['blocked_reasons'][number] {
  const { message, quote } = errorWords(error);
  return quote === undefined ? { code: error.code, path: error.path, message, ...S } : { code: error.code, path: error.path, message, quote, ...S };
}

function scopeOf(result: InspectionResult): ScopeOfDenial {
  return {
    packet_id: result.summary.packet_id,
    packet_as_of: result.summary.packet_as_of,
    surfaces_searched: result.header ? [...result.header.allowed_surfaces] : [],
    ...S,
  };
}

/**
 * The parts every claim's record repeats (its scope of denial, the dossier verdict step) are one
 * object shared by all claims: the JSON is the same, and 100,000 claims build, walk and collect
 * two objects instead of 200,000. Nothing mutates a report (the lint copies what it changes).
 */
interface SharedParts {
  readonly scope: ScopeOfDenial;
  readonly dossierVerdict: ClaimReport['chain']['dossier_verdict'];
  /** A claim's adequacy step depends on its verdict alone: one object per verdict. */
  readonly adequacyVerdicts: Map<string, ClaimReport['chain']['adequacy_verdict']>;
}

/** The empty corpus-report list most claims have, shared (nothing mutates a report). */
const NO_CORPUS_REPORTS: ClaimReport['corpus_reports'] = [];

function adequacyVerdictOf(shared: SharedParts, verdict: ClaimReport['verdict']): ClaimReport['chain']['adequacy_verdict'] {
  let step = shared.adequacyVerdicts.get(verdict);
  if (step === undefined) {
    step = { verdict, authority: NON_AUTHORITATIVE, ...S };
    shared.adequacyVerdicts.set(verdict, step);
  }
  return step;
}

/**
 * Uncited items a claim's record lists. The chain judges every item that names the subject, and
 * every cited item is listed (at most maxReferencesPerClaim). Uncited ones are evidence the
 * inspector found itself: hundreds of uncited run logs naming one subject were repeated in every
 * claim on it (round 4: a 228 KB packet gave a 171 MB report). So an uncited item is listed only
 * when it brings an evidence class that no qualifying item listed before it has (what the verdict
 * can rest on beyond the cited items), at most MAX_LISTED_UNCITED of them, and a reason says how
 * many were judged but not listed; the packet itself holds them all.
 */
export const MAX_LISTED_UNCITED = 2;

export function listedEvidence(evidence: readonly ConsideredEvidence[]): readonly ConsideredEvidence[] {
  const covered = new Set<string>();
  for (const entry of evidence) if (entry.cited && isQualified(entry)) for (const evidenceClass of entry.evidence_classes) covered.add(evidenceClass);
  let kept = 0;
  const listed = evidence.filter((entry) => {
    if (entry.cited) return true;
    if (kept >= MAX_LISTED_UNCITED || entry.evidence_classes.every((evidenceClass) => covered.has(evidenceClass))) return false;
    kept += 1;
    for (const evidenceClass of entry.evidence_classes) covered.add(evidenceClass);
    return true;
  });
  return listed.length === evidence.length ? evidence : listed;
}

/**
 * An item's path as a claim's record echoes it: at most this many characters (the packet holds
 * the whole path under the item's id). A path is free text up to maxItemPathBytes and every claim
 * that considers the item repeats it (round 4: a 64 KiB path gave 582 report bytes per packet byte).
 */
export const ECHOED_PATH_MAX = 160;

export function echoedPath(path: string | null): string | null {
  return path === null ? null : truncate(path, ECHOED_PATH_MAX);
}

function claimReport(shared: SharedParts, evaluation: ClaimEvaluation): ClaimReport {
  const { claim } = evaluation;
  const evidence = listedEvidence(evaluation.evidence);
  const omitted = evaluation.evidence.length - evidence.length;
  const adequacy = omitted === 0 ? evaluation.adequacy : { ...evaluation.adequacy, reasons: [...evaluation.adequacy.reasons, `${omitted} uncited items naming the subject were judged and not listed`] };
  return {
    claim_id: claim.claim_id,
    claim_type: claim.claim_type,
    verdict: adequacy.verdict,
    authority: NON_AUTHORITATIVE,
    flags: adequacy.flags,
    reasons: adequacy.reasons,
    scope_of_denial: shared.scope,
    corpus_reports: adequacy.corpusReports.length === 0 ? NO_CORPUS_REPORTS : adequacy.corpusReports.map((report) => ({ ...report, ...S })),
    chain: {
      claim: { claim_id: claim.claim_id, text: claim.text, subject: claim.subject ?? null, ...S },
      claim_type: claim.claim_type,
      required_evidence_class: evaluation.required,
      ...evidenceSteps(evidence),
      adequacy_verdict: adequacyVerdictOf(shared, adequacy.verdict),
      dossier_verdict: shared.dossierVerdict,
      ...S,
    },
    ...S,
  };
}

/** Every resolved item the claims' records list, once, in the order first listed. */
function evidenceItems(claims: readonly ClaimEvaluation[]): EvidenceItemReport[] {
  const items = new Map<string, EvidenceItemReport>();
  for (const evaluation of claims) {
    for (const entry of listedEvidence(evaluation.evidence)) if (entry.resolved && !items.has(entry.item_id)) items.set(entry.item_id, evidenceItemOf(entry, echoedPath));
  }
  return [...items.values()];
}

/**
 * The report in its parts: the head (everything but the claims, `claims: []` in their place, where
 * the claims' key stands) and each claim's record, built when asked. The renderer serializes the
 * records one at a time and keeps none of them (src/pipeline/render.ts).
 */
export interface ReportParts {
  readonly head: Report;
  claimRecord(evaluation: ClaimEvaluation): ClaimReport;
}

export function buildReport(result: InspectionResult, maxListed = DEFAULT_LIMITS.maxListedFindingsPerKind): Report {
  const parts = buildReportParts(result, maxListed);
  return { ...parts.head, claims: result.claims.map((evaluation) => parts.claimRecord(evaluation)) };
}

export function buildReportParts(result: InspectionResult, maxListed = DEFAULT_LIMITS.maxListedFindingsPerKind): ReportParts {
  const flags = flagsOf(result);
  const decision = decisionOf(result);
  const scope = scopeOf(result);
  const shared: SharedParts = { scope, dossierVerdict: { final_verdict: decision.final_verdict, article14_status: decision.article14_status, ...S }, adequacyVerdicts: new Map() };
  const head: Report = {
    report_schema: REPORT_SCHEMA_ID,
    packet: { ...result.summary, ...S },
    dossier: { ...result.dossierIdentity, ...S },
    final_verdict: decision.final_verdict,
    article14_status: decision.article14_status,
    triage_outcome: decision.triage_outcome,
    flags,
    flag_details: groupFindings(
      result.flagDetails,
      (detail) => `${detail.flag} ${detail.detail}`,
      (detail) => ({ flag: detail.flag, detail: detail.detail, ...S }),
      (detail) => (detail.quote === undefined ? { where: detail.where, ...S } : { where: detail.where, quote: detail.quote, ...S }),
      maxListed,
    ),
    claims: [],
    evidence_items: evidenceItems(result.claims),
    blocked_reasons: result.blockedReasons.map(blockedReason),
    item_findings: result.assessments
      .filter((assessment) => !assessment.usable)
      .map((assessment) => ({
        item_id: assessment.itemId ?? `items[${assessment.index}]`,
        usable: assessment.usable,
        local_first: assessment.localFirst,
        ...problemList(assessment.failures),
        ...S,
      })),
    prose: {
      pass_assertions: groupFindings(
        result.prose?.passAssertions ?? [],
        (finding) => String(finding.backed),
        (finding) => ({ backed: finding.backed, ...S }),
        ({ line, excerpt, why }) => ({ line, excerpt, why, ...S }),
        maxListed,
      ),
      unparsed_regions: groupFindings(
        result.prose?.unparsedRegions ?? [],
        (finding) => finding.why,
        (finding) => ({ why: finding.why, ...S }),
        ({ line, excerpt }) => ({ line, excerpt, ...S }),
        maxListed,
      ),
      ...S,
    },
    inventory_complete: result.prose !== undefined && result.prose.unparsedRegions.length === 0,
    items_total: result.itemsTotal,
    items_usable: result.assessments.filter((assessment) => assessment.usable).length,
    scope_of_denial: scope,
    ...S,
    proves_execution: false,
    proves_global_absence: false,
    production_mutation: false,
    disclaimer: DISCLAIMER,
  };
  return { head, claimRecord: (evaluation) => claimReport(shared, evaluation) };
}
