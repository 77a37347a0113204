import type { Adequacy } from '../chain/adequacy.js';
import type { ConsideredEvidence } from '../chain/considered.js';
import type { ProseScan } from '../claims/prose-scan.js';
import type { InspectorError } from '../errors.js';
import type { DossierIdentity, PacketSummary } from '../packet/parse.js';
import type { Claim, Dossier, PacketHeader } from '../packet/schema.js';
import type { ItemAssessment } from '../provenance/items.js';
import { decideDossier, type DossierBaseFacts, type DossierDecision } from '../verdict/dossier.js';
import type { EvidenceClass, Flag } from '../vocabulary.js';

/** One claim after the chain: what was required, what was considered, what was decided. */
export interface ClaimEvaluation {
  readonly claim: Claim;
  readonly required: EvidenceClass[];
  readonly evidence: ConsideredEvidence[];
  readonly adequacy: Adequacy;
}

export interface FlagDetail {
  readonly flag: Flag;
  readonly where: string;
  readonly detail: string;
  /** Packet text the detail is about (a dossier sentence): report.md shows it quoted, never as tki's words. */
  readonly quote?: string;
}

/** Everything the pure stages decided; the report is rendered from this alone. */
export interface InspectionResult {
  readonly summary: PacketSummary;
  readonly header: PacketHeader | undefined;
  readonly dossier: Dossier | undefined;
  /** Raw dossier identity for the report, even when the dossier failed to parse. */
  readonly dossierIdentity: DossierIdentity;
  readonly blockedReasons: readonly InspectorError[];
  readonly claims: readonly ClaimEvaluation[];
  readonly assessments: readonly ItemAssessment[];
  readonly itemsTotal: number;
  readonly prose: ProseScan | undefined;
  readonly flagDetails: readonly FlagDetail[];
  readonly facts: DossierBaseFacts;
}

/** The flags of a result, each once, in first-seen order. */
export function flagsOf(result: InspectionResult): Flag[] {
  return [...new Set(result.flagDetails.map((detail) => detail.flag))];
}

/** The one way a result becomes a decision: its facts plus its flags. */
export function decisionOf(result: InspectionResult): DossierDecision {
  return decideDossier({ ...result.facts, flags: flagsOf(result) });
}
