import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { endedWithReport } from '../cost-judge.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9 } from '../round9/gen9.js';
import { createJudge14 } from './judge14.js';

/**
 * rt-packets14, the new reading paths on hostile sizes (0.1–0.4 MB each): every shape is followed by
 * a pass sentence, which must still be judged (FLAG_PROSE_ONLY_PASS, a report, no limits/resources
 * refusal, no stack trace). Time is measured in README.md (n and 4n, in process), never here.
 */
const { judge, checkAllListedRan } = createJudge14('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = '\n\nAll tests pass.';
const SHAPES: Record<string, string> = {
  'unclosed-script-comments-inline': `a ${'<script><!--'.repeat(20_000)}${PASS}`,
  'script-double-escape-lines': `<script>\n${'<!--<script>\n'.repeat(20_000)}${PASS}`,
  'deep-bdi-nesting': `${'<bdi>'.repeat(20_000)}All tests pass.${'</bdi>'.repeat(20_000)}`,
  'deep-dir-rtl-nesting': `${'<span dir="rtl">'.repeat(10_000)}pass&#x200F; tests&#x200F; All${'</span>'.repeat(10_000)}.`,
  'unclosed-bdo-in-html-block': `<div>${'<bdo dir="rtl">'.repeat(20_000)}${PASS}`,
  'table-of-comment-cells': `| a | b | c |\n|---|---|---|\n${'| <!-- | x | --> |\n'.repeat(10_000)}${PASS}`,
  'row-of-many-cells': `| ${'<!-- | '.repeat(20_000)}\n|${'---|'.repeat(20_000)}${PASS}`,
  'huge-ruby': `<ruby>${'pa<rt>x</rt>ss '.repeat(20_000)}</ruby>${PASS}`,
  'unclosed-rt-run': `a <ruby>${'pa<rt>x'.repeat(20_000)}${PASS}`,
  'cdata-sections-in-svg': `<div><svg>${'<![CDATA[ > ]]>'.repeat(20_000)}</svg></div>${PASS}`,
};

describe('the new reading paths judge a hostile shape, not refuse it', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(text) }, `cost14-${name}`);
      const problems = [endedWithReport(result), flagsOf9(result).includes('FLAG_PROSE_ONLY_PASS') ? undefined : `not flagged: ${summary9(result)}`];
      const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
      if (reasons.includes('limits/')) problems.push(`refused: ${reasons.slice(0, 200)}`);
      const found = problems.filter((problem) => problem !== undefined);
      judge(`cost:${name}`, found.length === 0 ? undefined : found.join('; '));
    }, 60_000);
  }
});
