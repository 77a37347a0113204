import { buildPacket, type BuiltPacket, type ItemSpec, type Json } from './kit.js';

/**
 * SPEC §8 "real dossier": a realistic multi-claim review over named-query results (NQ-…-V1, with
 * counts and full provenance), KB documents, a listing and an approval record. It makes no
 * execution claim, and every claim is adequately evidenced: the best outcome there is, UNVERIFIED.
 */
export const REAL_SURFACES = ['kb', 'pg:kb_stats', 'pg:dot_tools', 'pg:governance'];

const CLAIM_TEXTS = {
  R1: '1284 of 1300 published KB documents carry a doc_id (NQ-KB-DOC-COUNT-V1).',
  R2: '42 of 42 registered tools have an owner on record (NQ-TOOLS-OWNED-V1).',
  R3: 'The export policy states "exports run under a read-only role".',
  R4: 'The exporter tools/export-packet.py exists.',
  R5: 'The data steward signed off this review (DOS-KB-COVERAGE-V3).',
};

export const REAL_DOSSIER_TEXT = `# DOS-KB-COVERAGE-V3 — knowledge-base coverage review

Blueprint BP-KB-7, revision 3. This review summarises the coverage of the knowledge base at export time.
All figures are dated observations from the export packet PKT-KB-COVERAGE-2026-11-20.

## Findings

- R1: ${CLAIM_TEXTS.R1}
- R2: ${CLAIM_TEXTS.R2}
- R3: ${CLAIM_TEXTS.R3}
- R4: ${CLAIM_TEXTS.R4}
- R5: ${CLAIM_TEXTS.R5}

## Method

Counts come from named queries that the export gateway evaluated under a read-only role; the
inspector compares them with the packet and queries nothing itself.
`;

export const EXPORT_POLICY_TEXT = `# Export policy

1. All exports run under a read-only role; exports run under a read-only role without superuser,
   createrole, createdb or bypassrls attributes.
2. Every exported item carries its governed surface, named query or KB path, observation time,
   source revision and content hash.
`;

export function realItems(): ItemSpec[] {
  return [
    { item_id: 'dossier-kb-coverage', kind: 'KB_DOCUMENT', path: 'dossiers/DOS-KB-COVERAGE-V3.md', media_type: 'text/markdown', content: REAL_DOSSIER_TEXT, file: 'content/dossier.md' },
    {
      item_id: 'qr-kb-doc-count',
      kind: 'QUERY_RESULT',
      media_type: 'application/json',
      content: `${JSON.stringify({ named_query_id: 'NQ-KB-DOC-COUNT-V1', count: 1284, denominator: 1300, match_key: 'doc_id', population: 'published KB documents' }, null, 2)}\n`,
      file: 'content/qr-kb-doc-count.json',
      surface: 'pg:kb_stats',
      query: 'NQ-KB-DOC-COUNT-V1',
    },
    {
      item_id: 'qr-tools-owned',
      kind: 'QUERY_RESULT',
      media_type: 'application/json',
      content: `${JSON.stringify({ named_query_id: 'NQ-TOOLS-OWNED-V1', count: 42, denominator: 42, match_key: 'tool_id', population: 'registered tools' }, null, 2)}\n`,
      file: 'content/qr-tools-owned.json',
      surface: 'pg:dot_tools',
      query: 'NQ-TOOLS-OWNED-V1',
    },
    { item_id: 'kb-export-policy', kind: 'KB_DOCUMENT', path: 'kb/policies/export-readonly.md', media_type: 'text/markdown', content: EXPORT_POLICY_TEXT, file: 'content/export-policy.md' },
    {
      item_id: 'listing-dot-tools',
      kind: 'ARTIFACT_LISTING',
      path: 'tools/',
      media_type: 'application/json',
      content: `${JSON.stringify({ entries: [{ path: 'tools/export-packet.py', sha256: 'sha256:4f5a3c2b1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b' }] }, null, 2)}\n`,
      surface: 'pg:dot_tools',
      query: 'NQ-DOT-TOOLS-LISTING-V1',
    },
    {
      item_id: 'approval-steward',
      kind: 'APPROVAL_RECORD',
      media_type: 'application/json',
      content: `${JSON.stringify({ subject: 'DOS-KB-COVERAGE-V3', role: 'data-steward', recorded: '2026-11-19T07:30:00Z', note: 'reviewed; evidence for a human reader' }, null, 2)}\n`,
      surface: 'pg:governance',
      query: 'NQ-APPROVALS-V1',
    },
  ];
}

export function realClaims(): Json[] {
  const count = (value: number, surface: string, denominator: number, match_key: string, population: string): Json => ({
    value,
    surface,
    denominator,
    observation_ts: '2026-11-19T08:00:00Z',
    match_key,
    population,
  });
  return [
    { claim_id: 'R1', text: CLAIM_TEXTS.R1, claim_type: 'COUNT_OBSERVATION', subject: 'NQ-KB-DOC-COUNT-V1', evidence_refs: ['qr-kb-doc-count'], count: count(1284, 'pg:kb_stats', 1300, 'doc_id', 'published KB documents') },
    { claim_id: 'R2', text: CLAIM_TEXTS.R2, claim_type: 'COUNT_OBSERVATION', subject: 'NQ-TOOLS-OWNED-V1', evidence_refs: ['qr-tools-owned'], count: count(42, 'pg:dot_tools', 42, 'tool_id', 'registered tools') },
    { claim_id: 'R3', text: CLAIM_TEXTS.R3, claim_type: 'CONTENT_STATES', subject: 'kb/policies/export-readonly.md', evidence_refs: ['kb-export-policy'] },
    { claim_id: 'R4', text: CLAIM_TEXTS.R4, claim_type: 'ARTIFACT_EXISTS', subject: 'tools/export-packet.py', evidence_refs: ['listing-dot-tools'] },
    { claim_id: 'R5', text: CLAIM_TEXTS.R5, claim_type: 'APPROVAL_GRANTED', subject: 'DOS-KB-COVERAGE-V3', evidence_refs: ['approval-steward'] },
  ];
}

export function realDossier(claims: Json[] = realClaims(), items: ItemSpec[] = realItems(), surfaces: string[] = REAL_SURFACES): BuiltPacket {
  return buildPacket({
    packet_id: 'PKT-KB-COVERAGE-2026-11-20',
    allowed_surfaces: surfaces,
    dossier: { document_id: 'DOS-KB-COVERAGE-V3', blueprint_ref: 'BP-KB-7', revision: '3', item_id: 'dossier-kb-coverage', claims },
    items,
  });
}

export const REAL_EXPECTED_CLAIMS = {
  R1: 'NO_READ_LEVEL_DEFECT_FOUND',
  R2: 'NO_READ_LEVEL_DEFECT_FOUND',
  R3: 'NO_READ_LEVEL_DEFECT_FOUND',
  R4: 'NO_READ_LEVEL_DEFECT_FOUND',
  R5: 'NO_READ_LEVEL_DEFECT_FOUND',
};
