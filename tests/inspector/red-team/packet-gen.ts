import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Independent generator of hostile packets: hashes are computed here from SPEC §1 (not with the
 * inspector's own helpers), so a packet passes provenance and reaches the text rules.
 */
export type JsonObject = Record<string, unknown>;

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface HostileItem {
  readonly item_id: string;
  readonly kind: string;
  readonly content: string;
  readonly path?: string;
  readonly media_type?: string;
  readonly surface?: string;
  readonly query?: string;
  /** Store in content/<file> instead of inline. */
  readonly file?: string;
}

export interface HostileSpec {
  readonly packet_id?: string;
  readonly document_id?: string;
  readonly dossier_item_id?: string;
  readonly blueprint_ref?: string;
  readonly revision?: string;
  readonly allowed_surfaces?: readonly string[];
  readonly dossierText: string;
  readonly claims?: readonly JsonObject[];
  readonly items?: readonly HostileItem[];
}

export const SURFACES = ['kb', 'pg:kb_stats', 'pg:dot_tools', 'pg:governance'];

/** A claim that is well backed (a count observation with its query result), so only prose decides. */
export function backedCountClaim(claimId = 'R1', itemId = 'qr-count'): { claim: JsonObject; item: HostileItem } {
  const claim = {
    claim_id: claimId,
    text: '1284 of 1300 published KB documents carry a doc_id (NQ-KB-DOC-COUNT-V1).',
    claim_type: 'COUNT_OBSERVATION',
    subject: 'NQ-KB-DOC-COUNT-V1',
    evidence_refs: [itemId],
    count: { value: 1284, surface: 'pg:kb_stats', denominator: 1300, observation_ts: '2026-11-19T08:00:00Z', match_key: 'doc_id', population: 'published KB documents' },
  };
  const item: HostileItem = {
    item_id: itemId,
    kind: 'QUERY_RESULT',
    media_type: 'application/json',
    surface: 'pg:kb_stats',
    query: 'NQ-KB-DOC-COUNT-V1',
    content: JSON.stringify({ named_query_id: 'NQ-KB-DOC-COUNT-V1', count: 1284, denominator: 1300, match_key: 'doc_id', population: 'published KB documents' }),
  };
  return { claim, item };
}

export interface WrittenPacket {
  readonly dir: string;
  readonly packet: JsonObject;
}

export function buildHostilePacket(spec: HostileSpec): { packet: JsonObject; files: Map<string, string | Buffer> } {
  const dossierItemId = spec.dossier_item_id ?? 'dossier-main';
  const base = backedCountClaim();
  const claims = spec.claims ?? [base.claim];
  const extraItems = spec.items ?? [base.item];
  const allItems: HostileItem[] = [
    { item_id: dossierItemId, kind: 'KB_DOCUMENT', path: 'dossiers/dossier.md', media_type: 'text/markdown', surface: 'kb', content: spec.dossierText, file: 'dossier.md' },
    ...extraItems,
  ];
  const files = new Map<string, string | Buffer>();
  const items = allItems.map((item) => {
    const entry: JsonObject = { item_id: item.item_id, kind: item.kind };
    if (item.path !== undefined) entry.path = item.path;
    entry.media_type = item.media_type ?? 'text/plain';
    if (item.file === undefined) entry.content = item.content;
    else {
      entry.content_file = `content/${item.file}`;
      files.set(`content/${item.file}`, item.content);
    }
    entry.source_metadata = {
      governed_surface: item.surface ?? 'kb',
      named_query_id_or_kb_path: item.query ?? item.path ?? item.item_id,
      observation_ts: '2026-11-19T08:00:00Z',
      source_revision: 'rev-2026-11-19',
      content_hash: `sha256:${sha256Hex(item.content)}`,
    };
    return entry;
  });
  const sorted = [...items].sort((a, b) => (String(a.item_id) < String(b.item_id) ? -1 : String(a.item_id) > String(b.item_id) ? 1 : 0));
  const manifest = sorted.map((item) => `${String(item.item_id)} ${String((item.source_metadata as JsonObject).content_hash)}\n`).join('');
  const packet: JsonObject = {
    schema: 'b7-governed-packet/v1',
    packet_id: spec.packet_id ?? 'PKT-RT-HOSTILE',
    packet_as_of: '2026-11-20T12:00:00Z',
    source_mode: 'PACKET_DERIVED',
    freshness: 'AS_OF_EXPORT',
    max_item_age_days: 30,
    export_operator: {
      role: 'b7_export_ro',
      database: 'b7_governance',
      gateway: 'export-gateway-01',
      role_attributes: { rolsuper: false, createrole: false, createdb: false, bypassrls: false },
    },
    decision_effect: 'NONE',
    may_gate: false,
    allowed_surfaces: [...(spec.allowed_surfaces ?? SURFACES)],
    manifest_hash: `sha256:${sha256Hex(manifest)}`,
    dossier: {
      document_id: spec.document_id ?? 'DOS-RT-HOSTILE',
      blueprint_ref: spec.blueprint_ref ?? 'BP-RT-1',
      revision: spec.revision ?? '1',
      item_id: dossierItemId,
      claims,
    },
    items,
  };
  return { packet, files };
}

/** Write packet.json (serialized by the caller's choice) and its content files under dir. */
export function writeHostilePacket(dir: string, spec: HostileSpec): WrittenPacket {
  const { packet, files } = buildHostilePacket(spec);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'packet.json'), JSON.stringify(packet));
  for (const [relative, content] of files) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return { dir, packet };
}
