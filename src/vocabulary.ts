/**
 * The closed vocabularies of SPEC §1, §3 and §4 as data. Every verdict, flag and class the
 * inspector emits comes from one of these lists; zod enums are built from them.
 */

export const PACKET_SCHEMA_ID = 'b7-governed-packet/v1';

export const ITEM_KINDS = [
  'KB_DOCUMENT',
  'ARTIFACT_LISTING',
  'ARTIFACT_CONTENT',
  'RUN_LOG',
  'EXIT_CODE_RECORD',
  'RUN_LEDGER_ENTRY',
  'HASH_PIN',
  'QUERY_RESULT',
  'APPROVAL_RECORD',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CLAIM_TYPES = [
  'ARTIFACT_EXISTS',
  'EXECUTABLE_RUNS',
  'EXECUTION_RESULT',
  'HASH_REPRODUCED',
  'PROSE_PASS_ASSERTION',
  'CONTENT_STATES',
  'COUNT_OBSERVATION',
  'APPROVAL_GRANTED',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Claim types whose truth depends on something having been run (SPEC §3). */
export const EXECUTION_CLASS_CLAIM_TYPES: readonly ClaimType[] = [
  'EXECUTABLE_RUNS',
  'EXECUTION_RESULT',
  'HASH_REPRODUCED',
  'PROSE_PASS_ASSERTION',
];

export function isExecutionClass(claimType: ClaimType): boolean {
  return EXECUTION_CLASS_CLAIM_TYPES.includes(claimType);
}

export const EVIDENCE_CLASSES = [
  'ARTIFACT_EXISTENCE_EVIDENCE',
  'CONTENT_EVIDENCE',
  'EXECUTABLE_ARTIFACT',
  'LOG',
  'EXIT_CODE',
  'RUN_LEDGER',
  'HASH_EVIDENCE',
  'TEST_REPORT',
  'CI_RUN_RECORD',
  'COUNT_EVIDENCE',
  'APPROVAL_RECORD',
  'PROSE',
] as const;
export type EvidenceClass = (typeof EVIDENCE_CLASSES)[number];

export const CLAIM_VERDICTS = [
  'NO_READ_LEVEL_DEFECT_FOUND',
  'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
  'NOT_EVIDENCED_IN_ALLOWED_SURFACES',
  'EVIDENCE_CONFLICTING',
  'BLOCKED_BY_NO_CALL_CONTRACT',
  'BLOCKED_BY_UNVERIFIED_SOURCE',
  'BLOCKED_BY_UNSAFE_ACCESS',
] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/** The best a claim can reach is never an authority: it is always marked this way. */
export const NON_AUTHORITATIVE = 'NON_AUTHORITATIVE';

export const DOSSIER_VERDICTS = ['READ_LEVEL_FAIL', 'BLOCKED', 'UNVERIFIED'] as const;
export type DossierVerdict = (typeof DOSSIER_VERDICTS)[number];

export const FLAGS = [
  'FLAG_PROSE_ONLY_PASS',
  'FLAG_HARDCODED_DENOMINATOR',
  'FLAG_AUTHORITY_VIOLATION',
  'FLAG_LOCAL_FIRST_AUTHORITY',
  'FLAG_GLOBAL_DENIAL_WORDING',
] as const;
export type Flag = (typeof FLAGS)[number];

export const ARTICLE14_STATUSES = ['NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', 'NOT_PROVEN_EXECUTION_UNVERIFIED'] as const;
export type Article14Status = (typeof ARTICLE14_STATUSES)[number];

export const TRIAGE_OUTCOMES = ['NO_BLOCKING_FINDING_BUT_UNCERTIFIED', 'BLOCKING_FINDINGS'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

/** Exit codes by dossier verdict (SPEC §4). There is deliberately no entry that maps to 0. */
export type InspectorExitCode = 1 | 2 | 3;
export const EXIT_CODE_BY_VERDICT: Readonly<Record<DossierVerdict, InspectorExitCode>> = {
  READ_LEVEL_FAIL: 1,
  UNVERIFIED: 2,
  BLOCKED: 3,
};

/** Every output object carries these stamps (SPEC §4). */
export const NON_GATING_STAMPS = { decision_effect: 'NONE', may_gate: false } as const;

/**
 * How a flag's `where` names a claim: by its place in the dossier's (and report.json's) `claims`,
 * never by its id, which is packet text (round 13); report.md shows the id beside it, quoted.
 */
export function claimPlace(index: number): string {
  return `claims[${index}]`;
}

/** The index a `where` written by claimPlace names, or undefined. */
export function claimPlaceIndex(where: string): number | undefined {
  const match = /^claims\[(\d{1,9})\]$/.exec(where);
  return match === null ? undefined : Number(match[1]);
}

/** The reason code of a dangling citation: a claim cites an item id that is not in the packet (SPEC §3). */
export const DANGLING_CITATION = 'citation/not_in_packet';
