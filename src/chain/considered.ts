import { problemList, type ProblemList } from '../errors.js';
import type { Claim } from '../packet/schema.js';
import type { ItemAssessment } from '../provenance/items.js';
import { corpusOf, type Corpus } from '../provenance/surfaces.js';
import type { EvidenceClass } from '../vocabulary.js';
import { bindItem, pathMatchesSubject, type Binding, type BindingVia } from './binding.js';
import { deriveEvidenceClasses } from './evidence-class.js';
import { buildEvidenceIndex, type EvidenceIndex, type IndexLimits } from './evidence-index.js';
import { requiredClassesFlat } from './requirements.js';

/** SPEC §3 steps 4–5: one artifact or reference considered for a claim, with the four capability answers. */
export interface EvidenceCapability {
  readonly right_kind: boolean;
  readonly bound_to_subject: boolean;
  readonly independent: boolean;
  readonly provenanced: boolean;
}

export interface ConsideredEvidence {
  readonly item_id: string;
  readonly cited: boolean;
  readonly resolved: boolean;
  readonly kind: string | null;
  readonly path: string | null;
  readonly governed_surface: string | null;
  readonly evidence_classes: EvidenceClass[];
  readonly bound_via: BindingVia;
  readonly capability: EvidenceCapability;
  /** Provenance failures, rendered: tki's words, and the packet text they quote (errors.ts). */
  readonly problems: string[];
  readonly problem_quotes?: ProblemList['problem_quotes'];
  /** Internal: not serialized. */
  readonly assessment: ItemAssessment | undefined;
  readonly statedHash: string | undefined;
  readonly corpus: Corpus | undefined;
}

export interface ChainContext {
  readonly byId: ReadonlyMap<string, ItemAssessment>;
  readonly index: EvidenceIndex;
  readonly dossierItem: ItemAssessment | undefined;
}

export function isQualified(evidence: ConsideredEvidence): boolean {
  const { right_kind, bound_to_subject, independent, provenanced } = evidence.capability;
  return right_kind && bound_to_subject && independent && provenanced;
}

function independentOfDossier(assessment: ItemAssessment, dossierItem: ItemAssessment | undefined): boolean {
  if (dossierItem === undefined) return true;
  if (assessment.itemId === dossierItem.itemId) return false;
  const samePath = assessment.item?.path !== undefined && assessment.item.path === dossierItem.item?.path;
  const sameContent = assessment.contentHash !== undefined && assessment.contentHash === dossierItem.contentHash;
  return !samePath && !sameContent;
}

/** Classes that speak about the item itself, not about anything it describes. */
const SELF_CLASSES: readonly EvidenceClass[] = ['ARTIFACT_EXISTENCE_EVIDENCE', 'EXECUTABLE_ARTIFACT'];

/**
 * Iron law, applied per claim: a document or artifact that resolves proves its *own* existence.
 * For a claim about another subject (a `.md` describing `canon.py`), those self classes are the
 * wrong kind; the item can still be content evidence. Listings are about the paths they list.
 */
/** An item's classes depend on the item alone: derived once per item, not once per claim that considers it (shared, never mutated). */
const derivedClasses = new WeakMap<ItemAssessment, EvidenceClass[]>();

function itemClasses(assessment: ItemAssessment, item: NonNullable<ItemAssessment['item']>): EvidenceClass[] {
  let classes = derivedClasses.get(assessment);
  if (classes === undefined) {
    classes = deriveEvidenceClasses(item);
    derivedClasses.set(assessment, classes);
  }
  return classes;
}

function classesForClaim(assessment: ItemAssessment, claim: Claim): EvidenceClass[] {
  const item = assessment.item;
  if (item === undefined) return [];
  const classes = itemClasses(assessment, item);
  const aboutItself = claim.subject === undefined || (item.path !== undefined && pathMatchesSubject(item.path, claim.subject));
  if (aboutItself || item.kind === 'ARTIFACT_LISTING') return classes;
  return classes.filter((evidenceClass) => !SELF_CLASSES.includes(evidenceClass));
}

/** `binding`: when the caller has already bound the item (the packet-wide search), not bound again. */
function consider(claim: Claim, assessment: ItemAssessment, cited: boolean, context: ChainContext, bound?: Binding): ConsideredEvidence {
  const item = assessment.item;
  const classes = classesForClaim(assessment, claim);
  const wanted = requiredClassesFlat(claim.claim_type);
  const binding = bound ?? bindItem(assessment, claim, cited, context.index);
  return {
    item_id: assessment.itemId ?? `items[${assessment.index}]`,
    cited,
    resolved: true,
    kind: item?.kind ?? null,
    path: item?.path ?? null,
    governed_surface: item?.source_metadata.governed_surface ?? null,
    evidence_classes: classes,
    bound_via: binding.via,
    capability: {
      right_kind: classes.some((evidenceClass) => wanted.includes(evidenceClass)),
      bound_to_subject: binding.bound,
      independent: independentOfDossier(assessment, context.dossierItem),
      provenanced: assessment.usable,
    },
    ...problemList(assessment.failures),
    assessment,
    statedHash: binding.statedHash,
    corpus: item === undefined ? undefined : corpusOf(item.source_metadata.governed_surface),
  };
}

function unresolved(itemId: string): ConsideredEvidence {
  return {
    item_id: itemId,
    cited: true,
    resolved: false,
    kind: null,
    path: null,
    governed_surface: null,
    evidence_classes: [],
    bound_via: 'none',
    capability: { right_kind: false, bound_to_subject: false, independent: false, provenanced: false },
    problems: ['the cited item_id names no item in this packet'],
    assessment: undefined,
    statedHash: undefined,
    corpus: undefined,
  };
}

/**
 * The usable, uncited items that bind one subject for one kind of claim: their bindings and ids,
 * enough to count them; their entries are built when a claim is judged (session 17: a packet the
 * count refuses built one per bound item first, 4,000 of them for the shared-subject refusal).
 */
interface UncitedEvidence {
  readonly bound: ReadonlyArray<{ readonly assessment: ItemAssessment; readonly binding: Binding }>;
  readonly ids: ReadonlySet<string>;
  /** Built on first use (uncitedEntries). */
  entries: readonly ConsideredEvidence[] | undefined;
}

/**
 * What binding an uncited item considers of a claim: its type (the classes it wants), its subject
 * and a count's surface. Claims that agree on these get the same uncited evidence, bound once per
 * packet (issue 13, round 7: 4,000 claims on one subject × 4,000 listings bound 16 million pairs
 * before the evidence limit could refuse them). The entries are shared; nothing mutates them.
 */
function bindingKey(claim: Claim, subject: string): string {
  return `${claim.claim_type}\u0000${subject}\u0000${claim.count?.surface ?? ''}`;
}

const uncitedByIndex = new WeakMap<EvidenceIndex, Map<string, UncitedEvidence>>();

/** `subject`: the claim's, which the caller has checked is there (no copy of the claim to say so: two per claim). */
function uncitedFor(claim: Claim, subject: string, context: ChainContext): UncitedEvidence {
  let known = uncitedByIndex.get(context.index);
  if (known === undefined) uncitedByIndex.set(context.index, (known = new Map()));
  const key = bindingKey(claim, subject);
  let found = known.get(key);
  if (found !== undefined) return found;
  // Only items the packet's index holds under the subject's file name (or query id) can bind it.
  const candidates = context.index.candidates(subject);
  context.index.spend(candidates.length);
  const bound: Array<{ assessment: ItemAssessment; binding: Binding }> = [];
  const ids = new Set<string>();
  const wanted = requiredClassesFlat(claim.claim_type);
  for (const assessment of candidates) {
    if (assessment.itemId === undefined || !assessment.usable) continue;
    const binding = bindItem(assessment, claim, false, context.index);
    if (!binding.bound) continue;
    // consider's right_kind, without the entry.
    if (!classesForClaim(assessment, claim).some((evidenceClass) => wanted.includes(evidenceClass))) continue;
    bound.push({ assessment, binding });
    ids.add(assessment.itemId);
  }
  found = { bound, ids, entries: undefined };
  known.set(key, found);
  return found;
}

/** The entries of an uncited binding, built once: every claim with its binding key gets the same ones (consider reads only what the key holds). */
function uncitedEntries(uncited: UncitedEvidence, claim: Claim, context: ChainContext): readonly ConsideredEvidence[] {
  uncited.entries ??= uncited.bound.map(({ assessment, binding }) => consider(claim, assessment, false, context, binding));
  return uncited.entries;
}

/**
 * How many evidence entries gatherEvidence gives this claim, without building them: its distinct
 * citations plus the uncited items binding its subject. Summed over the claims before any claim is
 * judged, so the evidence limit refuses a packet before the chain runs.
 */
export function evidenceCount(claim: Claim, context: ChainContext): number {
  const uncited = claim.subject === undefined ? undefined : uncitedFor(claim, claim.subject, context);
  // No citations (most claims of a large packet): no set to make.
  if (claim.evidence_refs.length === 0) return uncited?.bound.length ?? 0;
  const cited = new Set(claim.evidence_refs);
  if (uncited === undefined) return cited.size;
  let both = 0;
  for (const ref of cited) if (uncited.ids.has(ref)) both += 1;
  return cited.size + uncited.bound.length - both;
}

/**
 * The evidence for a claim: every item it cites, plus every usable item elsewhere in the packet
 * that binds the claim's subject — the inspector searches the allowed surfaces itself rather
 * than trusting the dossier's choice of references.
 */
export function gatherEvidence(claim: Claim, context: ChainContext): ConsideredEvidence[] {
  const cited = new Set(claim.evidence_refs);
  const considered: ConsideredEvidence[] = [];
  for (const ref of cited) {
    const assessment = context.byId.get(ref);
    considered.push(assessment === undefined ? unresolved(ref) : consider(claim, assessment, true, context));
  }
  if (claim.subject !== undefined) {
    for (const evidence of uncitedEntries(uncitedFor(claim, claim.subject, context), claim, context)) if (!cited.has(evidence.item_id)) considered.push(evidence);
  }
  return considered;
}

/** A chain context over a packet's assessed items for these claims (the index is built once, here). */
export function createChainContext(assessments: readonly ItemAssessment[], claims: readonly Claim[], dossierItem: ItemAssessment | undefined, limits: IndexLimits): ChainContext | undefined {
  const byId = new Map<string, ItemAssessment>();
  for (const assessment of assessments) if (assessment.itemId !== undefined && !byId.has(assessment.itemId)) byId.set(assessment.itemId, assessment);
  const indexed = buildEvidenceIndex(assessments, claims, limits);
  return indexed.ok ? { byId, index: indexed.index, dossierItem } : undefined;
}
