import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9 } from '../round9/gen9.js';
import { createJudge15 } from './judge15.js';

/**
 * rt-packets15, session 14's new reading paths on hostile sizes: the list of active formatting
 * elements churned, the adoption agency run many times, misnested formatting ends, templates,
 * raw-text elements, long inline styles (comments, escapes, an unclosed comment), references without
 * `;`, `dir="auto"` over skipped subtrees, a deep carried stack over many blocks, tables of `dir`
 * cells. Every shape is followed by a pass sentence, which must still be judged (FLAG_PROSE_ONLY_PASS,
 * a report, no limits/resources refusal, no stack trace). Time is never asserted: with
 * `MEASURE15=1` each shape also runs at n and 4n, three times alternating, and the medians are
 * printed (README.md quotes them).
 */
const { judge, checkAllListedRan } = createJudge15('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = '\n\nAll tests pass.';
const SHAPES: Record<string, (n: number) => string> = {
  'formatting-list-churn-across-blocks': (n) => `x ${'<b title="1"><i title="2">'.repeat(n / 2)}${'\n\ny'.repeat(n / 4)}${PASS}`,
  'adoption-agency-furthest-block-repeated': (n) => `<div>${'<b>x<p>y</b>z</p>'.repeat(n)}</div>${PASS}`,
  'misnested-formatting-ends': (n) => `a ${'<i><b dir="rtl"></i>'.repeat(n)}${PASS}`,
  'balanced-nested-templates': (n) => `a ${'<template>'.repeat(n)}${'</template>'.repeat(n)}${PASS}`,
  'rawtext-swallowed-end-tags': (n) => `a <span dir="rtl">${'<xmp></span></xmp>'.repeat(n)}</span>${PASS}`,
  'style-of-many-commented-declarations': (n) => `a <span style="${'direction:rtl;/**/'.repeat(n)}unicode-bidi:isolate">x</span>${PASS}`,
  'style-unclosed-comment': (n) => `a <span style="direction:rtl;/*${'a'.repeat(n * 10)}">x</span>${PASS}`,
  'style-of-many-escapes': (n) => `a <span style="direction:${'\\72 '.repeat(n)}">x</span>${PASS}`,
  'references-without-semicolon-in-block': (n) => `<p dir="rtl">${'&#x200F'.repeat(n)} x</p>${PASS}`,
  'dir-auto-over-skipped-subtrees': (n) => `a <span dir="auto">${'<style>x</style>'.repeat(n)}</span>${PASS}`,
  'deep-carried-stack-many-blocks': (n) => `<div dir="rtl">${'<div>'.repeat(n)}${'\n\ny'.repeat(n / 4)}${PASS}`,
  'table-of-dir-cells': (n) => `| a |\n|---|\n${'| <span dir="rtl">x</span> |\n'.repeat(n / 2)}${PASS}`,
};
const N = 20_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe('the new reading paths judge a hostile shape, not refuse it', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(shape(N)) }, `cost15-${name}`);
      const problems = [endedWithReport(result), flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS') ? undefined : `not flagged: ${summary9(result)}`];
      const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
      if (reasons.includes('limits/')) problems.push(`refused: ${reasons.slice(0, 200)}`);
      const found = problems.filter((problem) => problem !== undefined);
      judge(`cost:${name}`, found.length === 0 ? undefined : found.join('; '));
      if (process.env.MEASURE15 !== '1') return;
      const times: Record<'n' | '4n', number[]> = { n: [], '4n': [] };
      for (let round = 0; round < 3; round += 1) {
        for (const [size, n] of [['n', N], ['4n', 4 * N]] as const) {
          times[size].push((await inspect9({ dossierText: dossier(shape(n)) }, `cost15m-${name}`)).ms);
        }
      }
      const [small, large] = [median(times.n), median(times['4n'])];
      console.log(`MEASURE15 ${name}: ${String((shape(N).length / 1e6).toFixed(2))} MB n ${small.toFixed(0)} ms, 4n ${large.toFixed(0)} ms, ratio ${(large / small).toFixed(1)}, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
    }, 600_000);
  }
});
