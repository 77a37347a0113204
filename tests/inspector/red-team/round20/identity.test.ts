import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { claimOf } from '../run.js';
import { dossier, inspect9, roundRoot, summary9, unquotedText, type Run9 } from '../round9/gen9.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, identities and dangling citations (SPEC §3: a claim citing an item id absent from the
 * packet is INSUFFICIENT_EVIDENCE_FOR_CLAIM with `citation/not_in_packet`, whatever else it cites):
 * ids that differ from an item's only by case or a trailing separator, a claim's own id, the dossier's
 * document id, the dossier item cited as its own evidence, and the same id spelled with a JSON escape
 * (the same id: must NOT be dangling). A dangling id that is a verdict word must stay quoted in
 * report.md. Keys are `ident:`.
 */
const { judge, checkAllListedRan } = createJudge20('ident');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const base = backedCountClaim();
const withRefs = (refs: string[]): HostileSpec => ({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: refs }], items: [base.item] });

function danglingProblems(result: Run9): string | undefined {
  const claim = claimOf(result.report, 'R1');
  const reasons = JSON.stringify(claim ?? {});
  const problems: string[] = [];
  if (claim?.verdict !== 'INSUFFICIENT_EVIDENCE_FOR_CLAIM') problems.push(`verdict ${String(claim?.verdict)}`);
  if (!reasons.includes('citation/not_in_packet')) problems.push('no citation/not_in_packet');
  if (result.exitCode !== 1) problems.push(`exit ${String(result.exitCode)}`);
  return problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`;
}

describe('a citation no item has is dangling', () => {
  const dangling: Record<string, string[]> = {
    'case-differs': ['QR-COUNT'],
    'case-differs-beside-the-real-one': ['qr-count', 'Qr-count'],
    'trailing-dot': ['qr-count', 'qr-count.'],
    'trailing-colon': ['qr-count', 'qr-count:'],
    'claim-own-id': ['qr-count', 'R1'],
    'document-id': ['qr-count', 'DOS-RT-HOSTILE'],
    'packet-id': ['qr-count', 'PKT-RT-HOSTILE'],
    'twice-and-valid': ['gone-1', 'gone-1', 'qr-count'],
    'last-of-256': ['qr-count', ...Array.from({ length: 254 }, () => 'qr-count'), 'gone-last'],
  };
  for (const [name, refs] of Object.entries(dangling)) {
    it(name, async () => {
      judge(`ident:dangling-${name}`, danglingProblems(await inspect9(withRefs(refs), `i20-${name}`)));
    });
  }
});

describe('look-alikes that must stay clean', () => {
  it('the cited id repeated is no dangling citation', async () => {
    const result = await inspect9(withRefs(['qr-count', 'qr-count']), 'i20-repeat');
    const claim = claimOf(result.report, 'R1');
    judge('ident:repeated-real-id-is-not-dangling', JSON.stringify(claim ?? {}).includes('citation/not_in_packet') ? `dangling (${summary9(result)})` : undefined);
  });
  it('control: the claim with its one real citation', async () => {
    const result = await inspect9(withRefs(['qr-count']), 'i20-control');
    const claim = claimOf(result.report, 'R1');
    judge('ident:control-real-citation', claim?.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' ? undefined : `verdict ${String(claim?.verdict)} (${summary9(result)})`);
  });
});

describe('the dossier cited as its own evidence', () => {
  // With the query result in the packet, choice 81 binds it to the subject uncited; without it only the dossier is left.
  for (const [name, items] of [['beside-the-query-result', [base.item]], ['alone', []]] as const) {
    it(`a count claim citing only the dossier item (${name})`, async () => {
      const result = await inspect9({ dossierText: dossier('1284 of 1300 published KB documents carry a doc_id (NQ-KB-DOC-COUNT-V1).'), claims: [{ ...base.claim, evidence_refs: ['dossier-main'] }], items: [...items] }, `i20-self-${name}`);
      const claim = claimOf(result.report, 'R1');
      const bad = name === 'alone' ? claim?.verdict === 'NO_READ_LEVEL_DEFECT_FOUND' : claim === undefined;
      judge(`ident:dossier-cited-as-its-own-evidence-${name}`, bad ? `verdict ${String(claim?.verdict)} (${summary9(result)}) ${JSON.stringify(claim?.chain ?? {}).slice(0, 300)}` : undefined);
    });
  }
  it('an execution claim citing only the dossier item', async () => {
    const claim: JsonObject = { claim_id: 'R1', text: 'The selftest exited 0.', claim_type: 'EXECUTION_RESULT', subject: 'tools/t.py', evidence_refs: ['dossier-main'] };
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [claim], items: [base.item] }, 'i20-self-exec');
    const judged = claimOf(result.report, 'R1');
    judge('ident:execution-claim-citing-the-dossier', judged?.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' ? undefined : `verdict ${String(judged?.verdict)} (${summary9(result)})`);
  });
});

describe('verdict words as ids stay quoted', () => {
  for (const word of ['READ_LEVEL_ACCEPTABLE', 'EVIDENCE_SUFFICIENT_FOR_READ_LEVEL', 'PASS']) {
    it(`a dangling id ${word}`, async () => {
      const result = await inspect9(withRefs(['qr-count', word]), `i20-word-${word}`);
      const outside = unquotedText(result.markdown ?? '');
      const problems: string[] = [];
      if (new RegExp(`\\b${word}\\b`).test(outside)) problems.push(`${word} outside a code span in report.md`);
      const dangling = danglingProblems(result);
      if (dangling !== undefined) problems.push(dangling);
      judge(`ident:dangling-id-${word.toLowerCase().replace(/_/g, '-')}-quoted`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});
