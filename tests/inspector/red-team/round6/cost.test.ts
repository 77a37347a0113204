import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim } from '../packet-gen.js';
import { dossier, inspect6, roundRoot, summary } from './gen6.js';
import { createJudge6 } from './judge6.js';

/**
 * rt-packets6, cost: one dossier paragraph of the inputs that make CommonMark parsers quadratic
 * (unclosed link destinations, unclosed inline HTML, alternating emphasis delimiters, backtick runs of
 * growing length, bare carriage returns). Measured by hand (CPU, load ≈ 20 on 2 cores, the report's
 * figures): linear, but 0.4–0.6 µs per dossier byte (6 MB of `<a ` 3.7 s CPU, of `*a_` 2.6 s, of
 * `a\r` 3.0 s, against 0.36 s for 6 MB of "pass "). Timing is not asserted here (house rule: speed
 * is measured in the benchmark); the checks are that each ends in a judged report of bounded size.
 */
const { judge, checkAllListedRan } = createJudge6('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const SIZE = 1_000_000;
function grow(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length));
}
function growingBackticks(): string {
  let text = '';
  for (let run = 1; text.length < SIZE; run = (run % 200) + 1) text += `a${'`'.repeat(run)}`;
  return text;
}

const SHAPES: Record<string, () => string> = {
  'unclosed-link-destinations': () => grow('[a]('),
  'unclosed-inline-html': () => grow('<a '),
  'unclosed-html-comments': () => grow('<!-- '),
  'alternating-emphasis': () => grow('*a_'),
  'nested-emphasis': () => grow('*a **a '),
  'growing-backtick-runs': growingBackticks,
  'open-brackets': () => grow('!['),
  'bare-carriage-returns': () => grow('a\r'),
};

describe('pathological Markdown in the dossier ends in a judged report', () => {
  const base = backedCountClaim();
  for (const [name, make] of Object.entries(SHAPES)) {
    it(name, async () => {
      const result = await inspect6({ dossierText: dossier(make()), claims: [base.claim], items: [base.item] }, `cost-${name}`);
      const problems: string[] = [];
      if (result.exitCode !== 1 && result.exitCode !== 2) problems.push(summary(result));
      if (result.report === undefined) problems.push('no report.json');
      else {
        const packetBytes = statSync(path.join(result.packetDir, 'content', 'dossier.md')).size;
        const reportBytes = statSync(path.join(result.outDir, 'report.json')).size;
        if (reportBytes > 16 * packetBytes) problems.push(`report.json ${String(reportBytes)} bytes for ${String(packetBytes)} of dossier`);
      }
      judge(`cost:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    }, 120_000);
  }
});
