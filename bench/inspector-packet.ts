import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestHash, sha256Ref } from '../src/index.js';

const sha = sha256Ref;

/**
 * The fields every bench packet shares: a read-only export that may not gate anything (SPEC packet
 * format). The one packet skeleton: the inspector tests that build packets of their own
 * (tests/inspector/cost-structure.test.ts, zod-check.test.ts) spread it too.
 */
export function packetEnvelope(packetId: string): Record<string, unknown> {
  return {
    schema: 'b7-governed-packet/v1',
    packet_id: packetId,
    packet_as_of: '2026-11-20T12:00:00Z',
    source_mode: 'PACKET_DERIVED',
    freshness: 'AS_OF_EXPORT',
    max_item_age_days: 30,
    export_operator: { role: 'ro', database: 'db', gateway: 'gw', role_attributes: { rolsuper: false, createrole: false, createdb: false, bypassrls: false } },
    decision_effect: 'NONE',
    may_gate: false,
  };
}

/** The inspector benchmarks' plain packet (bench/inspector.ts, bench/inspector-prose.ts). Writes the packet; content files live in 100 subdirectories as an exporter would shard them. */
export function generatePacket(root: string, items: number, itemBytes: number, dossierText = '# DOS-BENCH-V1\n\n- B1: The archive archive/part-000000.txt exists.\n'): void {
  const base = Buffer.alloc(itemBytes);
  for (let index = 0; index < itemBytes; index += 1) base[index] = 97 + ((index * 7919) % 26);
  const records: Array<Record<string, unknown>> = [];
  for (let index = 0; index < items; index += 1) {
    const id = String(index).padStart(6, '0');
    const relative = `c/${id.slice(0, 3)}/${id}.txt`;
    const content = Buffer.from(base);
    content.write(`item ${id}\n`, 0);
    mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
    records.push({
      item_id: `item-${id}`,
      kind: 'ARTIFACT_CONTENT',
      path: `archive/part-${id}.txt`,
      media_type: 'text/plain',
      content_file: relative,
      source_metadata: { governed_surface: 'kb', named_query_id_or_kb_path: `archive/part-${id}.txt`, observation_ts: '2026-11-19T08:00:00Z', source_revision: 'r1', content_hash: sha(content) },
    });
  }
  records.push({
    item_id: 'dossier',
    kind: 'KB_DOCUMENT',
    path: 'dossiers/DOS-BENCH-V1.md',
    media_type: 'text/markdown',
    content: dossierText,
    source_metadata: { governed_surface: 'kb', named_query_id_or_kb_path: 'dossiers/DOS-BENCH-V1.md', observation_ts: '2026-11-19T08:00:00Z', source_revision: 'r1', content_hash: sha(dossierText) },
  });
  const manifest = manifestHash(records.map((record) => ({ itemId: String(record.item_id), contentHash: String((record.source_metadata as Record<string, unknown>).content_hash) })));
  const packet = {
    ...packetEnvelope('PKT-BENCH'),
    allowed_surfaces: ['kb'],
    manifest_hash: manifest,
    dossier: {
      document_id: 'DOS-BENCH-V1',
      blueprint_ref: 'BP-BENCH',
      revision: '1',
      item_id: 'dossier',
      claims: [{ claim_id: 'B1', text: 'The archive archive/part-000000.txt exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'archive/part-000000.txt', evidence_refs: ['item-000000'] }],
    },
    items: records,
  };
  writeFileSync(path.join(root, 'packet.json'), JSON.stringify(packet));
}

