import { buildPacket, clonePacket, resealManifest, type BuiltPacket, type ItemSpec, type Json } from './kit.js';
import { sha256Ref } from '../../../src/index.js';
import type { FixtureDefinition } from './types.js';

/** SPEC §8 FIX7 fixture A and A′: a canonicalizer claimed to exist, run and pass, with only a design note. */
const SUBJECT = 'tools/canonicalizer-fix7-canon-v1-ssot.py';
const SURFACES = ['kb', 'pg:dot_tools'];

const DOSSIER_TEXT = `# DOS-FIX7-CANON-V1 — canonicalizer fix 7 (SSOT)

Blueprint BP-FIX7, revision 4.

## Claims

- C1: The canonicalizer ${SUBJECT} exists.
- C2a: Its selftest ran 22/22.
- C2b: The selftest exited 0.
- C4: Selftest result: 22/22 PASS, exit 0.
- C5: The canonicalizer runs.
- C8: The pinned hash of the canonical output is reproduced.
`;

const DESIGN_NOTE = `# Canonicalizer fix 7 — design note

The canonicalizer reads a tool manifest and writes it in canonical key order, so that the
pinned output hash stays stable across exporters. The script lives next to the other tools.
The selftest covers 22 cases (key order, unicode normalisation, number formatting).
`;

export const CANONICALIZER_SOURCE = `#!/usr/bin/env python3
"""Canonicalizer fix 7 (SSOT)."""
import json, sys

def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

if __name__ == "__main__":
    print(canonical(json.load(sys.stdin)))
`;

const DOSSIER_ITEM: ItemSpec = {
  item_id: 'dossier-fix7',
  kind: 'KB_DOCUMENT',
  path: 'dossiers/DOS-FIX7-CANON-V1.md',
  media_type: 'text/markdown',
  content: DOSSIER_TEXT,
  file: 'content/dossier-fix7.md',
};

const DESIGN_NOTE_ITEM: ItemSpec = {
  item_id: 'design-note-canon',
  kind: 'KB_DOCUMENT',
  path: 'docs/canonicalizer-fix7-canon-v1-design.md',
  media_type: 'text/markdown',
  content: DESIGN_NOTE,
  file: 'content/design-note.md',
};

function claims(): Json[] {
  const refs = ['design-note-canon'];
  return [
    { claim_id: 'C1', text: `The canonicalizer ${SUBJECT} exists.`, claim_type: 'ARTIFACT_EXISTS', subject: SUBJECT, evidence_refs: refs },
    { claim_id: 'C2a', text: 'Its selftest ran 22/22.', claim_type: 'EXECUTION_RESULT', subject: SUBJECT, evidence_refs: refs },
    { claim_id: 'C2b', text: 'The selftest exited 0.', claim_type: 'EXECUTION_RESULT', subject: SUBJECT, evidence_refs: refs },
    { claim_id: 'C4', text: 'Selftest result: 22/22 PASS, exit 0.', claim_type: 'PROSE_PASS_ASSERTION', subject: SUBJECT, evidence_refs: refs },
    { claim_id: 'C5', text: 'The canonicalizer runs.', claim_type: 'EXECUTABLE_RUNS', subject: SUBJECT, evidence_refs: refs },
    { claim_id: 'C8', text: 'The pinned hash of the canonical output is reproduced.', claim_type: 'HASH_REPRODUCED', subject: SUBJECT, evidence_refs: refs },
  ];
}

export function fix7A(extraItems: readonly ItemSpec[] = []): BuiltPacket {
  return buildPacket({
    packet_id: 'PKT-FIX7-A',
    allowed_surfaces: SURFACES,
    dossier: { document_id: 'DOS-FIX7-CANON-V1', blueprint_ref: 'BP-FIX7', revision: '4', item_id: 'dossier-fix7', claims: claims() },
    items: [DOSSIER_ITEM, DESIGN_NOTE_ITEM, ...extraItems],
  });
}

const LISTING_ITEM: ItemSpec = {
  item_id: 'listing-dot-tools',
  kind: 'ARTIFACT_LISTING',
  path: 'tools/',
  media_type: 'text/plain',
  content: `# pg:dot_tools listing of tools/\ntools/export-packet.py ${sha256Ref('print("export")\n')}\n${SUBJECT} ${sha256Ref(CANONICALIZER_SOURCE)}\n`,
  surface: 'pg:dot_tools',
  query: 'NQ-DOT-TOOLS-LISTING-V1',
};

const FIX7_EXPECTED_CLAIMS = {
  C1: 'NOT_EVIDENCED_IN_ALLOWED_SURFACES',
  C2a: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
  C2b: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
  C4: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
  C5: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
  C8: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM',
};

export const FIX7_FIXTURES: FixtureDefinition[] = [
  {
    name: 'fix7-a',
    rows: [11, 12, 13, 15, 16, 43],
    description: 'FIX7 fixture A: the dossier claims the canonicalizer exists, ran its selftest 22/22, exited 0, runs and reproduces the pinned hash; the packet holds only a .md design note on a governed surface and the .py is on no allowed surface.',
    build: () => fix7A(),
    expected: {
      exit_code: 1,
      final_verdict: 'READ_LEVEL_FAIL',
      article14_status: 'NOT_PROVEN_EXECUTION_UNVERIFIED',
      triage_outcome: 'BLOCKING_FINDINGS',
      claims: FIX7_EXPECTED_CLAIMS,
      claim_flags: { C4: ['FLAG_PROSE_ONLY_PASS'] },
      flags_include: ['FLAG_PROSE_ONLY_PASS'],
      flags_exclude: ['FLAG_GLOBAL_DENIAL_WORDING', 'FLAG_AUTHORITY_VIOLATION'],
    },
  },
  {
    name: 'fix7-a-prime',
    rows: [44],
    description: 'FIX7 fixture A′: as A, plus an ARTIFACT_LISTING on the governed surface pg:dot_tools that lists the .py with its hash. Existence becomes evidenced; every execution claim stays insufficient.',
    build: () => fix7A([LISTING_ITEM]),
    expected: {
      exit_code: 1,
      final_verdict: 'READ_LEVEL_FAIL',
      article14_status: 'NOT_PROVEN_EXECUTION_UNVERIFIED',
      claims: { ...FIX7_EXPECTED_CLAIMS, C1: 'NO_READ_LEVEL_DEFECT_FOUND' },
      claim_flags: { C4: ['FLAG_PROSE_ONLY_PASS'] },
      flags_include: ['FLAG_PROSE_ONLY_PASS'],
    },
  },
  {
    name: 'fix7-a-single-file',
    rows: [43],
    description: 'FIX7 fixture A as one .json file with inline content (SPEC §1: a packet may be a single .json file).',
    layout: 'single-file',
    build: () => {
      const built = clonePacket(fix7A());
      for (const item of built.packet.items as Json[]) {
        const file = item.content_file;
        if (typeof file === 'string') {
          delete item.content_file;
          item.content = built.files.get(file);
        }
      }
      built.files.clear();
      resealManifest(built.packet);
      return built;
    },
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', article14_status: 'NOT_PROVEN_EXECUTION_UNVERIFIED', claims: FIX7_EXPECTED_CLAIMS },
  },
];
