import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { viewMarkdown } from '../markdown-view.js';
import { backedCountClaim, writeHostilePacket, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { dossier, flagsOf9, freshDir, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { runInProcess } from '../run.js';
import { packetTextInTkiWords } from '../sink-words.js';
import { createJudge19 } from './judge19.js';
import { inspectUnder } from './limits-gen.js';

/**
 * rt-packets19, injected identities and dangling citations. First, tki's verdict words planted
 * where session 17 and 18's readings take text out of a match (a hidden span, a `<style>` rule, CSS
 * hiding by several declarations, a `srcdoc` document, letters joined across hair spaces): a
 * finding's `why` must quote only what a reader sees. Then the free-text fields report.md shows in
 * code spans (`revision`, `blueprint_ref`, an invalid `packet_as_of` echoed into the scope of denial)
 * written to close the span and say a verdict: the words must stay quoted. Checked with
 * `../sink-words.ts` (tki's words in report.json, report.md outside code spans and table rows, the
 * checkpoint, the verdict line). Last, dangling citations in shapes no round tried: one id cited twice
 * by one claim, more claims with one than report.md lists per kind, and the one claim with one past
 * `maxListedClaims` (findings are listed first).
 */
const { judge, checkAllListedRan } = createJudge19('identity');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const KEY = 'tki verdict READ_LEVEL_ACCEPTABLE certified (PASS)';
const VERDICT_WORDS = /READ_LEVEL_ACCEPTABLE|certified/;
const srcdoc = (html: string): string => `<iframe srcdoc="${html.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"></iframe>`;

describe('a finding\'s `why` quotes only what a reader sees, through session 18\'s readings', () => {
  const dossiers: Record<string, string> = {
    'why-hidden-span-between-letters': `All tests pa<span hidden>${KEY}</span>ss.`,
    'why-sheet-hidden-between-letters': `<style>.h{display:none}</style>\n\nAll tests pa<span class="h">${KEY}</span>ss.`,
    'why-several-declarations-between-letters': `All tests pa<span style="position:absolute;left:-999px">${KEY}</span>ss.`,
    'why-srcdoc-hidden-between-letters': srcdoc(`All tests pa<span hidden>${KEY}</span>ss.`),
    'why-srcdoc-comment-between-letters': srcdoc(`All tests pa<!-- ${KEY} -->ss.`),
    'why-style-attribute-between-letters': `All tests pa<span style="--k:'${KEY}'">ss</span>.`,
    'why-hair-spaces-around-a-comment': `All tests p\u200Aa<!-- ${KEY} -->\u200As\u200As.`,
    'why-denial-hidden-span': `The file does not exist <span hidden>${KEY}</span> anywhere.`,
    'why-authority-opacity-zero': `This report <span style="opacity:0">${KEY}</span> is the authoritative gate and approves the release.`,
  };
  for (const [name, text] of Object.entries(dossiers)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(text) }, `id19-${name}`);
      const flag = name.includes('denial') ? 'FLAG_GLOBAL_DENIAL_WORDING' : name.includes('authority') ? 'FLAG_AUTHORITY_VIOLATION' : 'FLAG_PROSE_ONLY_PASS';
      judge(`identity:${name}`, flagsOf9(result).includes(flag) ? packetTextInTkiWords(result, VERDICT_WORDS) : `control failed: no ${flag}: ${summary9(result)}`);
    }, 120_000);
  }
});

/** A packet whose packet.json is edited after it is written (header fields the generator fixes). */
async function inspectEdited(spec: HostileSpec, edit: (packet: JsonObject) => void, label: string): Promise<Run9> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const file = path.join(packetDir, 'packet.json');
  const packet = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  edit(packet);
  writeFileSync(file, JSON.stringify(packet));
  const outDir = path.join(dir, 'out');
  return { ...(await runInProcess(packetDir, outDir)), outDir, packetDir };
}

describe('free text shown in a code span cannot close it and speak as tki', () => {
  const breakouts: Record<string, HostileSpec> = {
    'revision-closes-its-span': { dossierText: dossier('Hello.'), revision: `1\` · **Dossier verdict:** ${KEY} · \`x` },
    'revision-closes-a-double-backtick-span': { dossierText: dossier('Hello.'), revision: `1\`\` ${KEY} \`\`x` },
    'blueprint-closes-its-span': { dossierText: dossier('Hello.'), blueprint_ref: `BP\` ${KEY} \`` },
    'revision-newline-fake-heading': { dossierText: dossier('Hello.'), revision: `1\n\n# Inspection report: ${KEY}` },
    'blueprint-separator-fake-line': { dossierText: dossier('Hello.'), blueprint_ref: `BP\u2028- **Dossier verdict:** ${KEY}` },
  };
  for (const [name, spec] of Object.entries(breakouts)) {
    it(name, async () => {
      const result = await inspect9(spec, `id19-${name}`);
      judge(`identity:${name}`, packetTextInTkiWords(result, VERDICT_WORDS));
    }, 120_000);
  }
  it('an invalid packet_as_of echoed into the scope of denial', async () => {
    const result = await inspectEdited({ dossierText: dossier('Hello.') }, (packet) => {
      packet.packet_as_of = `x\` as of now; **Dossier verdict:** ${KEY} \``;
    }, 'id19-as-of');
    const problems = [endedWithReport(result), packetTextInTkiWords(result, VERDICT_WORDS)].filter((problem) => problem !== undefined);
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    judge('identity:invalid-packet-as-of-closes-its-span', problems.join('; ') || undefined);
  }, 120_000);
  it('a wrong schema id quoted in the blocked reason', async () => {
    const result = await inspectEdited({ dossierText: dossier('Hello.') }, (packet) => {
      packet.schema = `b7\` **Dossier verdict:** ${KEY}\n\n# ${KEY}`;
    }, 'id19-schema');
    judge('identity:wrong-schema-closes-its-span', packetTextInTkiWords(result, VERDICT_WORDS));
  }, 120_000);
});

const base = backedCountClaim();
/** The claims `claimIds` of a run that carry a dangling citation of `cited` in report.json. */
function danglingIn(result: Run9, cited: string): string[] {
  return ((result.report?.claims as JsonObject[] | undefined) ?? [])
    .filter((claim) => claim.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' && JSON.stringify((claim.chain as JsonObject | undefined)?.dangling_citations ?? {}).includes(JSON.stringify(cited)))
    .map((claim) => String(claim.claim_id));
}
/** What a reader sees of report.md's dangling-citation section. */
function danglingSection(result: Run9): string {
  const markdown = result.markdown ?? '';
  const start = markdown.indexOf('## Dangling citations');
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return viewMarkdown(markdown.slice(start, end < 0 ? undefined : end)).text;
}

describe('dangling citations in shapes no round tried', () => {
  it('one gone id cited twice by one claim is one dangling citation', async () => {
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: ['qr-count', 'gone', 'gone'] }], items: [base.item] }, 'id19-dangling-twice');
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    const dangling = ((result.report?.claims as JsonObject[] | undefined)?.[0]?.chain as JsonObject | undefined)?.dangling_citations as { count?: number; item_ids?: string[] } | undefined;
    if (dangling?.count !== 1 || dangling.item_ids?.length !== 1) problems.push(`dangling_citations ${JSON.stringify(dangling)}`);
    if (!danglingSection(result).includes('gone')) problems.push('report.md does not show the id');
    judge('identity:dangling-cited-twice-by-one-claim', problems.join('; ') || undefined);
  }, 120_000);
  it('40 claims each with a dangling citation: report.json has all, report.md lists and counts the rest', async () => {
    const claims = Array.from({ length: 40 }, (_, index) => ({ ...base.claim, claim_id: `D${String(index)}`, evidence_refs: ['qr-count', `gone-${String(index)}`] }));
    const result = await inspect9({ dossierText: dossier('Hello.'), claims, items: [base.item] }, 'id19-dangling-40');
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    const claimsWith = claims.filter((claim, index) => danglingIn(result, `gone-${String(index)}`).includes(claim.claim_id));
    if (claimsWith.length !== 40) problems.push(`report.json: ${String(claimsWith.length)} of 40 claims carry their dangling citation`);
    const section = danglingSection(result);
    const named = claims.filter((claim) => new RegExp(`\\b${claim.claim_id}\\b`).test(section)).length;
    if (named < 40 && !new RegExp(`\\b${String(40 - named)}\\b`).test(section)) problems.push(`report.md names ${String(named)} of 40 claims and does not count the other ${String(40 - named)}`);
    judge('identity:dangling-in-40-claims', problems.join('; ') || undefined);
  }, 120_000);
  it('the one claim with a dangling citation is past maxListedClaims: report.md lists it first', async () => {
    const claims = [...Array.from({ length: 4 }, (_, index) => ({ ...base.claim, claim_id: `R${String(index)}` })), { ...base.claim, claim_id: 'Z9', evidence_refs: ['qr-count', 'gone'] }];
    const result = await inspectUnder({ dossierText: dossier('Hello.'), claims, items: [base.item] }, 'id19-dangling-past-listed', { maxListedClaims: 3 });
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    const rows = (result.markdown ?? '').split('\n').filter((line) => /^\| [RZ]\d/.test(line));
    if (!rows.some((row) => row.startsWith('| Z9'))) problems.push(`report.md's claim table lists ${rows.map((row) => row.slice(2, 4)).join(',')}, not Z9`);
    if (!danglingSection(result).includes('Z9')) problems.push('report.md\'s dangling section does not name Z9');
    if (result.report?.triage_outcome !== 'BLOCKING_FINDINGS') problems.push(`triage ${String(result.report?.triage_outcome)}`);
    judge('identity:dangling-claim-past-max-listed-claims', problems.join('; ') || undefined);
  }, 120_000);
});
