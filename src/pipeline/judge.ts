import { judgeAdequacy } from '../chain/adequacy.js';
import { evidenceCount, gatherEvidence, type ChainContext } from '../chain/considered.js';
import { buildEvidenceIndex } from '../chain/evidence-index.js';
import { requiredClassesFlat } from '../chain/requirements.js';
import { authorityHits } from '../claims/authority.js';
import { scanProse, type ProseScan } from '../claims/prose-scan.js';
import { inspectorError, type InspectorError } from '../errors.js';
import type { ParsedPacket } from '../packet/parse.js';
import type { Claim, Dossier, PacketHeader } from '../packet/schema.js';
import type { ItemAssessment } from '../provenance/items.js';
import { proseLimitRefusal } from './limits-prose.js';
import type { DossierBaseFacts } from '../verdict/dossier.js';
import { claimPlace, isExecutionClass } from '../vocabulary.js';
import type { InspectorLimits } from './limits.js';
import type { ClaimEvaluation, FlagDetail, InspectionResult } from './result.js';

/**
 * The pure middle of the pipeline: provenance-assessed items and the dossier in, every decision
 * out. No I/O happens here; the same inputs always give the same result.
 */
export function evaluateClaim(claim: Claim, header: PacketHeader, context: ChainContext): ClaimEvaluation {
  const evidence = gatherEvidence(claim, context);
  return { claim, required: requiredClassesFlat(claim.claim_type), evidence, adequacy: judgeAdequacy(claim, header, evidence, context.index) };
}

/** When the header fails no item is usable, so every claim that could be read is blocked by an unverified source. */
export function blockedClaim(claim: Claim): ClaimEvaluation {
  return {
    claim,
    required: requiredClassesFlat(claim.claim_type),
    evidence: [],
    adequacy: { verdict: 'BLOCKED_BY_UNVERIFIED_SOURCE', flags: [], reasons: ['the packet header failed provenance, so no item in it is usable'], corpusReports: [] },
  };
}

function indexById(assessments: readonly ItemAssessment[]): Map<string, ItemAssessment> {
  const byId = new Map<string, ItemAssessment>();
  for (const assessment of assessments) if (assessment.itemId !== undefined && !byId.has(assessment.itemId)) byId.set(assessment.itemId, assessment);
  return byId;
}

function dossierFlags(claims: readonly ClaimEvaluation[], prose: ProseScan | undefined, dossierText: string | undefined, assessments: readonly ItemAssessment[], cited: ReadonlySet<string>): FlagDetail[] {
  const details: FlagDetail[] = [];
  claims.forEach((evaluation, index) => {
    for (const flag of evaluation.adequacy.flags) details.push({ flag, where: claimPlace(index), detail: evaluation.adequacy.reasons.join('; ') });
  });
  // Packet text goes in `quote`, never in tki's words (report.md quotes it); the phrase found is in prose.pass_assertions.
  for (const assertion of prose?.passAssertions ?? []) {
    if (!assertion.backed) details.push({ flag: 'FLAG_PROSE_ONLY_PASS', where: `dossier line ${assertion.line}`, detail: 'a pass assertion with no claim backed by accepted evidence', quote: assertion.excerpt });
  }
  if (dossierText !== undefined) {
    const hits = authorityHits(dossierText, false);
    for (const hit of hits) details.push({ flag: 'FLAG_AUTHORITY_VIOLATION', where: 'dossier text', detail: 'an authority assertion', quote: hit.excerpt });
    // A right-to-left paragraph's later lines take its level (prose-scan.ts), which the line-by-line scan does not.
    if (hits.length === 0) {
      for (const found of prose?.authorityAssertions ?? []) details.push({ flag: 'FLAG_AUTHORITY_VIOLATION', where: `dossier line ${found.line}`, detail: 'an authority assertion in a right-to-left paragraph', quote: found.excerpt });
    }
  }
  for (const found of prose?.globalDenials ?? []) {
    details.push({ flag: 'FLAG_GLOBAL_DENIAL_WORDING', where: `dossier line ${found.line}`, detail: 'global-absence wording as the dossier shows it (its quote alone does not read so)', quote: found.excerpt });
  }
  for (const assessment of assessments) {
    // An item is named by its place in packet.json, tki's words; its id and surface are packet text
    // (an id or a surface may read `READ_LEVEL_ACCEPTABLE:certified`, round 13): the surface is the
    // quote, and report.md's item list names the id beside its problems.
    const where = `items[${assessment.index}]`;
    const surface = assessment.item?.source_metadata.governed_surface;
    if (assessment.localFirst) details.push({ flag: 'FLAG_LOCAL_FIRST_AUTHORITY', where, detail: 'the surface is a local path; the item is not used as evidence', ...(surface === undefined ? {} : { quote: surface }) });
    if (assessment.text !== undefined && assessment.itemId !== undefined && cited.has(assessment.itemId)) {
      for (const hit of authorityHits(assessment.text, assessment.item?.kind === 'APPROVAL_RECORD')) details.push({ flag: 'FLAG_AUTHORITY_VIOLATION', where, detail: 'an authority assertion', quote: hit.excerpt });
    }
  }
  return details;
}

export interface JudgeInput {
  readonly parsed: ParsedPacket;
  readonly header: PacketHeader;
  readonly dossier: Dossier;
  readonly assessments: readonly ItemAssessment[];
  readonly packetErrors: readonly InspectorError[];
  readonly limits: InspectorLimits;
}

const bindingBudgetSpent = (limits: InspectorLimits): InspectorError =>
  inspectorError('limits/max_evidence_entries', 'dossier.claims', `maxBindingComparisons = ${limits.maxBindingComparisons}: binding the subjects needs more comparisons`);

/**
 * Every claim through the chain, within the evidence and comparison limits; a limit hit is returned,
 * not thrown. The evidence entries are counted first (each subject bound once, no entry built), so a
 * packet over maxEvidenceEntries is refused before any claim is judged (issue 13, round 7: refusals
 * came after 1.2–1.8 s CPU for a 0.4–2.3 MB packet.json).
 */
function evaluateClaims(dossier: Dossier, header: PacketHeader, context: ChainContext, limits: InspectorLimits): ClaimEvaluation[] | InspectorError {
  let evidenceEntries = 0;
  for (const claim of dossier.claims) {
    evidenceEntries += evidenceCount(claim, context);
    if (!context.index.spend(0)) return bindingBudgetSpent(limits);
  }
  if (evidenceEntries > limits.maxEvidenceEntries) return inspectorError('limits/max_evidence_entries', 'dossier.claims', `maxEvidenceEntries = ${limits.maxEvidenceEntries}; the claims would consider ${evidenceEntries}`);
  const claims: ClaimEvaluation[] = [];
  for (const claim of dossier.claims) {
    claims.push(evaluateClaim(claim, header, context));
    if (!context.index.spend(0)) return bindingBudgetSpent(limits);
  }
  return claims;
}

export function judgePacket(input: JudgeInput): InspectionResult {
  const { parsed, header, dossier, assessments, limits } = input;
  const byId = indexById(assessments);
  const dossierItem = byId.get(dossier.item_id);
  const blockedReasons: InspectorError[] = [...input.packetErrors];
  const dossierText = dossierItem?.usable === true ? dossierItem.text : undefined;
  // The prose limit in bytes, or the retained-text limit that kept the dossier's text from the scan (limits-prose.ts).
  const proseRefusal = dossierItem?.usable === true ? proseLimitRefusal(dossierItem, limits) : undefined;
  if (proseRefusal !== undefined) return blockedInspection(parsed, [proseRefusal]);
  if (dossierText === undefined) blockedReasons.push(inspectorError('dossier/text_unverified', 'dossier.item_id', dossier.item_id));
  const indexed = buildEvidenceIndex(assessments, dossier.claims, limits);
  if (!indexed.ok) return blockedInspection(parsed, [inspectorError('limits/max_listing_entries', 'items', `maxListingEntries = ${limits.maxListingEntries}; more than ${indexed.entries - 1} entries`)]);
  const context: ChainContext = { byId, index: indexed.index, dossierItem };
  const evaluated = evaluateClaims(dossier, header, context, limits);
  if (!Array.isArray(evaluated)) return blockedInspection(parsed, [evaluated]);
  const claims = evaluated;
  const accepted = claims.filter((evaluation) => evaluation.adequacy.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' && isExecutionClass(evaluation.claim.claim_type)).map((evaluation) => evaluation.claim);
  const prose = dossierText === undefined ? undefined : scanProse(dossierText, dossier.claims, accepted);
  const cited = new Set(dossier.claims.flatMap((claim) => claim.evidence_refs));
  const flagDetails = dossierFlags(claims, prose, dossierText, assessments, cited);
  const facts: DossierBaseFacts = {
    blockedReasonCount: blockedReasons.length,
    claimVerdicts: claims.map((evaluation) => evaluation.adequacy.verdict),
    hasExecutionClaims: dossier.claims.some((claim) => isExecutionClass(claim.claim_type)),
    inventoryComplete: prose !== undefined && prose.unparsedRegions.length === 0,
  };
  return {
    summary: parsed.summary,
    header,
    dossier,
    dossierIdentity: parsed.dossierIdentity,
    blockedReasons,
    claims,
    assessments,
    itemsTotal: parsed.items.length,
    prose,
    flagDetails,
    facts,
  };
}

/**
 * Reasons a report lists. A packet can hold a reason per claim or per key (100,000 duplicate claim
 * ids); listing each would grow a refusal's report with the packet, so the first ones stand for
 * the rest and one more entry says how many were left out.
 */
export const MAX_LISTED_REASONS = 32;

function listedReasons(reasons: readonly InspectorError[]): readonly InspectorError[] {
  if (reasons.length <= MAX_LISTED_REASONS) return reasons;
  const shown = reasons.slice(0, MAX_LISTED_REASONS - 1);
  return [...shown, inspectorError('report/more_reasons', '', `${reasons.length - shown.length} more not listed`)];
}

/** A run that stops before the chain: header, dossier or read failure. Still a full, valid report. */
export function blockedInspection(parsed: ParsedPacket | undefined, allReasons: readonly InspectorError[]): InspectionResult {
  const reasons = listedReasons(allReasons);
  const dossier = parsed?.dossier;
  // A packet refused by a limit is not judged claim by claim: its report stays small.
  const overLimit = reasons.some((reason) => reason.code.startsWith('limits/'));
  const claims = parsed !== undefined && !overLimit && parsed.dossierErrors.length === 0 && dossier !== undefined ? dossier.claims.map(blockedClaim) : [];
  return {
    summary: parsed?.summary ?? { packet_id: null, packet_as_of: null, schema: null, manifest_hash: null, source_mode: null },
    header: parsed?.header,
    dossier,
    dossierIdentity: parsed?.dossierIdentity ?? { document_id: null, blueprint_ref: null, revision: null, item_id: null },
    blockedReasons: reasons,
    claims,
    assessments: [],
    itemsTotal: parsed?.items.length ?? 0,
    prose: undefined,
    flagDetails: [],
    facts: {
      blockedReasonCount: Math.max(1, reasons.length),
      claimVerdicts: claims.map((evaluation) => evaluation.adequacy.verdict),
      hasExecutionClaims: dossier === undefined ? undefined : dossier.claims.some((claim) => isExecutionClass(claim.claim_type)),
      inventoryComplete: false,
    },
  };
}
