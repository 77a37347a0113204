import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { backedCountClaim, SURFACES, type HostileSpec } from '../packet-gen.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { createJudge17 } from './judge17.js';

/**
 * rt-packets17, the block cache keyed by carried state (choices 31, session 16) against states that
 * differ at every block: a formatting entry added per block past 64 (each block evicts one), a
 * direction added per block to a `<b>` list, blocks that open and close an entry in turn (thousands of
 * distinct states, each met once), `div`s with alternating directions past the carried stack's 64; and
 * the limits table just under and just over (one claim's text in 3- and 4-byte UTF-8, the allowed
 * surfaces' bytes, an item's path, the dossier's bytes). Each run must end with a report and no stack
 * trace; a shape within the limits must not be refused and must still flag the pass after it; a shape
 * over a limit must be BLOCKED (exit 3) with that limit named. Time is never asserted: `MEASURE17=1`
 * runs each block shape at n and 4n, three times alternating, and prints the medians.
 */
const { judge, checkAllListedRan } = createJudge17('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = '\n\nAll tests pass.';
const distinct = (tag: string, count: number, from = 0): string => Array.from({ length: count }, (_, index) => `<${tag} title="${String(from + index)}">`).join('');
const blocks = (count: number, block: (index: number) => string): string => Array.from({ length: count }, (_, index) => `\n\n${block(index)}`).join('');

/** Dossier shapes of n blocks whose carried state differs from one block to the next. */
const SHAPES: Record<string, (n: number) => string> = {
  // The reference a measurement compares with: blocks after no open state.
  'plain-blocks': (n) => `x${blocks(n, () => 'y')}${PASS}`,
  'a-new-formatting-entry-each-block-past-64': (n) => `x <b dir="rtl">${distinct('i', 63)}${blocks(n, (index) => `<i title="k${String(index)}">y`)}${PASS}`,
  'a-new-directed-entry-each-block': (n) => `x ${blocks(n, (index) => `<b dir="${index % 2 === 0 ? 'rtl' : 'ltr'}" title="${String(index)}">y`)}${PASS}`,
  'open-and-close-an-entry-in-turn': (n) => `x <b dir="rtl">${distinct('i', 40)}${blocks(n, (index) => (index % 2 === 0 ? `<em title="${String(index)}">y` : '</em>y'))}${PASS}`,
  'alternating-div-directions-past-64': (n) => `${blocks(n, (index) => `<div dir="${index % 2 === 0 ? 'rtl' : 'ltr'}">`)}${PASS}`,
  'distinct-states-then-plain-blocks': (n) => `x <b dir="rtl">${blocks(n / 2, (index) => `<i title="${String(index)}">y`)}${blocks(n / 2, () => 'y')}${PASS}`,
};
const N = 4000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function refusedFor(result: Run9): string | undefined {
  const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
  return /limits\/|resources/.test(reasons) ? reasons.slice(0, 200) : undefined;
}

describe('a carried state that differs at every block is judged, not refused', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(shape(N)) }, `cost17-${name}`);
      const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
      if (!flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS')) problems.push(`not flagged: ${summary9(result)}`);
      const refused = refusedFor(result);
      if (refused !== undefined) problems.push(`refused: ${refused}`);
      judge(`cost:${name}`, problems.length === 0 ? undefined : problems.join('; '));
      if (process.env.MEASURE17 !== '1') return;
      const times: Record<'n' | '4n', number[]> = { n: [], '4n': [] };
      for (let round = 0; round < 3; round += 1) {
        for (const [size, n] of [['n', N], ['4n', 4 * N]] as const) times[size].push((await inspect9({ dossierText: dossier(shape(n)) }, `cost17m-${name}`)).ms);
      }
      const [small, large] = [median(times.n), median(times['4n'])];
      console.log(`MEASURE17 ${name}: n=${String(N)} ${small.toFixed(0)} ms, 4n ${large.toFixed(0)} ms, ratio ${(large / small).toFixed(1)}, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
    }, 900_000);
  }
});

/** A one-claim packet whose claim text, surfaces or item path is set by `edit`. */
function limitSpec(edit: { text?: string; surfaces?: string[]; path?: string; dossierText?: string }): HostileSpec {
  const base = backedCountClaim();
  return {
    dossierText: edit.dossierText ?? dossier('Hello.'),
    claims: [{ ...base.claim, ...(edit.text === undefined ? {} : { claim_type: 'CONTENT_STATES', text: edit.text }) }],
    items: [base.item, ...(edit.path === undefined ? [] : [{ item_id: 'long-path', kind: 'KB_DOCUMENT', path: edit.path, content: 'x' }])],
    ...(edit.surfaces === undefined ? {} : { allowed_surfaces: edit.surfaces }),
  };
}

/** Surfaces the packet needs, padded with `pg:` names to `bytes` bytes in all. */
function surfacesOf(bytes: number): string[] {
  const names = [...SURFACES];
  let left = bytes - names.reduce((total, name) => total + name.length, 0);
  for (let index = 0; left > 0; index += 1) {
    const length = Math.min(256, left);
    names.push(`pg:${String(index)}${'s'.repeat(length - 3 - String(index).length)}`);
    left -= length;
  }
  return names;
}

const LIMITS: Record<string, { spec: HostileSpec; refusedBy?: RegExp }> = {
  'claim-text-4096-bytes-of-3-byte-characters': { spec: limitSpec({ text: `${'\u20AC'.repeat(1365)}a` }) },
  'claim-text-4097-bytes-of-3-byte-characters': { spec: limitSpec({ text: `${'\u20AC'.repeat(1365)}ab` }), refusedBy: /limits\/max_claim_text_bytes/ },
  'claim-text-4096-bytes-of-astral-characters': { spec: limitSpec({ text: '\u{1F600}'.repeat(1024) }) },
  'claim-text-4097-bytes-of-astral-characters': { spec: limitSpec({ text: `${'\u{1F600}'.repeat(1024)}a` }), refusedBy: /limits\/max_claim_text_bytes/ },
  'allowed-surfaces-1024-bytes': { spec: limitSpec({ surfaces: surfacesOf(1024) }) },
  'allowed-surfaces-1025-bytes': { spec: limitSpec({ surfaces: surfacesOf(1025) }), refusedBy: /limits\/max_allowed_surfaces_bytes/ },
  'item-path-4096-bytes': { spec: limitSpec({ path: `docs/${'p'.repeat(4096 - 8)}.md` }) },
  'item-path-4097-bytes': { spec: limitSpec({ path: `docs/${'p'.repeat(4097 - 8)}.md` }), refusedBy: /limits\/max_item_path_bytes/ },
  'dossier-one-byte-over-8-mib': { spec: limitSpec({ dossierText: `${dossier('All tests pass.')}${'y'.repeat(8 * 1024 * 1024 - Buffer.byteLength(dossier('All tests pass.')) + 1)}` }), refusedBy: /limits\/max_prose_bytes|max_prose/ },
};

describe('the limits table just under and just over', () => {
  for (const [name, { spec, refusedBy }] of Object.entries(LIMITS)) {
    it(name, async () => {
      const result = await inspect9(spec, `cost17-${name}`);
      const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
      const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
      if (refusedBy === undefined) {
        const refused = refusedFor(result);
        if (refused !== undefined) problems.push(`refused: ${refused}`);
      } else {
        if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
        if (!refusedBy.test(reasons)) problems.push(`reasons ${reasons.slice(0, 200)}`);
      }
      judge(`cost:${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    }, 300_000);
  }
});
