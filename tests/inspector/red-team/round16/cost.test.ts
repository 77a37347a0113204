import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { backedCountClaim, writeHostilePacket, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { dossier, flagsOf9, freshDir, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { runInProcess } from '../run.js';
import { createJudge16 } from './judge16.js';

/**
 * rt-packets16, session 15's bounds on hostile sizes: the formatting list and the carried stack held
 * at and just past 64 over thousands of blocks, raw-text elements in odd casing by the thousand,
 * foreign content broken out of again and again, Markdown nested thousands deep (block quotes, list
 * markers, emphasis, link brackets), a GFM table of 2,000 columns; and packet-level shapes at their
 * limits: 100,000 claims (judged, the digest counting 99,000 unlisted) and 100,001 (refused), JSON
 * nested 64, 65 and a million levels, an item's JSON content a million levels deep, 256 and 257
 * references in one claim. Each must end with a report and no stack trace; a dossier shape that is
 * no open route of this round must still flag the pass sentence after it, and no shape within the
 * limits may be refused. Time is never asserted: with `MEASURE16=1` each dossier shape also runs at
 * n and 4n, three times alternating, and the medians are printed.
 */
const { judge, checkAllListedRan } = createJudge16('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = '\n\nAll tests pass.';
const distinct = (tag: string, count: number): string => Array.from({ length: count }, (_, index) => `<${tag} title="${String(index)}">`).join('');
/** Dossier shapes of size n; `flagged` false where the pass after the shape is an open route of this round (look:formatting-list-65-…). */
const SHAPES: Record<string, { shape: (n: number) => string; flagged: boolean }> = {
  'formatting-list-64-reconstructed-per-block': { shape: (n) => `x <b dir="rtl">${distinct('i', 63)}${'\n\ny'.repeat(n / 4)}${PASS}`, flagged: true },
  'formatting-list-65-unread-per-block': { shape: (n) => `x <b dir="rtl">${distinct('i', 64)}${'\n\ny'.repeat(n / 4)}${PASS}`, flagged: false },
  'formatting-list-held-at-the-bound': { shape: (n) => `<p>x ${distinct('i', 70).repeat(n / 70)}</p>${PASS}`, flagged: true },
  'carried-stack-64-directions-per-block': { shape: (n) => `${'<div dir="rtl">'.repeat(64)}${'\n\ny'.repeat(n / 4)}${PASS}`, flagged: true },
  'carried-stack-65-directions-per-block': { shape: (n) => `${'<div dir="rtl">'.repeat(65)}${'\n\ny'.repeat(n / 4)}${PASS}`, flagged: true },
  'raw-text-odd-case-many': { shape: (n) => `a ${'<TeXtArEa>x</tExTaReA><sTyLe>y</STYLE>'.repeat(n / 2)}${PASS}`, flagged: true },
  'foreign-content-breakouts-many': { shape: (n) => `a ${'<svg><textarea><span dir="rtl">x</span></textarea></svg>'.repeat(n / 4)}${PASS}`, flagged: true },
  'nested-block-quotes': { shape: (n) => `${'> '.repeat(n / 4)}x${PASS}`, flagged: true },
  'nested-list-markers': { shape: (n) => `${'- '.repeat(n / 4)}x${PASS}`, flagged: true },
  'nested-emphasis-runs': { shape: (n) => `${'*'.repeat(n)}x${'*'.repeat(n)}${PASS}`, flagged: true },
  'nested-link-brackets': { shape: (n) => `${'['.repeat(n)}x${'](u)'.repeat(n)}${PASS}`, flagged: true },
  'gfm-table-2000-columns': { shape: (n) => `${'| a '.repeat(n / 10)}|\n${'|---'.repeat(n / 10)}|\n${'| <b dir="rtl">x</b> '.repeat(n / 10)}|${PASS}`, flagged: true },
};
const N = 20_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function refusedFor(result: Run9): string | undefined {
  const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
  return /limits\/|resources/.test(reasons) ? reasons.slice(0, 200) : undefined;
}

describe('the bounds judge a hostile shape, not refuse it', () => {
  for (const [name, { shape, flagged }] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(shape(N)) }, `cost16-${name}`);
      const problems = [endedWithReport(result)];
      if (flagged && !flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS')) problems.push(`not flagged: ${summary9(result)}`);
      const refused = refusedFor(result);
      if (refused !== undefined) problems.push(`refused: ${refused}`);
      const found = problems.filter((problem) => problem !== undefined);
      judge(`cost:${name}`, found.length === 0 ? undefined : found.join('; '));
      if (process.env.MEASURE16 !== '1') return;
      const times: Record<'n' | '4n', number[]> = { n: [], '4n': [] };
      for (let round = 0; round < 3; round += 1) {
        for (const [size, n] of [['n', N], ['4n', 4 * N]] as const) times[size].push((await inspect9({ dossierText: dossier(shape(n)) }, `cost16m-${name}`)).ms);
      }
      const [small, large] = [median(times.n), median(times['4n'])];
      console.log(`MEASURE16 ${name}: ${(shape(N).length / 1e6).toFixed(2)} MB n ${small.toFixed(0)} ms, 4n ${large.toFixed(0)} ms, ratio ${(large / small).toFixed(1)}, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
    }, 900_000);
  }
});

/** A packet written by the generator, then packet.json's text changed by `edit`, inspected in process. */
async function inspectEdited(spec: HostileSpec, label: string, edit: (json: string) => string): Promise<Run9> {
  const dir = freshDir(label);
  const packetDir = path.join(dir, 'packet');
  writeHostilePacket(packetDir, spec);
  const file = path.join(packetDir, 'packet.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const outDir = path.join(dir, 'out');
  return { ...(await runInProcess(packetDir, outDir)), outDir, packetDir };
}

/** An extra top-level key holding arrays nested `depth` deep (packet.json's root object is level 1). */
const nestedKey = (depth: number) => (json: string): string => `${json.slice(0, -1)},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

function blockedFor(result: Run9, reason: RegExp): string[] {
  const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
  if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
  const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
  if (!reason.test(reasons)) problems.push(`reasons ${reasons.slice(0, 200)}`);
  return problems;
}

const claims = (count: number): JsonObject[] => {
  const base = backedCountClaim().claim;
  return Array.from({ length: count }, (_, index) => (index % 7 === 3 ? { ...base, claim_id: `R${String(index)}`, evidence_refs: ['qr-count', `gone-${String(index)}`] } : { ...base, claim_id: `R${String(index)}` }));
};

describe('packet shapes at their limits end in a report', () => {
  it('100000-claims-judged-and-counted', async () => {
    const base = backedCountClaim();
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: claims(100_000), items: [base.item] }, 'cost16-100k');
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    const refused = refusedFor(result);
    if (refused !== undefined) problems.push(`refused: ${refused}`);
    const findings = Math.ceil((100_000 - 3) / 7);
    const more = new RegExp(`and 99,?000 more claims in report\\.json \\(${String(findings - 1000).replace(/\B(?=(\d{3})+$)/g, ',?')} of them with a finding\\)`);
    if (!more.test(result.markdown ?? '')) problems.push(`report.md does not count 99,000 unlisted (${String(findings - 1000)} with a finding)`);
    if (((result.report?.claims as unknown[] | undefined) ?? []).length !== 100_000) problems.push('report.json does not hold 100,000 claims');
    console.log(`cost16 100000 claims: ${result.ms.toFixed(0)} ms, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
    judge('cost:100000-claims-judged-and-counted', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  }, 900_000);
  it('100001-claims-refused', async () => {
    const base = backedCountClaim();
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: claims(100_001), items: [base.item] }, 'cost16-100k1');
    const problems = blockedFor(result, /limits\/max_claims/);
    judge('cost:100001-claims-refused', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  }, 900_000);
  for (const [name, depth, reason] of [
    ['json-depth-64-reaches-the-schema', 63, /packet\/|unknown|unrecognized/i],
    ['json-depth-65-refused', 64, /limits\/max_json_depth/],
    ['json-depth-a-million-refused', 1_000_000, /limits\/max_json_depth/],
  ] as const) {
    it(name, async () => {
      const result = await inspectEdited({ dossierText: dossier('Hello.') }, `cost16-${name}`, nestedKey(depth));
      const problems = blockedFor(result, reason);
      judge(`cost:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
  }
  it('item-json-content-a-million-deep', async () => {
    const base = backedCountClaim();
    const item = { ...base.item, content: `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, file: 'deep.json' };
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [base.claim], items: [item] }, 'cost16-deep-item');
    const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
    const refused = refusedFor(result);
    if (refused !== undefined) problems.push(`refused: ${refused}`);
    judge('cost:item-json-content-a-million-deep', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  }, 300_000);
  for (const [name, count, refusedExpected] of [['256-references-judged', 256, false], ['257-references-refused', 257, true]] as const) {
    it(name, async () => {
      const base = backedCountClaim();
      const refs = ['qr-count', ...Array.from({ length: count - 1 }, (_, index) => `gone-${String(index)}`)];
      const result = await inspect9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: refs }], items: [base.item] }, `cost16-${name}`);
      const problems = refusedExpected ? blockedFor(result, /limits\/max_references/) : [endedWithReport(result), refusedFor(result)].filter((problem) => problem !== undefined);
      judge(`cost:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
  }
});

/**
 * `MEASURE16=1` only: what one Markdown block costs after each kind of open state, side by side in
 * one run (medians of 3, blocks b and 4b alternating). Printed, never asserted.
 */
const PER_BLOCK: Record<string, string> = {
  plain: 'x',
  'under-8-formatting-entries': `x <b dir="rtl">${distinct('i', 7)}`,
  'under-64-formatting-entries': `x <b dir="rtl">${distinct('i', 63)}`,
  'under-65-formatting-entries': `x <b dir="rtl">${distinct('i', 64)}`,
  'under-64-carried-directions': '<div dir="rtl">'.repeat(64),
};
describe.runIf(process.env.MEASURE16 === '1')('MEASURE16 per-block cost after an open state', () => {
  it('blocks 2,500 and 10,000', async () => {
    for (const [name, head] of Object.entries(PER_BLOCK)) {
      const times: Record<'b' | '4b', number[]> = { b: [], '4b': [] };
      for (let round = 0; round < 3; round += 1) {
        for (const [size, blocks] of [['b', 2500], ['4b', 10_000]] as const) times[size].push((await inspect9({ dossierText: dossier(`${head}${'\n\ny'.repeat(blocks)}${PASS}`) }, `cost16b-${name}`)).ms);
      }
      const [small, large] = [median(times.b), median(times['4b'])];
      console.log(`MEASURE16 per-block ${name}: 2,500 blocks ${small.toFixed(0)} ms, 10,000 blocks ${large.toFixed(0)} ms, ratio ${(large / small).toFixed(1)}, ${(large / 10_000).toFixed(2)} ms/block, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
    }
  }, 1_800_000);
});
