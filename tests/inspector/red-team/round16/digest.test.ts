import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { viewMarkdown } from '../markdown-view.js';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { cellsOf } from './report-cells.js';
import { createJudge16 } from './judge16.js';

/**
 * rt-packets16, report.md's claim table past `maxListedClaims` (1,000; choices 41) and its dangling
 * citations (SPEC §3: a finding; the first 50 claims listed). The expected table is computed from
 * report.json, which keeps every claim: claims with a finding (a verdict other than
 * NO_READ_LEVEL_DEFECT_FOUND, or a flag) first in packet order, then the others, the first 1,000
 * shown; the "… and N more claims (K of them with a finding)" line and "Not listed here, by
 * verdict: …" must count exactly the claims not shown, and add up. Claims sit at the boundary
 * (exactly 1,000, 1,001, a finding as claim 1,001, 1,000 findings, 1,001 findings, a flag as the
 * only finding past 1,000) and dangling citations past it.
 */
const { judge, checkAllListedRan } = createJudge16('digest');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const CLEAN = 'NO_READ_LEVEL_DEFECT_FOUND';
type Kind = 'clean' | 'dangling' | 'unevidenced' | 'flagged';

/** One claim of a kind: backed and clean; citing an absent id; an artifact nothing lists; a count without a denominator. */
function claimOf(kind: Kind, index: number): JsonObject {
  const base = backedCountClaim().claim;
  const claimId = `R${String(index)}`;
  switch (kind) {
    case 'clean':
      return { ...base, claim_id: claimId };
    case 'dangling':
      return { ...base, claim_id: claimId, evidence_refs: ['qr-count', `gone-${String(index)}`] };
    case 'unevidenced':
      return { claim_id: claimId, text: `The tool tools/t${String(index)}.py exists.`, claim_type: 'ARTIFACT_EXISTS', subject: `tools/t${String(index)}.py`, evidence_refs: [] };
    case 'flagged': {
      const count = { ...(base.count as JsonObject) };
      delete count.denominator;
      return { ...base, claim_id: claimId, count };
    }
  }
}

async function inspectKinds(kinds: readonly Kind[], label: string): Promise<Run9> {
  const base = backedCountClaim();
  return inspect9({ dossierText: dossier('Hello.'), claims: kinds.map((kind, index) => claimOf(kind, index)), items: [base.item] }, label);
}

interface Shown {
  readonly ids: string[];
  readonly more?: { claims: number; withFinding: number };
  readonly byVerdict?: Map<string, number>;
}

/** report.md's claim table: the ids of its rows, its "more" line and its by-verdict line. */
function shownTable(markdown: string): Shown {
  const lines = markdown.split('\n');
  const start = lines.indexOf('## Claims');
  const ids: string[] = [];
  let index = start + 4;
  for (; index < lines.length && lines[index]!.startsWith('|'); index += 1) ids.push(viewMarkdown(cellsOf(lines[index]!)[0] ?? '').text.split(':')[0]!);
  const tail = lines.slice(index, index + 4).join('\n');
  const more = /and ([\d,]+) more claims? in report\.json \(([\d,]+) of them with a finding\)/.exec(tail);
  const verdictLine = /Not listed here, by verdict: (.*)/.exec(tail);
  const number = (text: string): number => Number(text.replaceAll(',', ''));
  const byVerdict = verdictLine === null ? undefined : new Map([...verdictLine[1]!.matchAll(/([A-Z_]+)\W+([\d,]+)/g)].map((match) => [match[1]!, number(match[2]!)]));
  return { ids, ...(more === null ? {} : { more: { claims: number(more[1]!), withFinding: number(more[2]!) } }), ...(byVerdict === undefined ? {} : { byVerdict }) };
}

function hasFinding(claim: JsonObject): boolean {
  return claim.verdict !== CLEAN || ((claim.flags as unknown[] | undefined) ?? []).length > 0;
}

/** What report.md's table gets wrong against report.json's claims. */
function digestProblems(result: Run9, expectedFindings?: number): string[] {
  const ended = endedWithReport(result);
  if (ended !== undefined) return [ended];
  const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
  // With 1,000 claims or fewer report.md is what it was: packet order (choices 41).
  const ordered = claims.length <= 1000 ? claims : [...claims.filter(hasFinding), ...claims.filter((claim) => !hasFinding(claim))];
  const listed = ordered.slice(0, 1000);
  const unlisted = ordered.slice(1000);
  const shown = shownTable(result.markdown ?? '');
  const problems: string[] = [];
  if (expectedFindings !== undefined && claims.filter(hasFinding).length !== expectedFindings) problems.push(`premise: ${String(claims.filter(hasFinding).length)} claims with a finding, expected ${String(expectedFindings)}`);
  const wantIds = listed.map((claim) => String(claim.claim_id));
  if (shown.ids.join(',') !== wantIds.join(',')) {
    const first = wantIds.findIndex((id, index) => shown.ids[index] !== id);
    problems.push(`table lists ${String(shown.ids.length)} rows; row ${String(first)} is ${String(shown.ids[first])}, expected ${String(wantIds[first])}`);
  }
  if (unlisted.length === 0) {
    if (shown.more !== undefined || shown.byVerdict !== undefined) problems.push('a "more claims" line with nothing unlisted');
    return problems;
  }
  const withFinding = unlisted.filter(hasFinding).length;
  if (shown.more?.claims !== unlisted.length || shown.more.withFinding !== withFinding) problems.push(`says ${JSON.stringify(shown.more)}, expected ${String(unlisted.length)} (${String(withFinding)} with a finding)`);
  const want = new Map<string, number>();
  for (const claim of unlisted) want.set(String(claim.verdict), (want.get(String(claim.verdict)) ?? 0) + 1);
  const got = shown.byVerdict ?? new Map<string, number>();
  const sum = [...got.values()].reduce((total, count) => total + count, 0);
  if (sum !== unlisted.length) problems.push(`by verdict adds up to ${String(sum)}, not ${String(unlisted.length)}`);
  if (JSON.stringify([...want].sort()) !== JSON.stringify([...got].sort())) problems.push(`by verdict ${JSON.stringify([...got])}, expected ${JSON.stringify([...want])}`);
  return problems;
}

const repeat = (count: number, kind: Kind): Kind[] => Array.from({ length: count }, () => kind);
const cycle = (count: number, kinds: readonly Kind[]): Kind[] => Array.from({ length: count }, (_, index) => kinds[index % kinds.length]!);

const SHAPES: Record<string, { kinds: Kind[]; findings: number }> = {
  'exactly-1000-clean-claims': { kinds: repeat(1000, 'clean'), findings: 0 },
  'exactly-1000-with-a-finding-last': { kinds: [...repeat(999, 'clean'), 'dangling'], findings: 1 },
  '1001-claims-finding-is-claim-1001': { kinds: [...repeat(1000, 'clean'), 'dangling'], findings: 1 },
  '1500-claims-exactly-1000-findings': { kinds: cycle(1500, ['dangling', 'unevidenced', 'clean']), findings: 1000 },
  '1503-claims-1001-findings': { kinds: [...cycle(1500, ['dangling', 'unevidenced', 'clean']), 'dangling', 'clean', 'clean'], findings: 1001 },
  'flag-the-only-finding-past-1000': { kinds: [...repeat(1150, 'clean'), 'flagged', ...repeat(49, 'clean')], findings: 1 },
  '2500-claims-three-kinds-of-finding': { kinds: cycle(2500, ['clean', 'dangling', 'clean', 'unevidenced', 'flagged']), findings: 1500 },
};

describe('report.md lists 1,000 claims, those with a finding first, and counts the rest exactly', () => {
  for (const [name, { kinds, findings }] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspectKinds(kinds, `digest16-${name}`);
      const problems = digestProblems(result, findings);
      judge(`digest:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
  }
});

/** report.md's dangling-citation section: its listed claim ids and the text after the list. */
function danglingSection(markdown: string): { ids: string[]; rest: string } {
  const start = markdown.indexOf('## Dangling citations');
  if (start < 0) return { ids: [], rest: '' };
  const end = markdown.indexOf('\n## ', start + 1);
  const lines = markdown.slice(start, end < 0 ? undefined : end).split('\n');
  const listed = (line: string): boolean => line.startsWith('- `');
  const ids = lines.filter(listed).map((line) => viewMarkdown(line.slice(2)).text.split(':')[0]!);
  return { ids, rest: lines.filter((line) => !listed(line) && !line.startsWith('#')).join(' ') };
}

describe('dangling citations are findings wherever they are, and report.md counts them', () => {
  it('sixty-dangling-claims-past-the-1000-listed', async () => {
    const kinds = [...repeat(1040, 'clean'), ...repeat(60, 'dangling')];
    const result = await inspectKinds(kinds, 'digest16-sixty-dangling');
    const problems = digestProblems(result, 60);
    const section = danglingSection(result.markdown ?? '');
    const want = Array.from({ length: 50 }, (_, index) => `R${String(1040 + index)}`);
    if (section.ids.join(',') !== want.join(',')) problems.push(`the section lists ${JSON.stringify(section.ids.slice(0, 3))}… (${String(section.ids.length)})`);
    if (!/\b10 more\b|\b60\b/.test(section.rest)) problems.push(`the section does not count the other 10: ${JSON.stringify(section.rest.slice(0, 200))}`);
    if (result.report?.triage_outcome !== 'BLOCKING_FINDINGS') problems.push(`triage ${String(result.report?.triage_outcome)}`);
    judge('digest:sixty-dangling-claims-past-the-1000-listed', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  }, 300_000);
  const chainOf = (result: Run9): { count?: unknown; item_ids?: unknown } | undefined => (((result.report?.claims as JsonObject[] | undefined) ?? [])[0]?.chain as { dangling_citations?: { count?: unknown; item_ids?: unknown } } | undefined)?.dangling_citations;
  it('seventeen-distinct-dangling-ids-in-one-claim', async () => {
    const base = backedCountClaim();
    const cited = Array.from({ length: 17 }, (_, index) => `gone-${String(index)}`);
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: ['qr-count', ...cited] }], items: [base.item] }, 'digest16-seventeen');
    const problems: string[] = [];
    const dangling = chainOf(result);
    if (dangling?.count !== 17 || JSON.stringify(dangling.item_ids) !== JSON.stringify(cited.slice(0, 16))) problems.push(`dangling_citations ${JSON.stringify(dangling)}`);
    const line = danglingSection(result.markdown ?? '');
    if (line.ids.length !== 1 || !/\b17\b/.test(result.markdown?.slice(result.markdown.indexOf('## Dangling')) ?? '')) problems.push('report.md does not say 17');
    judge('digest:seventeen-distinct-dangling-ids-in-one-claim', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
  it('one-dangling-id-cited-255-times', async () => {
    const base = backedCountClaim();
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: ['qr-count', ...Array.from({ length: 255 }, () => 'gone')] }], items: [base.item] }, 'digest16-repeated');
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    const claim = ((result.report?.claims as JsonObject[] | undefined) ?? [])[0];
    const dangling = chainOf(result);
    if (claim?.verdict !== 'INSUFFICIENT_EVIDENCE_FOR_CLAIM') problems.push(`verdict ${String(claim?.verdict)}`);
    if (dangling?.count !== 1 || JSON.stringify(dangling.item_ids) !== '["gone"]') problems.push(`dangling_citations ${JSON.stringify(dangling)}`);
    judge('digest:one-dangling-id-cited-255-times', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
  it('dangling-citation-in-a-claim-whose-other-citation-is-blocked', async () => {
    // The cited item is in the packet but its hash does not match: the claim is blocked by it, and
    // its second, dangling citation must still be listed (SPEC §3: "whatever else it cites").
    const base = backedCountClaim();
    const claim = { ...base.claim, evidence_refs: ['qr-count', 'gone'] };
    const item = { ...base.item, content: `${base.item.content} ` };
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [claim], items: [item] }, 'digest16-blocked-and-dangling');
    const problems: string[] = [];
    const dangling = chainOf(result);
    if (JSON.stringify(dangling?.item_ids) !== '["gone"]') problems.push(`dangling_citations ${JSON.stringify(dangling)}`);
    if (!(result.markdown ?? '').includes('## Dangling citations')) problems.push('report.md has no dangling-citation section');
    judge('digest:dangling-citation-in-a-claim-whose-other-citation-is-blocked', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
});
