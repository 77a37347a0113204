import { z } from '../zod.js';
import { precompiledParser } from '../zod-check.js';
import {
  ARTICLE14_STATUSES,
  CLAIM_TYPES,
  CLAIM_VERDICTS,
  DOSSIER_VERDICTS,
  EVIDENCE_CLASSES,
  FLAGS,
  NON_AUTHORITATIVE,
  TRIAGE_OUTCOMES,
} from '../vocabulary.js';

/**
 * report.json (SPEC §5), validated before it is written. Every object carries the non-gating
 * stamps (SPEC §4), so every object schema is built through `stamped`, strictly.
 */
const stamps = { decision_effect: z.literal('NONE'), may_gate: z.literal(false) };

function stamped<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject({ ...shape, ...stamps });
}

export const REPORT_SCHEMA_ID = 'tki-inspector-report/v1';

const nullableString = z.string().nullable();

export const scopeOfDenialSchema = stamped({
  packet_id: nullableString,
  packet_as_of: nullableString,
  surfaces_searched: z.array(z.string()),
});

/**
 * Steps 4 and 5 of a claim's chain list item ids in groups that share every per-claim answer, and
 * what an item is (kind, path, surface, provenance problems) is listed once per report in
 * `evidence_items` (issue 13, round 7: an entry and a capability record of ≈ 400 bytes per cited
 * item per claim made 256 cited items × 100 claims ≈ 60 report bytes per packet byte). A citation
 * then costs the report its id a few times, as it costs the packet.
 */
const BINDINGS = ['path', 'listing', 'mention', 'query', 'citation', 'none'] as const;

const evidenceGroupSchema = stamped({
  item_ids: z.array(z.string()),
  cited: z.boolean(),
  evidence_classes: z.array(z.enum(EVIDENCE_CLASSES)),
  bound_via: z.enum(BINDINGS),
});

const capabilityGroupSchema = stamped({
  item_ids: z.array(z.string()),
  right_kind: z.boolean(),
  bound_to_subject: z.boolean(),
  independent: z.boolean(),
  provenanced: z.boolean(),
});

/** Cited ids that name no item (SPEC §3 `citation/not_in_packet`): how many, and the first few. */
const danglingCitationsSchema = stamped({ count: z.number().int().positive(), item_ids: z.array(z.string()) });

export const evidenceItemSchema = stamped({
  item_id: z.string(),
  kind: nullableString,
  path: nullableString,
  governed_surface: nullableString,
  provenanced: z.boolean(),
  problems: z.array(z.string()),
  /** Beside `problems`, the packet text each is about (null: none); present only when one is. */
  problem_quotes: z.array(z.string().nullable()).optional(),
});

const corpusReportSchema = stamped({ corpus: z.enum(['TAC', 'IU']), item_ids: z.array(z.string()), note: z.string() });

export const chainSchema = stamped({
  claim: stamped({ claim_id: z.string(), text: z.string(), subject: nullableString }),
  claim_type: z.enum(CLAIM_TYPES),
  required_evidence_class: z.array(z.enum(EVIDENCE_CLASSES)),
  evidence: z.array(evidenceGroupSchema),
  evidence_capability: z.array(capabilityGroupSchema),
  dangling_citations: danglingCitationsSchema.optional(),
  // Its reasons are the claim's `reasons`, listed once (issue 13: repeated prose was a fifth of a claim's bytes).
  adequacy_verdict: stamped({ verdict: z.enum(CLAIM_VERDICTS), authority: z.literal(NON_AUTHORITATIVE) }),
  dossier_verdict: stamped({ final_verdict: z.enum(DOSSIER_VERDICTS), article14_status: z.enum(ARTICLE14_STATUSES) }),
});

export const claimReportSchema = stamped({
  claim_id: z.string(),
  claim_type: z.enum(CLAIM_TYPES),
  verdict: z.enum(CLAIM_VERDICTS),
  authority: z.literal(NON_AUTHORITATIVE),
  flags: z.array(z.enum(FLAGS)),
  reasons: z.array(z.string()),
  scope_of_denial: scopeOfDenialSchema,
  corpus_reports: z.array(corpusReportSchema),
  chain: chainSchema,
});

/** `message` is tki's words; `quote`, when present, the packet text the reason is about (an unknown key's name). */
const findingSchema = stamped({ code: z.string(), path: z.string(), message: z.string(), quote: z.string().optional() });

/**
 * Findings of one kind are one entry (report/finding-groups.ts): `count` is exact, `listed` holds
 * the first maxListedFindingsPerKind locations, `not_listed` how many more there are.
 */
const groupCounts = { count: z.number().int().positive(), not_listed: z.number().int().nonnegative() };
const flagDetailSchema = stamped({
  flag: z.enum(FLAGS),
  detail: z.string(),
  ...groupCounts,
  listed: z.array(stamped({ where: z.string(), quote: z.string().optional() })),
});
const passAssertionsSchema = stamped({ backed: z.boolean(), ...groupCounts, listed: z.array(stamped({ line: z.number().int(), excerpt: z.string(), why: z.string() })) });
const unparsedRegionsSchema = stamped({ why: z.string(), ...groupCounts, listed: z.array(stamped({ line: z.number().int(), excerpt: z.string() })) });

export const reportSchema = stamped({
  report_schema: z.literal(REPORT_SCHEMA_ID),
  packet: stamped({
    packet_id: nullableString,
    packet_as_of: nullableString,
    schema: nullableString,
    manifest_hash: nullableString,
    source_mode: nullableString,
  }),
  dossier: stamped({ document_id: nullableString, blueprint_ref: nullableString, revision: nullableString, item_id: nullableString }),
  final_verdict: z.enum(DOSSIER_VERDICTS),
  article14_status: z.enum(ARTICLE14_STATUSES),
  triage_outcome: z.enum(TRIAGE_OUTCOMES),
  flags: z.array(z.enum(FLAGS)),
  flag_details: z.array(flagDetailSchema),
  claims: z.array(claimReportSchema),
  /** Every item a claim's chain lists, once. */
  evidence_items: z.array(evidenceItemSchema),
  blocked_reasons: z.array(findingSchema),
  item_findings: z.array(stamped({ item_id: z.string(), usable: z.boolean(), local_first: z.boolean(), problems: z.array(z.string()), problem_quotes: z.array(z.string().nullable()).optional() })),
  prose: stamped({ pass_assertions: z.array(passAssertionsSchema), unparsed_regions: z.array(unparsedRegionsSchema) }),
  inventory_complete: z.boolean(),
  items_total: z.number().int().nonnegative(),
  items_usable: z.number().int().nonnegative(),
  scope_of_denial: scopeOfDenialSchema,
  proves_execution: z.literal(false),
  proves_global_absence: z.literal(false),
  production_mutation: z.literal(false),
  disclaimer: z.string(),
});

export type Report = z.infer<typeof reportSchema>;
export type ClaimReport = z.infer<typeof claimReportSchema>;
export type EvidenceItemReport = z.infer<typeof evidenceItemSchema>;
export type ScopeOfDenial = z.infer<typeof scopeOfDenialSchema>;

/** reportSchema.safeParse, compiled once (src/zod-check.ts): the inspector and the launcher share it. */
export const parseReport = precompiledParser(reportSchema);

/** One claim's record, compiled the same way: the launcher checks report.json's claims one at a time. */
export const parseClaimReport = precompiledParser(claimReportSchema);
