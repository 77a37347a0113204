import type { HostileItem, HostileSpec, JsonObject } from './packet-gen.js';
import { backedCountClaim } from './packet-gen.js';

/** A listing of `entries` paths and `claims` ARTIFACT_EXISTS claims whose subjects are in it. */
export function listingsTimesClaims(listings: number, entries: number, claims: number): HostileSpec {
  const items: HostileItem[] = [];
  for (let l = 0; l < listings; l += 1) {
    const rows: string[] = [];
    for (let e = 0; e < entries; e += 1) rows.push(`{"path":"tools/l${String(l)}/f${String(e)}.py","sha256":"sha256:${'c'.repeat(64)}"}`);
    items.push({ item_id: `listing-${String(l)}`, kind: 'ARTIFACT_LISTING', path: `tools/l${String(l)}/`, media_type: 'application/json', surface: 'pg:dot_tools', content: `{"entries":[${rows.join(',')}]}`, file: `listing-${String(l)}.json` });
  }
  const claimList: JsonObject[] = [];
  for (let c = 0; c < claims; c += 1) {
    const l = c % listings;
    const subject = `tools/l${String(l)}/f${String((c * 7919) % entries)}.py`;
    claimList.push({ claim_id: `C${String(c)}`, text: `The tool ${subject} exists.`, claim_type: 'ARTIFACT_EXISTS', subject, evidence_refs: [`listing-${String(l)}`] });
  }
  return { dossierText: '# cost\n', claims: claimList, items };
}

/** `sentences` claim-like lines in the dossier and `claims` structured claims. */
export function sentencesTimesClaims(sentences: number, claims: number): HostileSpec {
  const { claim, item } = backedCountClaim();
  const lines: string[] = ['# cost'];
  for (let s = 0; s < sentences; s += 1) lines.push(`- R${String(s)}: 22 of 22 tools pass (exit 0).`);
  const claimList: JsonObject[] = [];
  for (let c = 0; c < claims; c += 1) claimList.push({ ...claim, claim_id: `R${String(c)}` });
  return { dossierText: `${lines.join('\n')}\n`, claims: claimList, items: [item] };
}

/** `count` claims, all backed by one query result. */
export function manyClaims(count: number): HostileSpec {
  return sentencesTimesClaims(0, count);
}
