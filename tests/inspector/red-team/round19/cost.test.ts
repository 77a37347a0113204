import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { createJudge19 } from './judge19.js';

/**
 * rt-packets19, cost of what session 18 added (choices 22 and 70): hidden content read both ways, CSS
 * hiding over several declarations, `<style>` sheets matched per tag, `srcdoc` documents with their
 * own sheets. Each shape grows one dimension to n: hidden elements in one paragraph (each could
 * double the readings), rules under distinct keys and under one key past its 64, sheets in separate
 * blocks (each tag looks up every sheet), attribute selectors, declarations in one `style`, sibling
 * `srcdoc` frames, nested `:not()` and `@media`, a paragraph mixing every two-reading feature once per
 * sentence. Each run must end with a report, no stack trace, no refusal, and the pass after it
 * flagged. Time is never asserted: `MEASURE19=1` runs each shape at n and 4n, three times alternating,
 * and prints the medians and the ratio (4 is linear).
 */
const { judge, checkAllListedRan } = createJudge19('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = '\n\nAll tests pass.';
const times = (count: number, make: (index: number) => string, separator = ''): string => Array.from({ length: count }, (_, index) => make(index)).join(separator);

const SHAPES: Record<string, (n: number) => string> = {
  'plain-paragraphs': (n) => `${times(n, (index) => `Line ${String(index)} of text.`, '\n\n')}${PASS}`,
  'hidden-spans-in-one-paragraph': (n) => `${times(n, (index) => `w${String(index)} <span hidden>h${String(index)}</span>`, ' ')}${PASS}`,
  'mixed-hiding-kinds-in-one-paragraph': (n) => `${times(n, (index) => [`<span hidden>a${String(index)}</span>`, `<span style="opacity:0">b</span>`, `~~c${String(index)}~~`, `<ruby>d<rt>e</rt></ruby>`, `<span style="position:absolute;left:-9px">f</span>`][index % 5]!, ' ')}${PASS}`,
  'distinct-class-rules-and-tags': (n) => `<style>${times(n, (index) => `.c${String(index)}{display:none}`)}</style>\n\n${times(n, (index) => `<span class="c${String(index)}">x</span>`, ' ')}${PASS}`,
  'one-key-past-64-rules': (n) => `<style>${times(n, (index) => `.h[data-i="${String(index)}"]{display:none}`)}</style>\n\n${times(n, (index) => `<span class="h" data-i="${String(index)}">x</span>`, ' ')}${PASS}`,
  'a-sheet-in-every-block': (n) => `${times(n, (index) => `<style>.s${String(index)}{opacity:0}</style>\n\n<span class="s${String(index)}">x</span> y`, '\n\n')}${PASS}`,
  'attribute-selectors-substring-matches': (n) => `<style>${times(n, (index) => `[title*="k${String(index)}"]{visibility:hidden}`)}</style>\n\n${times(n, (index) => `<b title="k${String(index)}k">x</b>`, ' ')}${PASS}`,
  'declarations-in-one-style': (n) => `<span style="${times(n, (index) => `--v${String(index)}:calc(var(--v${String(index + 1)}) + 1px);`)}width:var(--v0);overflow:hidden">x</span>${PASS}`,
  'sibling-srcdoc-frames-with-sheets': (n) => `${times(n, (index) => `<iframe srcdoc="&lt;style&gt;.h${String(index)}{display:none}&lt;/style&gt;&lt;span class=h${String(index)}&gt;x&lt;/span&gt; y"></iframe>`, '\n')}${PASS}`,
  'nested-not-selectors': (n) => `<style>${':not('.repeat(n)}.x${')'.repeat(n)}{display:none}</style>\n\n<span class="y">x</span>${PASS}`,
  'nested-media-blocks': (n) => `<style>${'@media screen{'.repeat(n)}.x{display:none}${'}'.repeat(n)}</style>\n\n<span class="x">x</span>${PASS}`,
  'nested-css-rules': (n) => `<style>${'.a{'.repeat(n)}display:none${'}'.repeat(n)}</style>\n\n<span class="a">x</span>${PASS}`,
};
const N = 2000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function refusedFor(result: Run9): string | undefined {
  const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
  return /limits\/|resources/.test(reasons) ? reasons.slice(0, 200) : undefined;
}

describe('hiding, sheets and frames at size n are judged, not refused', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(shape(N)) }, `cost19-${name}`);
      const problems = [endedWithReport(result)].filter((problem) => problem !== undefined);
      if (!flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS')) problems.push(`not flagged: ${summary9(result)}`);
      const refused = refusedFor(result);
      if (refused !== undefined) problems.push(`refused: ${refused}`);
      judge(`cost:${name}`, problems.length === 0 ? undefined : problems.join('; '));
      if (process.env.MEASURE19 !== '1') return;
      const runs: Record<'n' | '4n', number[]> = { n: [], '4n': [] };
      for (let round = 0; round < 3; round += 1) {
        for (const [size, n] of [['n', N], ['4n', 4 * N]] as const) runs[size].push((await inspect9({ dossierText: dossier(shape(n)) }, `cost19m-${name}`)).ms);
      }
      const [small, large] = [median(runs.n), median(runs['4n'])];
      console.log(`MEASURE19 ${name}: n=${String(N)} ${small.toFixed(0)} ms, 4n ${large.toFixed(0)} ms, ratio ${(large / small).toFixed(1)}, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
    }, 900_000);
  }
});
