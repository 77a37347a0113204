import { MAX_NAMED_DANGLING } from '../chain/adequacy.js';
import type { ConsideredEvidence } from '../chain/considered.js';
import { NON_GATING_STAMPS } from '../vocabulary.js';
import type { ClaimReport, EvidenceItemReport } from './schema.js';

/**
 * A claim's evidence steps (SPEC §3 steps 4 and 5) as report.json lists them: item ids grouped by
 * the answers they share for this claim, each listed item once per step; what an item is goes to
 * the report's `evidence_items`, once per report (schema.ts). Dangling citations are not entries:
 * one record says how many there are and names the first MAX_LISTED_DANGLING (the claim's reason
 * says the same), so a claim citing 256 ids that name nothing costs the report about what it
 * costs the packet.
 */
export const MAX_LISTED_DANGLING = MAX_NAMED_DANGLING;

const S = NON_GATING_STAMPS;

type Chain = ClaimReport['chain'];

function grouped<Group extends { item_ids: string[] }>(entries: readonly ConsideredEvidence[], keyOf: (entry: ConsideredEvidence) => string, groupOf: (entry: ConsideredEvidence) => Group): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ...groupOf(entry), item_ids: [entry.item_id] });
    else group.item_ids.push(entry.item_id);
  }
  return [...groups.values()];
}

export function evidenceSteps(listed: readonly ConsideredEvidence[]): Pick<Chain, 'evidence' | 'evidence_capability' | 'dangling_citations'> {
  const resolved = listed.filter((entry) => entry.resolved);
  const dangling = listed.filter((entry) => !entry.resolved).map((entry) => entry.item_id);
  const evidence = grouped(
    resolved,
    (entry) => `${String(entry.cited)} ${entry.bound_via} ${entry.evidence_classes.join(',')}`,
    (entry) => ({ item_ids: [], cited: entry.cited, evidence_classes: entry.evidence_classes, bound_via: entry.bound_via, ...S }),
  );
  const evidenceCapability = grouped(
    resolved,
    ({ capability: answers }) => `${String(answers.right_kind)} ${String(answers.bound_to_subject)} ${String(answers.independent)} ${String(answers.provenanced)}`,
    (entry) => ({ item_ids: [], ...entry.capability, ...S }),
  );
  const steps = { evidence, evidence_capability: evidenceCapability };
  return dangling.length === 0 ? steps : { ...steps, dangling_citations: { count: dangling.length, item_ids: dangling.slice(0, MAX_LISTED_DANGLING), ...S } };
}

/** An item as `evidence_items` lists it: once per report, whatever the number of claims that list it. */
export function evidenceItemOf(entry: ConsideredEvidence, echoedPath: (path: string | null) => string | null): EvidenceItemReport {
  return {
    item_id: entry.item_id,
    kind: entry.kind,
    path: echoedPath(entry.path),
    governed_surface: entry.governed_surface,
    provenanced: entry.capability.provenanced,
    problems: entry.problems,
    ...(entry.problem_quotes === undefined ? {} : { problem_quotes: entry.problem_quotes }),
    ...S,
  };
}

type CapabilityGroup = Chain['evidence_capability'][number];

/** The ids of a claim's record whose capability answers pass `test` (one reading of the groups for every reader of a report). */
export function itemIdsWhere(claim: Pick<ClaimReport, 'chain'>, test: (answers: CapabilityGroup) => boolean): string[] {
  return claim.chain.evidence_capability.filter(test).flatMap((group) => group.item_ids);
}

/** Evidence the claim rests on: right kind, bound to the subject, independent and provenanced. */
export const isUsed = (answers: CapabilityGroup): boolean => answers.right_kind && answers.bound_to_subject && answers.independent && answers.provenanced;
