import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { createJudge15 } from './judge15.js';

/**
 * rt-packets15, dangling citations (SPEC §3, choices 13) whose id is a near twin of an item that is in
 * the packet: the text rules match on a confusable skeleton (`m` is `rn`, `0` is `o`, `1` is `l`) and
 * ignore case, an id lookup must not. Each cited id names no item, so the claim is
 * INSUFFICIENT_EVIDENCE_FOR_CLAIM with `citation/not_in_packet`, the id is listed in
 * `chain.dangling_citations`, and the report has a blocking finding, as for the plainly absent twin.
 */
const { judge, checkAllListedRan } = createJudge15('cite');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

async function inspectCiting(itemId: string, cited: string, label: string): Promise<Run9> {
  const base = backedCountClaim('R1', itemId);
  const claim = { ...base.claim, evidence_refs: [itemId, cited] };
  return inspect9({ dossierText: dossier('Hello.'), claims: [claim], items: [base.item] }, label);
}

/** What keeps the run from treating `cited` as a dangling citation. */
function danglingProblems(result: Run9, cited: string): string[] {
  const claim = ((result.report?.claims as JsonObject[] | undefined) ?? [])[0];
  const chain = claim?.chain as { dangling_citations?: { item_ids?: unknown } } | undefined;
  const listed = Array.isArray(chain?.dangling_citations?.item_ids) ? (chain.dangling_citations.item_ids as unknown[]) : [];
  const problems: string[] = [];
  if (claim?.verdict !== 'INSUFFICIENT_EVIDENCE_FOR_CLAIM') problems.push(`R1 is ${String(claim?.verdict)}`);
  if (!JSON.stringify(claim?.reasons ?? []).includes('citation/not_in_packet')) problems.push('no citation/not_in_packet reason');
  if (!listed.includes(cited)) problems.push(`dangling_citations lists ${JSON.stringify(listed)}`);
  if (result.report?.triage_outcome !== 'BLOCKING_FINDINGS') problems.push(`triage ${String(result.report?.triage_outcome)}`);
  if (result.exitCode === 0) problems.push('exit 0');
  return problems;
}

const TWINS: Record<string, [item: string, cited: string]> = {
  'plainly-absent-control': ['qr-count', 'zzz-absent'],
  'upper-case-of-present-id': ['qr-count', 'QR-COUNT'],
  'zero-for-o': ['qr-count', 'qr-c0unt'],
  'rn-for-m': ['doc-m', 'doc-rn'],
  'one-for-l': ['doc-l', 'doc-1'],
  'capital-i-for-l': ['doc-l', 'doc-I'],
  'trailing-dot': ['qr-count', 'qr-count.'],
  'vv-for-w': ['doc-w', 'doc-vv'],
};

describe('a cited id that only looks like a present one is a dangling citation', () => {
  for (const [name, [item, cited]] of Object.entries(TWINS)) {
    it(name, async () => {
      const result = await inspectCiting(item, cited, `cite15-${name}`);
      const problems = danglingProblems(result, cited);
      judge(`cite:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    });
  }
});
