import type { Claim } from '../packet/schema.js';
import type { ClaimType, EvidenceClass } from '../vocabulary.js';
import type { ConsideredEvidence } from './considered.js';
import type { EvidenceIndex } from './evidence-index.js';
import type { RecordStatement } from './record-statements.js';
import { exitStatementsIn } from './record-wording.js';

/**
 * Evidence content read for what it says (issue 13, verdict integrity). An item of the right kind,
 * bound, independent and provenanced still backs a claim only if what it states about the subject
 * is what the claim states:
 *   - a run record that reports a failure, a skip or a mismatch contradicts a pass or run claim;
 *   - an exit code backs "exited N" only when it is read unambiguously as the integer N; a record
 *     whose exit code is not one plain decimal integer (hex, null, a fraction, a repeated key) is
 *     set aside, and an exit-code record that states no code for the subject backs nothing;
 *   - an approval record that refuses (REJECTED, DENIED, pending) contradicts a grant.
 */
export interface BackingReading {
  /** What contradicts the claim: the claim is EVIDENCE_CONFLICTING. */
  readonly conflicts: string[];
  /** The qualified items that still back the claim. */
  readonly backing: ConsideredEvidence[];
  /** Why the other qualified items were set aside. */
  readonly setAside: string[];
}

const RUN_RECORD_CLASSES: readonly EvidenceClass[] = ['EXIT_CODE', 'LOG', 'RUN_LEDGER', 'CI_RUN_RECORD', 'TEST_REPORT'];
const RUN_CLAIMS: readonly ClaimType[] = ['EXECUTION_RESULT', 'PROSE_PASS_ASSERTION', 'EXECUTABLE_RUNS', 'HASH_REPRODUCED'];
const EXIT_CLAIMS: readonly ClaimType[] = ['EXECUTION_RESULT', 'PROSE_PASS_ASSERTION', 'EXECUTABLE_RUNS'];

/** A record's words in a reason: in double quotes, never read as tki's words (round 12b). */
function quoted(words: readonly string[]): string {
  return [...new Set(words)].slice(0, 3).map((word) => `"${word}"`).join(', ');
}

/**
 * The item a reason is about, by its place in packet.json (tki's words): its id is packet text and
 * may read `READ_LEVEL_ACCEPTABLE:certified` (round 13); the claim's evidence lists the ids.
 */
function itemPlace(entry: ConsideredEvidence): string {
  return entry.assessment === undefined ? 'an item' : `items[${entry.assessment.index}]`;
}

function hasAnyClass(entry: ConsideredEvidence, classes: readonly EvidenceClass[]): boolean {
  return entry.evidence_classes.some((evidenceClass) => classes.includes(evidenceClass));
}

export function statementOf(entry: ConsideredEvidence, claim: Claim, index: EvidenceIndex): RecordStatement | undefined {
  return entry.assessment?.text === undefined ? undefined : index.statement(entry.assessment, claim.subject);
}

export function readBacking(claim: Claim, qualified: readonly ConsideredEvidence[], index: EvidenceIndex): BackingReading {
  const conflicts: string[] = [];
  const setAside: string[] = [];
  const backing: ConsideredEvidence[] = [];
  for (const entry of qualified) {
    // Only records this claim type reads are read (a listing under an existence claim is never rescanned).
    const approval = claim.claim_type === 'APPROVAL_GRANTED' && entry.evidence_classes.includes('APPROVAL_RECORD');
    const run = RUN_CLAIMS.includes(claim.claim_type) && hasAnyClass(entry, RUN_RECORD_CLASSES);
    const statement = approval || run ? statementOf(entry, claim, index) : undefined;
    if (statement === undefined) {
      backing.push(entry);
      continue;
    }
    if (approval) {
      const refusals = [...statement.refusals, ...statement.failures];
      if (refusals.length > 0) conflicts.push(`${itemPlace(entry)} records a refusal, not a grant (${quoted(refusals)})`);
      else backing.push(entry);
      continue;
    }
    if (statement.failures.length > 0) {
      conflicts.push(`${itemPlace(entry)} reports a failure, skip or mismatch for the subject (${quoted(statement.failures)})`);
    } else if (EXIT_CLAIMS.includes(claim.claim_type) && statement.unreadable.length > 0) {
      setAside.push(`${itemPlace(entry)} states an exit code that is not one plain decimal integer (${quoted(statement.unreadable)}), so it backs no exit code`);
    } else if (EXIT_CLAIMS.includes(claim.claim_type) && entry.kind === 'EXIT_CODE_RECORD' && statement.exitCodes.length === 0) {
      setAside.push(`${itemPlace(entry)} states no exit code for the subject`);
    } else {
      backing.push(entry);
    }
  }
  if (EXIT_CLAIMS.includes(claim.claim_type) && conflicts.length === 0) conflicts.push(...exitCodeConflicts(claim, backing, index));
  return { conflicts, backing, setAside };
}

/** Exit codes and pass counts: the records against each other and against the claim. */
function exitCodeConflicts(claim: Claim, backing: readonly ConsideredEvidence[], index: EvidenceIndex): string[] {
  const recorded = new Set(backing.filter((entry) => hasAnyClass(entry, RUN_RECORD_CLASSES)).flatMap((entry) => statementOf(entry, claim, index)?.exitCodes ?? []));
  const claimed = exitStatementsIn(claim.text).codes;
  const found: string[] = [];
  if (recorded.size > 1) found.push(`the exit-code records disagree (${[...recorded].join(', ')})`);
  else if (recorded.size > 0 && claimed.some((code) => !recorded.has(code))) found.push(`the claim states exit ${claimed.join(', ')}, the records show ${[...recorded].join(', ')}`);
  else if (claimed.length === 0 && [...recorded].some((code) => code !== 0)) found.push(`the records show exit ${[...recorded].join(', ')}`);
  return found;
}

/** A claim that states an exit code needs a backing record that states that code for the subject. */
export function unstatedExitCode(claim: Claim, backing: readonly ConsideredEvidence[], index: EvidenceIndex): string | undefined {
  if (!EXIT_CLAIMS.includes(claim.claim_type)) return undefined;
  const claimed = exitStatementsIn(claim.text).codes;
  if (claimed.length === 0) return undefined;
  const recorded = new Set(backing.filter((entry) => hasAnyClass(entry, RUN_RECORD_CLASSES)).flatMap((entry) => statementOf(entry, claim, index)?.exitCodes ?? []));
  return claimed.every((code) => recorded.has(code)) ? undefined : `the claim states exit ${claimed.join(', ')}, and no usable record states it for the subject as a plain decimal integer`;
}
