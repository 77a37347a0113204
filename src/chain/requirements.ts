import type { ClaimType, EvidenceClass } from '../vocabulary.js';

/**
 * SPEC §3 step 3: claim_type → required_evidence_class[]. Each inner list is "any one of";
 * every inner list must be met. The iron law is visible here: no claim about running is met
 * by existence or prose alone.
 */
export const RUN_EVIDENCE: readonly EvidenceClass[] = ['LOG', 'RUN_LEDGER', 'CI_RUN_RECORD'];

export const REQUIRED_EVIDENCE: Readonly<Record<ClaimType, ReadonlyArray<readonly EvidenceClass[]>>> = {
  ARTIFACT_EXISTS: [['ARTIFACT_EXISTENCE_EVIDENCE', 'EXECUTABLE_ARTIFACT']],
  EXECUTABLE_RUNS: [['EXECUTABLE_ARTIFACT', 'ARTIFACT_EXISTENCE_EVIDENCE'], RUN_EVIDENCE],
  EXECUTION_RESULT: [['EXIT_CODE', 'TEST_REPORT', ...RUN_EVIDENCE]],
  HASH_REPRODUCED: [['HASH_EVIDENCE'], RUN_EVIDENCE],
  PROSE_PASS_ASSERTION: [['TEST_REPORT', 'EXIT_CODE', ...RUN_EVIDENCE]],
  CONTENT_STATES: [['CONTENT_EVIDENCE']],
  COUNT_OBSERVATION: [['COUNT_EVIDENCE']],
  APPROVAL_GRANTED: [['APPROVAL_RECORD']],
};

const FLAT: ReadonlyMap<ClaimType, readonly EvidenceClass[]> = new Map(
  Object.entries(REQUIRED_EVIDENCE).map(([claimType, groups]) => [claimType as ClaimType, [...new Set(groups.flat())]]),
);

/** Every class any group accepts; a fresh array (callers keep it in their report). */
export function requiredClassesFlat(claimType: ClaimType): EvidenceClass[] {
  return [...(FLAT.get(claimType) ?? [])];
}
