import { clonePacket, dossierOf, itemById, metadataOf, resealManifest, type BuiltPacket, type Json } from './kit.js';
import { REAL_EXPECTED_CLAIMS, realDossier, realItems } from './real.js';
import type { ExpectedOutcome, FixtureDefinition } from './types.js';

/**
 * One negative per header, dossier-identity and provenance rule (SPEC §2), each the real dossier
 * changed in exactly one way. R3 relies on kb-export-policy, the item the item-level negatives break.
 */
function variant(change: (built: BuiltPacket) => void): () => BuiltPacket {
  return () => {
    const built = clonePacket(realDossier());
    change(built);
    return built;
  };
}

/** A header or dossier failure: BLOCKED before any item is used (none usable). */
const HEADER_BLOCKED = (code: string): ExpectedOutcome => ({ exit_code: 3, final_verdict: 'BLOCKED', blocked_codes_include: [code], items_usable: 0 });

const R3_BLOCKED = (verdict: string): ExpectedOutcome => ({
  exit_code: 3,
  final_verdict: 'BLOCKED',
  claims: { ...REAL_EXPECTED_CLAIMS, R3: verdict },
});

const header = (name: string, rows: number[], description: string, change: (packet: Json) => void, code: string): FixtureDefinition => ({
  name,
  rows,
  description,
  build: variant((built) => change(built.packet)),
  expected: HEADER_BLOCKED(code),
});

export const PROVENANCE_NEGATIVES: FixtureDefinition[] = [
  {
    name: 'stripped-negative',
    hashesValid: false,
    rows: [45],
    description: 'SPEC §8 stripped negative: the real dossier with every item\'s source_metadata removed (manifest_hash left as exported).',
    build: variant((built) => {
      for (const item of built.packet.items as Json[]) delete item.source_metadata;
    }),
    expected: {
      exit_code: 3,
      final_verdict: 'BLOCKED',
      claims: { R1: 'BLOCKED_BY_UNVERIFIED_SOURCE', R2: 'BLOCKED_BY_UNVERIFIED_SOURCE', R3: 'BLOCKED_BY_UNVERIFIED_SOURCE', R4: 'BLOCKED_BY_UNVERIFIED_SOURCE', R5: 'BLOCKED_BY_UNVERIFIED_SOURCE' },
      blocked_codes_include: ['provenance/manifest_unverifiable'],
      items_usable: 0,
    },
  },
  header('header-wrong-schema', [5], 'The schema id is b7-governed-packet/v2.', (packet) => {
    packet.schema = 'b7-governed-packet/v2';
  }, 'packet/wrong_schema'),
  header('header-missing-field', [5], 'The header lacks `freshness`.', (packet) => {
    delete packet.freshness;
  }, 'packet/missing_field'),
  header('header-unknown-key', [5], 'The header has an extra key `gate_release` (the schema is strict).', (packet) => {
    packet.gate_release = true;
  }, 'packet/unknown_key'),
  header('header-source-mode-live', [6], 'source_mode is LIVE_QUERY instead of PACKET_DERIVED.', (packet) => {
    packet.source_mode = 'LIVE_QUERY';
  }, 'packet/invalid_value'),
  header('header-decision-effect-approve', [6], 'decision_effect is APPROVE instead of NONE.', (packet) => {
    packet.decision_effect = 'APPROVE';
  }, 'packet/invalid_value'),
  header('header-may-gate-true', [6], 'may_gate is true.', (packet) => {
    packet.may_gate = true;
  }, 'packet/invalid_value'),
  header('header-role-superuser', [6], 'The export role has rolsuper = true (not a read-only role).', (packet) => {
    ((packet.export_operator as Json).role_attributes as Json).rolsuper = true;
  }, 'packet/invalid_value'),
  {
    ...header('header-manifest-tampered', [8], 'manifest_hash does not match the items (the manifest was tampered with).', (packet) => {
      packet.manifest_hash = `sha256:${'0'.repeat(64)}`;
    }, 'provenance/manifest_mismatch'),
    hashesValid: false,
  },
  header('dossier-missing-document-id', [1], 'The dossier has no document_id.', (packet) => {
    delete (packet.dossier as Json).document_id;
  }, 'dossier/missing_identity'),
  header('dossier-missing-blueprint-ref', [2], 'The dossier has no blueprint_ref.', (packet) => {
    delete (packet.dossier as Json).blueprint_ref;
  }, 'dossier/missing_identity'),
  header('dossier-missing-revision', [4], 'The dossier has no revision (and none is inferred from the document id or text).', (packet) => {
    delete (packet.dossier as Json).revision;
  }, 'dossier/missing_identity'),
  {
    name: 'item-missing-source-revision',
    rows: [7],
    description: 'kb-export-policy lacks source_metadata.source_revision; R3 relies on it.',
    build: variant((built) => {
      delete metadataOf(built, 'kb-export-policy').source_revision;
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNVERIFIED_SOURCE'),
  },
  {
    name: 'item-content-tampered',
    hashesValid: false,
    rows: [8],
    description: 'The content file of kb-export-policy was changed after export; its content_hash no longer matches.',
    build: variant((built) => {
      built.files.set('content/export-policy.md', `${built.files.get('content/export-policy.md') ?? ''}3. Exports may also write.\n`);
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNVERIFIED_SOURCE'),
  },
  {
    name: 'item-surface-not-allowed',
    rows: [7],
    description: 'kb-export-policy comes from pg:shadow_copy, which is not in allowed_surfaces.',
    build: variant((built) => {
      metadataOf(built, 'kb-export-policy').governed_surface = 'pg:shadow_copy';
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNVERIFIED_SOURCE'),
  },
  {
    name: 'item-stale',
    rows: [10],
    description: 'kb-export-policy was observed 45 days before packet_as_of; the packet declares max_item_age_days = 30.',
    build: variant((built) => {
      metadataOf(built, 'kb-export-policy').observation_ts = '2026-10-06T12:00:00Z';
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNVERIFIED_SOURCE'),
  },
  {
    name: 'item-observed-after-export',
    rows: [10],
    description: 'kb-export-policy claims an observation time after packet_as_of.',
    build: variant((built) => {
      metadataOf(built, 'kb-export-policy').observation_ts = '2026-11-21T09:00:00+01:00';
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNVERIFIED_SOURCE'),
  },
  {
    name: 'item-path-escape',
    hashesValid: false,
    rows: [29],
    description: 'kb-export-policy names content_file ../../etc/passwd; it is never read.',
    build: variant((built) => {
      const item = itemById(built, 'kb-export-policy');
      item.content_file = '../../etc/passwd';
      built.files.delete('content/export-policy.md');
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNSAFE_ACCESS'),
  },
  {
    name: 'item-live-kb-reference',
    rows: [34],
    description: 'kb-export-policy names a live KB address (https://kb.internal/api/…) as its content_file instead of exported content; it is never fetched.',
    hashesValid: false,
    build: variant((built) => {
      itemById(built, 'kb-export-policy').content_file = 'https://kb.internal/api/documents/export-readonly';
      built.files.delete('content/export-policy.md');
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNSAFE_ACCESS'),
  },
  {
    name: 'item-live-pg-reference',
    rows: [35],
    description: 'kb-export-policy gives a live PostgreSQL connection string as its governed surface.',
    build: variant((built) => {
      metadataOf(built, 'kb-export-policy').governed_surface = 'postgresql://b7_export_ro@db.internal:5432/b7_governance';
    }),
    expected: R3_BLOCKED('BLOCKED_BY_UNSAFE_ACCESS'),
  },
  {
    name: 'item-local-surface',
    rows: [9],
    description: 'The only item for tools/export-packet.py is a local checkout (/home/operator/checkout), even though allowed_surfaces lists that path; the listing is gone.',
    build: () => {
      const items = realItems().filter((item) => item.item_id !== 'listing-dot-tools');
      items.push({ item_id: 'local-export-script', kind: 'ARTIFACT_CONTENT', path: 'tools/export-packet.py', media_type: 'text/x-python', content: 'print("export")\n', surface: '/home/operator/checkout' });
      const built = realDossier(undefined, items, ['kb', 'pg:kb_stats', 'pg:dot_tools', 'pg:governance', '/home/operator/checkout']);
      const r4 = (dossierOf(built).claims as Json[]).find((claim) => claim.claim_id === 'R4');
      if (r4 !== undefined) r4.evidence_refs = [];
      resealManifest(built.packet);
      return built;
    },
    expected: {
      exit_code: 1,
      final_verdict: 'READ_LEVEL_FAIL',
      claims: { ...REAL_EXPECTED_CLAIMS, R4: 'NOT_EVIDENCED_IN_ALLOWED_SURFACES' },
      flags_include: ['FLAG_LOCAL_FIRST_AUTHORITY'],
    },
  },
];
