import { z } from '../zod.js';
import { CLAIM_TYPES, ITEM_KINDS, PACKET_SCHEMA_ID } from '../vocabulary.js';
import { IDENTIFIER_PATTERN, IDENTIFIER_RULE, SURFACE_PATTERN, SURFACE_RULE } from './identifiers.js';
import { SHA256_REF_PATTERN } from './manifest.js';

/**
 * The packet `b7-governed-packet/v1` (SPEC §1), strict everywhere: an unknown key is an error.
 * The header, the dossier and each item are also exported separately because the inspector
 * judges them in stages (SPEC §2): a broken item makes only the claims that rely on it
 * unusable, while a broken header blocks the whole packet.
 */
const nonEmpty = z.string().min(1);
const identifier = z.string().regex(IDENTIFIER_PATTERN, IDENTIFIER_RULE);
const surface = z.string().regex(SURFACE_PATTERN, SURFACE_RULE);
const sha256Ref = z.string().regex(SHA256_REF_PATTERN, 'expected sha256:<64 lowercase hex>');
/** ISO-8601 with an offset (`Z` or `±hh:mm`): comparisons between timestamps need one. */
const timestamp = z.iso.datetime({ offset: true });

export const roleAttributesSchema = z.strictObject({
  rolsuper: z.literal(false),
  createrole: z.literal(false),
  createdb: z.literal(false),
  bypassrls: z.literal(false),
});

export const exportOperatorSchema = z.strictObject({
  role: nonEmpty,
  database: nonEmpty,
  gateway: nonEmpty,
  role_attributes: roleAttributesSchema,
});

export const sourceMetadataSchema = z.strictObject({
  governed_surface: surface,
  named_query_id_or_kb_path: nonEmpty,
  observation_ts: timestamp,
  source_revision: nonEmpty,
  content_hash: sha256Ref,
});

export const itemSchema = z
  .strictObject({
    item_id: identifier,
    kind: z.enum(ITEM_KINDS),
    path: nonEmpty.optional(),
    media_type: nonEmpty,
    content: z.string().optional(),
    content_file: nonEmpty.optional(),
    source_metadata: sourceMetadataSchema,
  })
  .refine((item) => (item.content === undefined) !== (item.content_file === undefined), {
    message: 'exactly one of content or content_file',
    path: ['content'],
  });

/** Count claims: every field is optional here so that a missing one is a finding, not a parse error. */
export const countSchema = z.strictObject({
  value: z.number().int().nonnegative().optional(),
  surface: surface.optional(),
  denominator: z.number().int().nonnegative().optional(),
  observation_ts: timestamp.optional(),
  match_key: nonEmpty.optional(),
  population: nonEmpty.optional(),
});

export const claimSchema = z.strictObject({
  claim_id: identifier,
  text: z.string(),
  claim_type: z.enum(CLAIM_TYPES),
  subject: nonEmpty.optional(),
  evidence_refs: z.array(identifier),
  count: countSchema.optional(),
});

export const DOSSIER_IDENTITY_FIELDS = ['document_id', 'blueprint_ref', 'revision'] as const;

export const dossierSchema = z.strictObject({
  document_id: identifier,
  blueprint_ref: nonEmpty,
  revision: nonEmpty,
  item_id: identifier,
  claims: z.array(claimSchema),
});

const headerShape = {
  /** Editor support (SPEC §1): a top-level `$schema` string is allowed and ignored. */
  $schema: z.string().optional(),
  schema: z.literal(PACKET_SCHEMA_ID),
  packet_id: identifier,
  packet_as_of: timestamp,
  source_mode: z.literal('PACKET_DERIVED'),
  freshness: z.literal('AS_OF_EXPORT'),
  max_item_age_days: z.number().int().positive(),
  export_operator: exportOperatorSchema,
  decision_effect: z.literal('NONE'),
  may_gate: z.literal(false),
  allowed_surfaces: z.array(surface).min(1),
  manifest_hash: sha256Ref,
};

/** The header with the dossier and items left for their own stages. */
export const packetEnvelopeSchema = z.strictObject({
  ...headerShape,
  dossier: z.looseObject({}),
  items: z.array(z.unknown()),
});

/** The whole packet, for the JSON Schema export and for producers. */
export const packetSchema = z.strictObject({
  ...headerShape,
  dossier: dossierSchema,
  items: z.array(itemSchema),
});

export type Packet = z.infer<typeof packetSchema>;
export type PacketEnvelope = z.infer<typeof packetEnvelopeSchema>;
export type PacketHeader = Omit<PacketEnvelope, 'dossier' | 'items'>;
export type PacketItem = z.infer<typeof itemSchema>;
export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;
export type Dossier = z.infer<typeof dossierSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type CountObservation = z.infer<typeof countSchema>;

/** JSON Schema (draft 2020-12) of the packet; schema/packet.schema.json is this, kept in sync by a test. */
export function packetJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://tki.invalid/schema/b7-governed-packet-v1.json',
    title: PACKET_SCHEMA_ID,
    ...z.toJSONSchema(packetSchema, { target: 'draft-2020-12' }),
  };
}
