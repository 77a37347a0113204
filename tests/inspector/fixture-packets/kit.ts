import { manifestHash, sha256Ref, type ItemKind } from '../../../src/index.js';

/**
 * A small builder for fixture packets with correct hashes. Negative fixtures are made by
 * mutating a correct packet afterwards, so each one differs from its base in exactly one way.
 */
export interface ItemSpec {
  readonly item_id: string;
  readonly kind: ItemKind;
  readonly path?: string;
  readonly media_type: string;
  readonly content: string;
  /** Store the content in this file (relative to the packet directory) instead of inline. */
  readonly file?: string;
  readonly surface?: string;
  readonly query?: string;
  readonly observed?: string;
  readonly revision?: string;
}

export interface PacketSpec {
  readonly packet_id: string;
  readonly allowed_surfaces: readonly string[];
  readonly dossier: { document_id: string; blueprint_ref: string; revision: string; item_id: string; claims: Json[] };
  readonly items: readonly ItemSpec[];
  readonly packet_as_of?: string;
  readonly max_item_age_days?: number;
}

export type Json = Record<string, unknown>;

export interface BuiltPacket {
  /** packet.json as an object; mutate freely in negatives. */
  packet: Json;
  /** Content files by relative path. */
  files: Map<string, string>;
}

export const AS_OF = '2026-11-20T12:00:00Z';
export const OBSERVED = '2026-11-19T08:00:00Z';

export function buildPacket(spec: PacketSpec): BuiltPacket {
  const files = new Map<string, string>();
  const items = spec.items.map((item) => {
    const entry: Json = { item_id: item.item_id, kind: item.kind };
    if (item.path !== undefined) entry.path = item.path;
    entry.media_type = item.media_type;
    if (item.file === undefined) entry.content = item.content;
    else {
      entry.content_file = item.file;
      files.set(item.file, item.content);
    }
    entry.source_metadata = {
      governed_surface: item.surface ?? 'kb',
      named_query_id_or_kb_path: item.query ?? item.path ?? item.item_id,
      observation_ts: item.observed ?? OBSERVED,
      source_revision: item.revision ?? 'rev-2026-11-19',
      content_hash: sha256Ref(item.content),
    };
    return entry;
  });
  const packet: Json = {
    schema: 'b7-governed-packet/v1',
    packet_id: spec.packet_id,
    packet_as_of: spec.packet_as_of ?? AS_OF,
    source_mode: 'PACKET_DERIVED',
    freshness: 'AS_OF_EXPORT',
    max_item_age_days: spec.max_item_age_days ?? 30,
    export_operator: {
      role: 'b7_export_ro',
      database: 'b7_governance',
      gateway: 'export-gateway-01',
      role_attributes: { rolsuper: false, createrole: false, createdb: false, bypassrls: false },
    },
    decision_effect: 'NONE',
    may_gate: false,
    allowed_surfaces: [...spec.allowed_surfaces],
    manifest_hash: '',
    dossier: spec.dossier,
    items,
  };
  resealManifest(packet);
  return { packet, files };
}

/** Recompute manifest_hash from the items' declared hashes (after a deliberate change to an item). */
export function resealManifest(packet: Json): void {
  const items = packet.items as Json[];
  packet.manifest_hash = manifestHash(
    items.map((item) => ({ itemId: String(item.item_id), contentHash: String((item.source_metadata as Json | undefined)?.content_hash) })),
  );
}

export function itemById(built: BuiltPacket, itemId: string): Json {
  const item = (built.packet.items as Json[]).find((candidate) => candidate.item_id === itemId);
  if (item === undefined) throw new Error(`fixture kit: no item ${itemId}`);
  return item;
}

export function metadataOf(built: BuiltPacket, itemId: string): Json {
  return itemById(built, itemId).source_metadata as Json;
}

export function dossierOf(built: BuiltPacket): Json {
  return built.packet.dossier as Json;
}

/** A deep copy, so that negatives never share objects with their base. */
export function clonePacket(built: BuiltPacket): BuiltPacket {
  return { packet: structuredClone(built.packet), files: new Map(built.files) };
}
