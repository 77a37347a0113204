import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Small, valid `b7-governed-packet/v1` packets for the sandbox tests and the sandbox benchmark:
 * one KB design note and a dossier with an existence claim. Hashes are computed as SPEC §1 says.
 */
export interface SamplePacketOptions {
  /** Replace the second item's content with a `content_file` pointing here (path-escape tests). */
  readonly contentFile?: string;
}

const sha = (text: string): string => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

export function samplePacket(options: SamplePacketOptions = {}): Record<string, unknown> {
  const observed = '2026-11-01T00:00:00+00:00';
  const dossierText = 'Dossier SBX-1. C1: the design note for the canonicalizer is recorded in the KB.\n';
  const noteText = '# Canonicalizer design note\nThe canonicalizer normalizes packet text.\n';
  const metadata = (path: string, text: string): Record<string, string> => ({
    governed_surface: 'kb',
    named_query_id_or_kb_path: path,
    observation_ts: observed,
    source_revision: 'r1',
    content_hash: sha(text),
  });
  const note: Record<string, unknown> = { item_id: 'note', kind: 'KB_DOCUMENT', path: 'design/canonicalizer.md', media_type: 'text/markdown', source_metadata: metadata('kb/design/canonicalizer.md', noteText) };
  if (options.contentFile === undefined) note.content = noteText;
  else note.content_file = options.contentFile;
  const items = [
    { item_id: 'dossier', kind: 'KB_DOCUMENT', path: 'dossiers/sbx-1.md', media_type: 'text/markdown', content: dossierText, source_metadata: metadata('kb/dossiers/sbx-1.md', dossierText) },
    note,
  ];
  const manifest = items
    .map((item) => `${item.item_id} ${(item.source_metadata as Record<string, string>).content_hash}\n`)
    .sort()
    .join('');
  return {
    schema: 'b7-governed-packet/v1',
    packet_id: 'pkt-sandbox-smoke',
    packet_as_of: '2026-11-02T00:00:00+00:00',
    source_mode: 'PACKET_DERIVED',
    freshness: 'AS_OF_EXPORT',
    max_item_age_days: 30,
    export_operator: { role: 'kb_export_ro', database: 'kb', gateway: 'export-gw', role_attributes: { rolsuper: false, createrole: false, createdb: false, bypassrls: false } },
    decision_effect: 'NONE',
    may_gate: false,
    allowed_surfaces: ['kb'],
    manifest_hash: sha(manifest),
    dossier: {
      document_id: 'SBX-1',
      blueprint_ref: 'BP-SBX',
      revision: '1',
      item_id: 'dossier',
      claims: [{ claim_id: 'C1', text: 'The design note for the canonicalizer is recorded in the KB.', claim_type: 'ARTIFACT_EXISTS', subject: 'design/canonicalizer.md', evidence_refs: ['note'] }],
    },
    items,
  };
}

/** Writes a packet directory (`<dir>/packet.json`) and returns its path. */
export function writePacketDir(dir: string, options: SamplePacketOptions = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'packet.json'), `${JSON.stringify(samplePacket(options), null, 2)}\n`);
  return dir;
}

/** Writes a single-file packet and returns its path. */
export function writePacketFile(path: string): string {
  writeFileSync(path, `${JSON.stringify(samplePacket(), null, 2)}\n`);
  return path;
}
