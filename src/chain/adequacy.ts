import type { Claim, PacketHeader } from '../packet/schema.js';
import { corporaNamedBy, type Corpus } from '../provenance/surfaces.js';
import { compareTimestamps } from '../provenance/timestamps.js';
import { DANGLING_CITATION, type ClaimType, type ClaimVerdict, type EvidenceClass, type Flag } from '../vocabulary.js';
import { isQualified, type ConsideredEvidence } from './considered.js';
import type { EvidenceIndex, RecordValues } from './evidence-index.js';
import { readBacking, statementOf, unstatedExitCode } from './content-backing.js';
import { isSha256Reference } from './record-wording.js';
import { REQUIRED_EVIDENCE, RUN_EVIDENCE } from './requirements.js';

/** SPEC §3 step 6: the adequacy verdict for one claim, with the reasons a person reads. */
export interface Adequacy {
  readonly verdict: ClaimVerdict;
  readonly flags: Flag[];
  readonly reasons: string[];
  readonly corpusReports: CorpusReport[];
}

export interface CorpusReport {
  readonly corpus: Corpus;
  readonly item_ids: string[];
  readonly note: string;
}

/** Dangling ids a claim's reason names; the rest are counted (report.json's dangling_citations names the same first ones). */
export const MAX_NAMED_DANGLING = 16;

const SUBJECT_REQUIRED: readonly ClaimType[] = ['ARTIFACT_EXISTS', 'EXECUTABLE_RUNS', 'EXECUTION_RESULT', 'HASH_REPRODUCED', 'PROSE_PASS_ASSERTION'];

const COUNT_FIELDS = ['value', 'surface', 'denominator', 'observation_ts', 'match_key', 'population'] as const;

function hasClass(evidence: readonly ConsideredEvidence[], classes: readonly EvidenceClass[]): boolean {
  return evidence.some((entry) => entry.evidence_classes.some((evidenceClass) => classes.includes(evidenceClass)));
}

function ofClasses(evidence: readonly ConsideredEvidence[], classes: readonly EvidenceClass[]): ConsideredEvidence[] {
  return evidence.filter((entry) => entry.assessment?.text !== undefined && entry.evidence_classes.some((evidenceClass) => classes.includes(evidenceClass)));
}

/** Values parsed once per item (evidence-index.ts), never once per claim. */
function valuesOf(evidence: readonly ConsideredEvidence[], classes: readonly EvidenceClass[], index: EvidenceIndex): RecordValues[] {
  return ofClasses(evidence, classes).flatMap((entry) => (entry.assessment === undefined ? [] : [index.values(entry.assessment)]));
}

function result(verdict: ClaimVerdict, reasons: string[], flags: Flag[] = [], corpusReports: CorpusReport[] = []): Adequacy {
  return { verdict, reasons, flags, corpusReports };
}

/** Two governed items disagreeing about the same subject (SPEC §7 row 17). */
function conflicts(claim: Claim, qualified: readonly ConsideredEvidence[], index: EvidenceIndex): string[] {
  const found: string[] = [];
  // Artifact hashes (listings, path-bound content) and pins are different facts: compare each set on its own.
  const artifactHashes = new Set<string>();
  const pinHashes = new Set<string>();
  for (const entry of qualified) {
    if (entry.kind === 'HASH_PIN') {
      if (entry.statedHash !== undefined) pinHashes.add(entry.statedHash);
    } else if (entry.statedHash !== undefined) {
      artifactHashes.add(entry.statedHash);
    } else if (entry.bound_via === 'path' && entry.assessment?.contentHash !== undefined && entry.evidence_classes.includes('ARTIFACT_EXISTENCE_EVIDENCE')) {
      artifactHashes.add(entry.assessment.contentHash);
    }
  }
  if (artifactHashes.size > 1) found.push(`the items state ${artifactHashes.size} different hashes for the subject artifact`);
  if (pinHashes.size > 1) found.push(`the hash pins disagree (${pinHashes.size} different pinned hashes)`);
  if (claim.claim_type === 'COUNT_OBSERVATION') {
    const counts = valuesOf(qualified, ['COUNT_EVIDENCE'], index).map((values) => values.count);
    const values = new Set(counts.map((count) => count.value).filter((value) => value !== undefined));
    const denominators = new Set(counts.map((count) => count.denominator).filter((value) => value !== undefined));
    if (values.size > 1) found.push('the query results state different counts');
    if (claim.count?.value !== undefined && values.size > 0 && !values.has(claim.count.value)) found.push('the claimed value differs from the query result');
    if (claim.count?.denominator !== undefined && denominators.size > 0 && !denominators.has(claim.count.denominator)) found.push('the claimed denominator differs from the query result');
  }
  return found;
}

/** The usable items of one corpus, described on their own; nothing from two corpora is ever combined. */
function corpusReportsFor(claim: Claim, evidence: readonly ConsideredEvidence[], index: EvidenceIndex): CorpusReport[] {
  const usable = evidence.filter((entry) => entry.capability.provenanced && entry.capability.independent);
  const corpora = new Set<Corpus>(usable.map((entry) => entry.corpus).filter((corpus): corpus is Corpus => corpus !== undefined));
  for (const corpus of corporaNamedBy(claim.count?.surface ?? '')) corpora.add(corpus);
  if (/\bTAC\b/.test(claim.text) && /\bIU\b/.test(claim.text)) {
    corpora.add('TAC');
    corpora.add('IU');
  }
  if (corpora.size < 2) return [];
  return [...corpora].map((corpus) => {
    const own = usable.filter((entry) => entry.corpus === corpus);
    // The ids are packet text: listed in item_ids (report.md quotes them), never in the note, tki's words (round 12b).
    const counts = own.map((entry) => {
      const count = entry.kind === 'QUERY_RESULT' && entry.assessment?.text !== undefined ? index.values(entry.assessment).count.value : undefined;
      return count === undefined ? 'none' : String(count);
    });
    const note = own.length === 0 ? `no usable item from the ${corpus} corpus` : `${corpus} alone: ${own.length} usable item(s) in item_ids, counts in that order: ${counts.join(', ')}`;
    return { corpus, item_ids: own.map((entry) => entry.item_id), note: `${note}; never joined with the other corpus` };
  });
}

function countFindings(claim: Claim, header: PacketHeader): { flags: Flag[]; reasons: string[]; outside: boolean } {
  const count = claim.count;
  const missing = COUNT_FIELDS.filter((field) => count?.[field] === undefined);
  const flags: Flag[] = missing.length > 0 ? ['FLAG_HARDCODED_DENOMINATOR'] : [];
  const reasons = missing.length > 0 ? [`the count lacks ${missing.join(', ')}: a count is dated evidence, not an invariant`] : [];
  const outside = count?.surface !== undefined && !header.allowed_surfaces.includes(count.surface);
  if (count?.observation_ts !== undefined && compareTimestamps(count.observation_ts, header.packet_as_of) > 0) reasons.push('the count is dated after the export');
  return { flags, reasons, outside };
}

/**
 * The claim's dangling-citation finding (none, or one). The reason is tki's words alone: the ids are
 * packet text (an id may read `READ_LEVEL_ACCEPTABLE:certified`, issue 13, round 12b), so they are
 * listed apart, in the chain's `dangling_citations` (the first MAX_NAMED_DANGLING), and report.md
 * shows them quoted. One finding per claim: a reason the packet cannot grow by citing more (round 7).
 */
function danglingCitationReasons(evidence: readonly ConsideredEvidence[]): string[] {
  const dangling = evidence.filter((entry) => entry.cited && !entry.resolved).length;
  if (dangling === 0) return [];
  const listed = dangling > MAX_NAMED_DANGLING ? `the first ${MAX_NAMED_DANGLING} are listed` : 'listed';
  return [`${DANGLING_CITATION}: the claim cites ${dangling} item id(s) that name no item in this packet (${listed} in dangling_citations)`];
}

export function judgeAdequacy(claim: Claim, header: PacketHeader, evidence: readonly ConsideredEvidence[], index: EvidenceIndex): Adequacy {
  const reliedOn = evidence.filter((entry) => entry.cited && entry.resolved && !entry.capability.provenanced);
  // A citation of an item that is not in the packet: insufficient whatever else the claim cites (SPEC §3).
  // A blocking verdict wins, but the finding is still named beside it (issue 13, round 9).
  const danglingReasons = danglingCitationReasons(evidence);
  if (reliedOn.some((entry) => entry.assessment?.unsafeAccess === true)) {
    return result('BLOCKED_BY_UNSAFE_ACCESS', ['a cited item points outside the packet directory or at a live system; it was never read or followed', ...danglingReasons]);
  }
  if (reliedOn.length > 0) return result('BLOCKED_BY_UNVERIFIED_SOURCE', [`${reliedOn.length} cited item(s) failed provenance (listed in evidence_capability as not provenanced)`, ...danglingReasons]);
  if (danglingReasons.length > 0) return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', danglingReasons);

  // What the records say about the subject: failures and refusals contradict, unreadable exit codes are set aside.
  const reading = readBacking(claim, evidence.filter(isQualified), index);
  const qualified = reading.backing;
  const clash = [...reading.conflicts, ...conflicts(claim, qualified, index)];
  if (clash.length > 0) return result('EVIDENCE_CONFLICTING', clash);
  const corpusReports = corpusReportsFor(claim, evidence, index);
  if (corpusReports.length > 0) {
    return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['the claim needs the TAC and IU corpora joined; each corpus is reported on its own and never joined'], [], corpusReports);
  }
  if (claim.claim_type === 'COUNT_OBSERVATION') {
    const findings = countFindings(claim, header);
    if (findings.outside) return result('NOT_EVIDENCED_IN_ALLOWED_SURFACES', ['the count names a surface outside allowed_surfaces'], findings.flags);
    if (findings.reasons.length > 0) return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', findings.reasons, findings.flags);
  }

  // Existence and execution are always about one artifact: without a subject nothing can be bound,
  // and a cited document would otherwise "prove" its own existence in place of the artifact's.
  if (claim.subject === undefined && SUBJECT_REQUIRED.includes(claim.claim_type)) {
    return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['the claim names no subject, so no evidence can be bound to it'], claim.claim_type === 'PROSE_PASS_ASSERTION' ? ['FLAG_PROSE_ONLY_PASS'] : []);
  }
  const groups = REQUIRED_EVIDENCE[claim.claim_type];
  const missing = groups.filter((group) => !hasClass(qualified, group));
  if (claim.claim_type === 'ARTIFACT_EXISTS') {
    return missing.length === 0 ? result('NO_READ_LEVEL_DEFECT_FOUND', ['existence evidence bound to the subject']) : result('NOT_EVIDENCED_IN_ALLOWED_SURFACES', ['no usable item on the allowed surfaces binds the subject']);
  }
  if (claim.claim_type === 'HASH_REPRODUCED') return judgeHashReproduced(claim, qualified, missing.length === 0, index);
  const unstated = unstatedExitCode(claim, qualified, index);
  if (missing.length > 0 || unstated !== undefined) {
    const flags: Flag[] = claim.claim_type === 'PROSE_PASS_ASSERTION' ? ['FLAG_PROSE_ONLY_PASS'] : [];
    const reasons = [...missing.map((group) => `no usable, independent item of class ${group.join(' | ')} bound to the subject`), ...(unstated === undefined ? [] : [unstated]), ...reading.setAside];
    return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', reasons, flags);
  }
  if (claim.claim_type === 'CONTENT_STATES') {
    const quoted = [...claim.text.matchAll(/[“"]([^”"]{3,})[”"]/g)].map((match) => match[1] ?? '');
    const bodies = ofClasses(qualified, ['CONTENT_EVIDENCE']).map((entry) => entry.assessment?.text ?? '');
    if (quoted.length > 0 && bodies.length === 0) return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['the bound content is larger than the analysis limit, so the quoted passage could not be compared']);
    // Each search reads a whole body: counted against the packet's comparison budget, all of it before
    // the first search, so a claim of 400 quotes over a 1 MiB item is refused without searching (round 7).
    let bodyLength = 0;
    for (const body of bodies) bodyLength += body.length;
    if (!index.spend(quoted.length * bodyLength)) return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['comparing the quoted passages with the bound content is over the comparison budget']);
    const absentQuote = quoted.find((quote) => !bodies.some((body) => body.includes(quote)));
    if (absentQuote !== undefined) return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['a quoted passage of the claim is not in the bound content']);
  }
  return result('NO_READ_LEVEL_DEFECT_FOUND', ['evidence of the required classes is present, bound, independent and provenanced (read level only)']);
}

/** A pin alone cannot show reproduction: that needs a run, and the inspector never runs anything. */
function judgeHashReproduced(claim: Claim, qualified: readonly ConsideredEvidence[], allGroupsMet: boolean, index: EvidenceIndex): Adequacy {
  const pinItems = qualified.filter((entry) => entry.evidence_classes.includes('HASH_EVIDENCE'));
  const pins = pinItems.map((entry) => entry.statedHash).filter((hash): hash is string => hash !== undefined);
  if (pinItems.length === 0) {
    return result('INSUFFICIENT_EVIDENCE_FOR_CLAIM', ['no pinned-hash evidence bound to the subject; nothing is recomputed by running']);
  }
  if (!allGroupsMet) return result('BLOCKED_BY_NO_CALL_CONTRACT', ['a pin is present, but showing reproduction would need a run record; the inspector has no call contract and never runs anything']);
  // Whole sha256 tokens stated about the subject: the exact pinned value, and no other value beside it.
  const reported = [...new Set(ofClasses(qualified, RUN_EVIDENCE).flatMap((entry) => statementOf(entry, claim, index)?.hashes ?? []))];
  if (reported.length === 0) return result('BLOCKED_BY_NO_CALL_CONTRACT', ['the run records state no hash to compare with the pin']);
  const others = reported.filter((hash) => !pins.includes(hash));
  if (pins.length > 0 && others.length > 0) return result('EVIDENCE_CONFLICTING', [`the run records state a hash other than the pin (${others.map((hash) => (isSha256Reference(hash) ? hash : `malformed ${hash.slice(0, 80)}`)).join(', ')})`]);
  if (pins.length > 0 && !pins.some((pin) => reported.includes(pin))) return result('EVIDENCE_CONFLICTING', ['the run records state a hash other than the pin']);
  return result('NO_READ_LEVEL_DEFECT_FOUND', ['a run record states the pinned hash (read level only; nothing recomputed)']);
}
