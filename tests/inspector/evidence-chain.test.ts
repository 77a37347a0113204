import { describe, expect, it } from 'vitest';
import {
  createChainContext,
  DEFAULT_LIMITS,
  deriveEvidenceClasses,
  judgeAdequacy,
  gatherEvidence,
  isLiveReference,
  isLocalSurface,
  corpusOf,
  REQUIRED_EVIDENCE,
  sha256Ref,
  type ChainContext,
  type Claim,
  type ItemAssessment,
  type PacketItem,
} from '../../src/index.js';
import path from 'node:path';
import { inspectPacket, parsePacketText } from '../../src/index.js';
import { FIXTURES } from './fixture-packets/index.js';
import { resealManifest } from './fixture-packets/kit.js';
import { readReport, scratchDir, writePacket } from './helpers.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

const HEADER = parsePacketText(JSON.stringify((await import('./fixture-packets/real.js')).realDossier().packet)).header!;

function item(partial: Partial<PacketItem> & Pick<PacketItem, 'item_id' | 'kind'>): PacketItem {
  return {
    media_type: 'text/plain',
    content: '',
    source_metadata: { governed_surface: 'kb', named_query_id_or_kb_path: partial.item_id, observation_ts: '2026-11-19T08:00:00Z', source_revision: 'r', content_hash: sha256Ref('') },
    ...partial,
  } as PacketItem;
}

function usable(packetItem: PacketItem, text: string, usableFlag = true): ItemAssessment {
  return { index: 0, itemId: packetItem.item_id, item: packetItem, usable: usableFlag, failures: [], unsafeAccess: false, localFirst: false, text, contentHash: sha256Ref(text) };
}

function contextFor(assessments: ItemAssessment[], claims: Claim[], dossierItem?: ItemAssessment): ChainContext {
  const context = createChainContext(assessments, claims, dossierItem, DEFAULT_LIMITS);
  if (context === undefined) throw new Error('index limit in a unit test');
  return context;
}

function judge(claim: Claim, assessments: ItemAssessment[]) {
  const context = contextFor(assessments, [claim]);
  return judgeAdequacy(claim, HEADER, gatherEvidence(claim, context), context.index);
}

const PY = 'tools/canon.py';
const claim = (claim_type: Claim['claim_type'], evidence_refs: string[], extra: Partial<Claim> = {}): Claim => ({ claim_id: 'X', text: 'x', claim_type, subject: PY, evidence_refs, ...extra });

describe('evidence class derivation (from kind, path and media type only)', () => {
  const cases: Array<[Partial<PacketItem> & Pick<PacketItem, 'item_id' | 'kind'>, string[]]> = [
    [{ item_id: 'a', kind: 'ARTIFACT_CONTENT', path: 'tools/canon.py', media_type: 'text/x-python' }, ['CONTENT_EVIDENCE', 'ARTIFACT_EXISTENCE_EVIDENCE', 'EXECUTABLE_ARTIFACT']],
    [{ item_id: 'b', kind: 'ARTIFACT_CONTENT', path: 'docs/canon.md', media_type: 'text/markdown' }, ['CONTENT_EVIDENCE', 'ARTIFACT_EXISTENCE_EVIDENCE', 'PROSE']],
    [{ item_id: 'c', kind: 'KB_DOCUMENT', path: 'kb/x.md', media_type: 'text/markdown' }, ['CONTENT_EVIDENCE', 'ARTIFACT_EXISTENCE_EVIDENCE', 'PROSE']],
    [{ item_id: 'd', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'text/plain' }, ['ARTIFACT_EXISTENCE_EVIDENCE']],
    [{ item_id: 'e', kind: 'RUN_LOG', path: 'runs/x.log' }, ['LOG']],
    [{ item_id: 'f', kind: 'RUN_LOG', path: 'ci/build-77.log' }, ['LOG', 'CI_RUN_RECORD']],
    [{ item_id: 'g', kind: 'EXIT_CODE_RECORD' }, ['EXIT_CODE']],
    [{ item_id: 'h', kind: 'RUN_LEDGER_ENTRY' }, ['RUN_LEDGER']],
    [{ item_id: 'i', kind: 'HASH_PIN' }, ['HASH_EVIDENCE']],
    [{ item_id: 'j', kind: 'QUERY_RESULT', media_type: 'application/json' }, ['COUNT_EVIDENCE']],
    [{ item_id: 'k', kind: 'APPROVAL_RECORD' }, ['APPROVAL_RECORD']],
    [{ item_id: 'l', kind: 'ARTIFACT_CONTENT', path: 'reports/junit-selftest.xml', media_type: 'application/junit+xml' }, ['CONTENT_EVIDENCE', 'ARTIFACT_EXISTENCE_EVIDENCE', 'TEST_REPORT']],
  ];
  for (const [partial, classes] of cases) {
    it(`${partial.kind} ${partial.path ?? ''} ${partial.media_type ?? ''}`, () => {
      expect(deriveEvidenceClasses(item(partial)).sort()).toEqual([...classes].sort());
    });
  }

  it('every claim type requires at least one class, and no execution claim is met by existence or prose alone', () => {
    for (const type of ['EXECUTABLE_RUNS', 'EXECUTION_RESULT', 'HASH_REPRODUCED', 'PROSE_PASS_ASSERTION'] as const) {
      const groups = REQUIRED_EVIDENCE[type];
      expect(groups.some((group) => group.every((evidenceClass) => !['ARTIFACT_EXISTENCE_EVIDENCE', 'PROSE', 'CONTENT_EVIDENCE', 'EXECUTABLE_ARTIFACT'].includes(evidenceClass))), type).toBe(true);
    }
  });
});

describe('the iron law and the chain', () => {
  const script = usable(item({ item_id: 'py', kind: 'ARTIFACT_CONTENT', path: PY, media_type: 'text/x-python' }), 'print(1)\n');
  const note = usable(item({ item_id: 'md', kind: 'KB_DOCUMENT', path: 'docs/canon.md', media_type: 'text/markdown' }), 'The canonicalizer tools/canon.py runs fine.\n');
  const log = usable(item({ item_id: 'log', kind: 'RUN_LOG', path: 'runs/1.log' }), `$ python3 ${PY}\nok\n`);
  const pin = usable(item({ item_id: 'pin', kind: 'HASH_PIN' }), `${PY} ${sha256Ref('out')}\n`);

  it('the executable itself proves existence, never that it runs', () => {
    expect(judge(claim('ARTIFACT_EXISTS', ['py']), [script]).verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
    expect(judge(claim('EXECUTABLE_RUNS', ['py']), [script]).verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
  });

  it('a .md describing the executable is the wrong kind for existence and for running (rows 11, 12)', () => {
    expect(judge(claim('ARTIFACT_EXISTS', ['md']), [note]).verdict).toBe('NOT_EVIDENCED_IN_ALLOWED_SURFACES');
    const runs = judge(claim('EXECUTABLE_RUNS', ['md']), [note]);
    expect(runs.verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
  });

  it('with the executable and a run log bound to it, running reaches at most NO_READ_LEVEL_DEFECT_FOUND (row 14)', () => {
    expect(judge(claim('EXECUTABLE_RUNS', ['py', 'log']), [script, log]).verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
  });

  it('existence and execution claims without a subject are insufficient: nothing can be bound', () => {
    const noSubject = (type: Claim['claim_type']): Claim => ({ claim_id: 'N', text: 'x', claim_type: type, evidence_refs: ['md', 'log'] });
    for (const type of ['ARTIFACT_EXISTS', 'EXECUTABLE_RUNS', 'EXECUTION_RESULT', 'HASH_REPRODUCED', 'PROSE_PASS_ASSERTION'] as const) {
      expect(judge(noSubject(type), [note, log]).verdict, type).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
    }
    expect(judge({ ...noSubject('CONTENT_STATES'), evidence_refs: ['md'] }, [note]).verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
  });

  it('the inspector searches the packet for the subject itself, beyond the cited items', () => {
    expect(judge(claim('EXECUTABLE_RUNS', []), [script, log]).verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
  });

  it('a run log about another program is not bound to the subject', () => {
    const other = usable(item({ item_id: 'log2', kind: 'RUN_LOG', path: 'runs/2.log' }), '$ python3 tools/other.py\nok\n');
    expect(judge(claim('EXECUTABLE_RUNS', ['py', 'log2']), [script, other]).verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
  });

  it('hash reproduction: no pin → insufficient; pin only → no call contract; pin + run record stating it → read level only (row 15)', () => {
    expect(judge(claim('HASH_REPRODUCED', ['py']), [script]).verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
    expect(judge(claim('HASH_REPRODUCED', ['pin']), [pin]).verdict).toBe('BLOCKED_BY_NO_CALL_CONTRACT');
    const reproduced = usable(item({ item_id: 'log3', kind: 'RUN_LOG', path: 'runs/3.log' }), `$ python3 ${PY} < in.json | sha256sum\n${sha256Ref('out')}\n`);
    expect(judge(claim('HASH_REPRODUCED', ['pin', 'log3']), [pin, reproduced]).verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
    const different = usable(item({ item_id: 'log4', kind: 'RUN_LOG', path: 'runs/4.log' }), `$ python3 ${PY}\n${sha256Ref('other')}\n`);
    expect(judge(claim('HASH_REPRODUCED', ['pin', 'log4']), [pin, different]).verdict).toBe('EVIDENCE_CONFLICTING');
  });

  it('a cited item that failed provenance blocks the claim; one that escaped the packet blocks it as unsafe', () => {
    const failed = { ...script, usable: false };
    expect(judge(claim('ARTIFACT_EXISTS', ['py']), [failed]).verdict).toBe('BLOCKED_BY_UNVERIFIED_SOURCE');
    expect(judge(claim('ARTIFACT_EXISTS', ['py']), [{ ...failed, unsafeAccess: true }]).verdict).toBe('BLOCKED_BY_UNSAFE_ACCESS');
  });

  it('a listing and the artifact stating different hashes for the subject conflict (row 17)', () => {
    const listing = usable(item({ item_id: 'ls', kind: 'ARTIFACT_LISTING', path: 'tools/' }), `${PY} ${sha256Ref('something else')}\n`);
    expect(judge(claim('ARTIFACT_EXISTS', ['py', 'ls']), [script, listing]).verdict).toBe('EVIDENCE_CONFLICTING');
    const agreeing = usable(item({ item_id: 'ls2', kind: 'ARTIFACT_LISTING', path: 'tools/' }), `${PY} ${sha256Ref('print(1)\n')}\n`);
    expect(judge(claim('ARTIFACT_EXISTS', ['py', 'ls2']), [script, agreeing]).verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
  });

  it('the dossier item itself is never independent evidence', () => {
    const stated = { ...claim('CONTENT_STATES', ['md']), subject: 'docs/canon.md' };
    const context = contextFor([note], [stated], note);
    const evidence = gatherEvidence(stated, context);
    expect(evidence[0]?.capability.independent).toBe(false);
    expect(judgeAdequacy(stated, HEADER, evidence, context.index).verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
  });
});

describe('surfaces', () => {
  it('local paths are never governed surfaces', () => {
    for (const surface of ['/home/op/x', './x', '../x', '~/x', 'file:///x', 'C:\\x', 'localhost', 'local:checkout']) expect(isLocalSurface(surface), surface).toBe(true);
    for (const surface of ['kb', 'pg:dot_tools', 'pg:tac', 'kb:iu-corpus']) expect(isLocalSurface(surface), surface).toBe(false);
  });

  it('network and database addresses are live references; plain identifiers are not', () => {
    for (const live of ['https://kb.internal/api/x', 'postgresql://ro@db:5432/b7', 'postgres://db/x', 'mongodb+srv://c/x', 'jdbc:postgresql://db/x', 'WSS://x']) expect(isLiveReference(live), live).toBe(true);
    for (const plain of ['kb', 'pg:dot_tools', 'kb://policies/x.md', 'NQ-KB-DOC-COUNT-V1', 'kb/policies/x.md']) expect(isLiveReference(plain), plain).toBe(false);
  });

  it('TAC and IU corpora are recognised by surface name tokens', () => {
    expect(corpusOf('pg:tac')).toBe('TAC');
    expect(corpusOf('kb:iu_corpus')).toBe('IU');
    expect(corpusOf('pg:tactics')).toBeUndefined();
    expect(corpusOf('pg:dot_tools')).toBeUndefined();
  });
});

const nextScratch = scratchDir('search');

describe('packet-wide search, end to end', () => {
  it('finds an uncited run log that names the subject (record texts are kept for the search)', async () => {
    const built = FIXTURES.find((fixture) => fixture.name === 'execution-with-run-evidence')!.build();
    const claims = (built.packet.dossier as { claims: Array<Record<string, unknown>> }).claims;
    claims[0]!.evidence_refs = ['listing-canon'];
    resealManifest(built.packet);
    const directory = nextScratch();
    const outDir = path.join(directory, 'out');
    await inspectToDirectory({ packetPath: writePacket(directory, built), outDir });
    const e1 = readReport(outDir).claims.find((entry) => entry.claim_id === 'E1');
    expect(e1?.verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
    expect(e1?.chain.evidence.find((group) => group.item_ids.includes('runlog-canon-selftest'))).toMatchObject({ cited: false, bound_via: 'mention' });
  });
});

describe('iron law per claim: a document proves its own existence, not its subject\'s', () => {
  const note = item({ item_id: 'note', kind: 'KB_DOCUMENT', path: 'kb/canon-design.md', media_type: 'text/markdown', content: 'canon.py is the canonicalizer' });
  const context = (entries: ItemAssessment[]): ChainContext => contextFor(entries, [claim('ARTIFACT_EXISTS', [])]);

  for (const claimType of ['ARTIFACT_EXISTS', 'EXECUTABLE_RUNS'] as const) {
    it(`a .md about ${PY} is the wrong kind for ${claimType}`, () => {
      const [considered] = gatherEvidence(claim(claimType, ['note']), context([usable(note, 'canon.py is the canonicalizer')]));
      expect(considered?.capability.right_kind).toBe(false);
      expect(considered?.evidence_classes).not.toContain('ARTIFACT_EXISTENCE_EVIDENCE');
    });
  }

  it('the same .md is the right kind for a claim about the .md itself', () => {
    const [considered] = gatherEvidence(claim('ARTIFACT_EXISTS', ['note'], { subject: 'kb/canon-design.md' }), context([usable(note, 'x')]));
    expect(considered?.capability.right_kind).toBe(true);
  });
});
