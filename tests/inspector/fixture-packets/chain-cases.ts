import { sha256Ref } from '../../../src/index.js';
import { buildPacket, type ItemSpec } from './kit.js';
import { CANONICALIZER_SOURCE } from './fix7.js';
import { REAL_DOSSIER_TEXT, REAL_EXPECTED_CLAIMS, realClaims, realDossier, realItems } from './real.js';
import type { FixtureDefinition } from './types.js';

/** Fixtures for the evidence chain and the dossier-level rules (SPEC §3, §4). */
const CANON = 'tools/canonicalizer-fix7-canon-v1-ssot.py';

function withDossierText(text: string): ItemSpec[] {
  return realItems().map((item) => (item.item_id === 'dossier-kb-coverage' ? { ...item, content: text } : item));
}

function dossierItem(id: string, text: string): ItemSpec {
  return { item_id: id, kind: 'KB_DOCUMENT', path: `dossiers/${id}.md`, media_type: 'text/markdown', content: text, file: `content/${id}.md` };
}

const RUN_ITEMS: ItemSpec[] = [
  { item_id: 'listing-canon', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'text/plain', content: `${CANON} ${sha256Ref(CANONICALIZER_SOURCE)}\n`, surface: 'pg:dot_tools', query: 'NQ-DOT-TOOLS-LISTING-V1' },
  {
    item_id: 'runlog-canon-selftest',
    kind: 'RUN_LOG',
    path: 'runs/2026-11-19/canon-selftest.log',
    media_type: 'text/plain',
    content: `$ python3 ${CANON} --selftest\n22 cases ... ok\nselftest finished: 22/22\n`,
    surface: 'pg:run_ledger',
    query: 'NQ-RUN-LOGS-V1',
  },
  {
    item_id: 'exit-canon-selftest',
    kind: 'EXIT_CODE_RECORD',
    media_type: 'application/json',
    content: `${JSON.stringify({ artifact: CANON, invocation: '--selftest', exit_code: 0 })}\n`,
    surface: 'pg:run_ledger',
    query: 'NQ-EXIT-CODES-V1',
  },
];

const EXEC_TEXT = `# DOS-CANON-RUN-V2 — canonicalizer run record

- E1: The canonicalizer ${CANON} runs.
- E2: The canonicalizer selftest exited 0 for ${CANON}.
`;

const CONFLICT_TEXT = `# DOS-CANON-RUN-V3 — canonicalizer run record

- K1: The canonicalizer selftest exited 0 for ${CANON}.
`;

const JOIN_TEXT = `# DOS-TAC-IU-OVERLAP-V1 — overlap of TAC and IU records

- J1: 311 records appear in both TAC and IU when joined on case_ref (NQ-TAC-IU-OVERLAP-V1).
`;

function singleDossier(id: string, text: string, claims: Record<string, unknown>[], items: ItemSpec[], surfaces: string[]) {
  return buildPacket({
    packet_id: `PKT-${id.toUpperCase()}`,
    allowed_surfaces: surfaces,
    dossier: { document_id: id.toUpperCase(), blueprint_ref: 'BP-CANON-2', revision: '2', item_id: id, claims },
    items: [dossierItem(id, text), ...items],
  });
}

export const CHAIN_FIXTURES: FixtureDefinition[] = [
  {
    name: 'real-dossier-flawless',
    rows: [22, 39, 40],
    description: 'SPEC §8 real dossier: five claims over named-query counts (NQ-…-V1, full count provenance), KB documents, a listing and an approval record; no execution claim; every claim adequately evidenced.',
    build: () => realDossier(),
    expected: {
      exit_code: 2,
      final_verdict: 'UNVERIFIED',
      article14_status: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS',
      triage_outcome: 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED',
      claims: REAL_EXPECTED_CLAIMS,
      flags_exclude: ['FLAG_PROSE_ONLY_PASS', 'FLAG_HARDCODED_DENOMINATOR', 'FLAG_AUTHORITY_VIOLATION', 'FLAG_LOCAL_FIRST_AUTHORITY', 'FLAG_GLOBAL_DENIAL_WORDING'],
      inventory_complete: true,
    },
  },
  {
    name: 'execution-with-run-evidence',
    rows: [14],
    description: 'Execution claims backed by a governed listing, a run log and an exit-code record: at most NO_READ_LEVEL_DEFECT_FOUND (NON_AUTHORITATIVE), still NOT_PROVEN_EXECUTION_UNVERIFIED.',
    build: () =>
      singleDossier(
        'dos-canon-run-v2',
        EXEC_TEXT,
        [
          { claim_id: 'E1', text: `The canonicalizer ${CANON} runs.`, claim_type: 'EXECUTABLE_RUNS', subject: CANON, evidence_refs: ['listing-canon', 'runlog-canon-selftest'] },
          { claim_id: 'E2', text: `The canonicalizer selftest exited 0 for ${CANON}.`, claim_type: 'EXECUTION_RESULT', subject: CANON, evidence_refs: ['exit-canon-selftest'] },
        ],
        RUN_ITEMS,
        ['kb', 'pg:dot_tools', 'pg:run_ledger'],
      ),
    expected: {
      exit_code: 2,
      final_verdict: 'UNVERIFIED',
      article14_status: 'NOT_PROVEN_EXECUTION_UNVERIFIED',
      claims: { E1: 'NO_READ_LEVEL_DEFECT_FOUND', E2: 'NO_READ_LEVEL_DEFECT_FOUND' },
      flags_exclude: ['FLAG_PROSE_ONLY_PASS'],
    },
  },
  {
    name: 'conflicting-exit-codes',
    rows: [17],
    description: 'Two governed exit-code records for the same selftest disagree (0 and 1).',
    build: () =>
      singleDossier(
        'dos-canon-run-v3',
        CONFLICT_TEXT,
        [{ claim_id: 'K1', text: `The canonicalizer selftest exited 0 for ${CANON}.`, claim_type: 'EXECUTION_RESULT', subject: CANON, evidence_refs: ['exit-canon-selftest', 'exit-canon-rerun'] }],
        [
          ...RUN_ITEMS,
          { item_id: 'exit-canon-rerun', kind: 'EXIT_CODE_RECORD', media_type: 'application/json', content: `${JSON.stringify({ artifact: CANON, invocation: '--selftest', exit_code: 1 })}\n`, surface: 'pg:run_ledger', query: 'NQ-EXIT-CODES-V1' },
        ],
        ['kb', 'pg:dot_tools', 'pg:run_ledger'],
      ),
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', article14_status: 'NOT_PROVEN_EXECUTION_UNVERIFIED', claims: { K1: 'EVIDENCE_CONFLICTING' } },
  },
  {
    name: 'prose-only-pass',
    rows: [16],
    description: 'The real dossier plus the sentence "Selftest: 22/22 PASS, exit 0." that no claim with accepted evidence backs.',
    build: () => realDossier(undefined, withDossierText(`${REAL_DOSSIER_TEXT}\nSelftest: 22/22 PASS, exit 0.\n`)),
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', claims: REAL_EXPECTED_CLAIMS, flags_include: ['FLAG_PROSE_ONLY_PASS'] },
  },
  {
    name: 'count-without-denominator',
    rows: [18],
    description: 'R1 states a count with value only: no surface, denominator, observation time, match key or population.',
    build: () => realDossier(realClaims().map((claim) => (claim.claim_id === 'R1' ? { ...claim, count: { value: 1284 } } : claim))),
    expected: {
      exit_code: 1,
      final_verdict: 'READ_LEVEL_FAIL',
      claims: { ...REAL_EXPECTED_CLAIMS, R1: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' },
      claim_flags: { R1: ['FLAG_HARDCODED_DENOMINATOR'] },
      flags_include: ['FLAG_HARDCODED_DENOMINATOR'],
    },
  },
  {
    name: 'authority-assertion',
    rows: [20],
    description: 'The dossier text says the inspection report is the authoritative gate for the release, and a cited item sets may_gate: true.',
    build: () =>
      realDossier(
        undefined,
        withDossierText(`${REAL_DOSSIER_TEXT}\nThis report is the authoritative gate: it approves the release.\n`).map((item) =>
          item.item_id === 'approval-steward' ? { ...item, content: `${JSON.stringify({ subject: 'DOS-KB-COVERAGE-V3', role: 'data-steward', may_gate: true })}\n` } : item,
        ),
      ),
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', claims: REAL_EXPECTED_CLAIMS, flags_include: ['FLAG_AUTHORITY_VIOLATION'] },
  },
  {
    name: 'unparsed-region',
    rows: [21],
    description: 'The real dossier plus a claim-like sentence no structured claim covers and a hidden HTML comment: the inventory is incomplete, the dossier is no better than UNVERIFIED.',
    build: () => realDossier(undefined, withDossierText(`${REAL_DOSSIER_TEXT}\nThe nightly backup job ran on every node.\n<!-- reviewer: the retention job is approved -->\n`)),
    expected: { exit_code: 2, final_verdict: 'UNVERIFIED', triage_outcome: 'BLOCKING_FINDINGS', claims: REAL_EXPECTED_CLAIMS, inventory_complete: false },
  },
  {
    name: 'tac-iu-join',
    rows: [23],
    description: 'A count that only a join of the TAC and IU corpora could give; the packet has one query result per corpus. Reported per corpus, never joined.',
    build: () =>
      singleDossier(
        'dos-tac-iu-overlap-v1',
        JOIN_TEXT,
        [
          {
            claim_id: 'J1',
            text: '311 records appear in both TAC and IU when joined on case_ref (NQ-TAC-IU-OVERLAP-V1).',
            claim_type: 'COUNT_OBSERVATION',
            evidence_refs: ['qr-tac-cases', 'qr-iu-cases'],
            count: { value: 311, surface: 'pg:tac+iu', denominator: 2040, observation_ts: '2026-11-19T08:00:00Z', match_key: 'case_ref', population: 'cases in TAC and IU' },
          },
        ],
        [
          { item_id: 'qr-tac-cases', kind: 'QUERY_RESULT', media_type: 'application/json', content: `${JSON.stringify({ named_query_id: 'NQ-TAC-CASES-V1', count: 1210 })}\n`, surface: 'pg:tac', query: 'NQ-TAC-CASES-V1' },
          { item_id: 'qr-iu-cases', kind: 'QUERY_RESULT', media_type: 'application/json', content: `${JSON.stringify({ named_query_id: 'NQ-IU-CASES-V1', count: 830 })}\n`, surface: 'pg:iu', query: 'NQ-IU-CASES-V1' },
        ],
        ['kb', 'pg:tac', 'pg:iu'],
      ),
    expected: { exit_code: 1, final_verdict: 'READ_LEVEL_FAIL', claims: { J1: 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' }, claim_corpora: { J1: ['TAC', 'IU'] } },
  },
  {
    name: 'global-denial-trap-d',
    rows: [41],
    description: 'SPEC §8 fixture D: the dossier invites "X does not exist / is absent everywhere"; the report must keep every denial scoped and flag the wording it rewrote.',
    build: () =>
      singleDossier(
        'dos-legacy-exporter-v1',
        '# DOS-LEGACY-EXPORTER-V1\n\n- D1: The legacy exporter tools/legacy-export.py does not exist anywhere; it is absent everywhere.\n- D2: The exporter tools/export-packet.py exists.\n',
        [
          { claim_id: 'D1', text: 'The legacy exporter tools/legacy-export.py does not exist anywhere; it is absent everywhere.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/legacy-export.py', evidence_refs: [] },
          { claim_id: 'D2', text: 'The exporter tools/export-packet.py exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/export-packet.py', evidence_refs: [] },
        ],
        [],
        ['kb', 'pg:dot_tools'],
      ),
    expected: {
      exit_code: 1,
      final_verdict: 'READ_LEVEL_FAIL',
      claims: { D1: 'NOT_EVIDENCED_IN_ALLOWED_SURFACES', D2: 'NOT_EVIDENCED_IN_ALLOWED_SURFACES' },
      flags_include: ['FLAG_GLOBAL_DENIAL_WORDING'],
    },
  },
];
