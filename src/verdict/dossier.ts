import type { Article14Status, ClaimVerdict, DossierVerdict, Flag, TriageOutcome } from '../vocabulary.js';

/**
 * SPEC §4: the dossier verdict, article14_status and triage_outcome. Precedence is written once:
 * BLOCKED > READ_LEVEL_FAIL > UNVERIFIED. UNVERIFIED is the best there is — never a pass.
 */
const BLOCKING_CLAIM_VERDICTS: readonly ClaimVerdict[] = ['BLOCKED_BY_UNVERIFIED_SOURCE', 'BLOCKED_BY_UNSAFE_ACCESS'];
const FAILING_CLAIM_VERDICTS: readonly ClaimVerdict[] = ['INSUFFICIENT_EVIDENCE_FOR_CLAIM', 'NOT_EVIDENCED_IN_ALLOWED_SURFACES', 'EVIDENCE_CONFLICTING'];
/** Flags that are defects of the dossier at read level. FLAG_GLOBAL_DENIAL_WORDING is about wording, not evidence. */
const FAILING_FLAGS: readonly Flag[] = ['FLAG_PROSE_ONLY_PASS', 'FLAG_HARDCODED_DENOMINATOR', 'FLAG_AUTHORITY_VIOLATION', 'FLAG_LOCAL_FIRST_AUTHORITY'];

/** Everything the decision needs except the flags, which the wording lint may still add to. */
export type DossierBaseFacts = Omit<DossierFacts, 'flags'>;

export interface DossierFacts {
  /** Packet- or dossier-level reasons to block (header, identity, unverified dossier text). */
  readonly blockedReasonCount: number;
  readonly claimVerdicts: readonly ClaimVerdict[];
  /** undefined when the claims could not be read at all. */
  readonly hasExecutionClaims: boolean | undefined;
  readonly flags: readonly Flag[];
  readonly inventoryComplete: boolean;
}

export interface DossierDecision {
  readonly final_verdict: DossierVerdict;
  readonly article14_status: Article14Status;
  readonly triage_outcome: TriageOutcome;
}

export function decideDossier(facts: DossierFacts): DossierDecision {
  const blocked = facts.blockedReasonCount > 0 || facts.claimVerdicts.some((verdict) => BLOCKING_CLAIM_VERDICTS.includes(verdict));
  const failing = facts.claimVerdicts.some((verdict) => FAILING_CLAIM_VERDICTS.includes(verdict)) || facts.flags.some((flag) => FAILING_FLAGS.includes(flag));
  const final_verdict: DossierVerdict = blocked ? 'BLOCKED' : failing ? 'READ_LEVEL_FAIL' : 'UNVERIFIED';
  // When the claims are unknown we cannot say there is no executable claim: fail closed.
  const article14_status: Article14Status = facts.hasExecutionClaims === false ? 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS' : 'NOT_PROVEN_EXECUTION_UNVERIFIED';
  const flawless =
    final_verdict === 'UNVERIFIED' &&
    facts.flags.length === 0 &&
    facts.inventoryComplete &&
    facts.claimVerdicts.every((verdict) => verdict === 'NO_READ_LEVEL_DEFECT_FOUND');
  return { final_verdict, article14_status, triage_outcome: flawless ? 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED' : 'BLOCKING_FINDINGS' };
}
