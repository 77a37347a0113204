import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { writeHostilePacket, type HostileSpec } from './packet-gen.js';
import { runInProcess, type RunResult } from './run.js';
import { SHAPES } from './cost/shapes.js';
import { endedWithReport, judgeCost, reportBytes } from './cost-judge.js';

/**
 * rt-cost (issue 13): hostile text that aims at the normalization and the escaping. These assert
 * structure (a report, a named limit, report size linear in the input), never time; the time ratios
 * are measured by cost/measure.ts and given in the rt-cost report.
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-cost-text-'));
chmodSync(root, 0o755);
let counter = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function inspect(spec: HostileSpec, label: string, limits: Record<string, number> = {}): Promise<RunResult> {
  counter += 1;
  const dir = path.join(root, `${String(counter)}-${label}`);
  mkdirSync(dir, { recursive: true });
  writeHostilePacket(path.join(dir, 'packet'), spec);
  return runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'), limits);
}

function blockedNaming(result: RunResult, prefix: string): string | undefined {
  const reasons = JSON.stringify((result.report as Record<string, unknown> | undefined)?.blocked_reasons ?? []);
  if (result.verdict !== 'BLOCKED') return `verdict ${result.verdict} (exit ${String(result.exitCode)}), expected BLOCKED naming ${prefix}`;
  return reasons.includes(prefix) ? endedWithReport(result) : `BLOCKED without ${prefix}: ${reasons.slice(0, 200)}`;
}

describe('text the normalization expands or reorders', () => {
  it('a combining-mark flood in the prose ends with a report whose size does not follow the flood', async () => {
    const small = await inspect(SHAPES['combining-prose'](20_000), 'comb-prose-s');
    const large = await inspect(SHAPES['combining-prose'](80_000), 'comb-prose-l');
    judgeCost('cost:combining-prose:ended', endedWithReport(large));
    judgeCost('cost:combining-prose:report', reportBytes(large) <= reportBytes(small) + 4_096 ? undefined : `report ${String(reportBytes(small))} → ${String(reportBytes(large))} bytes for 4× the flood`);
  }, 120_000);

  it('U+FDFA (18× under NFKC) filling the prose ends with a report of fixed size', async () => {
    const result = await inspect(SHAPES['fdfa-prose'](200_000), 'fdfa-prose');
    judgeCost('cost:fdfa-prose:ended', endedWithReport(result));
    judgeCost('cost:fdfa-prose:report', reportBytes(result) <= 64 * 1024 ? undefined : `report ${String(reportBytes(result))} bytes`);
  }, 120_000);

  it('claim texts count against a text limit like the prose (maxProseBytes 64 KiB, one 200 KiB claim text)', async () => {
    // The normalization costs ~2.5 µs per non-ASCII code point and ~100 bytes of heap per byte of
    // claim text; only the dossier's text is bounded (maxProseBytes), claim texts are bounded only by
    // packet.json's 128 MiB.
    const result = await inspect(SHAPES['combining-claim-text'](50_000), 'claim-text-limit', { maxProseBytes: 64 * 1024 });
    judgeCost('cost:claim-text:limit', blockedNaming(result, 'limits/'));
  }, 120_000);

  it('a combining-mark flood in a claim text: report size linear in the text', async () => {
    const small = await inspect(SHAPES['combining-claim-text'](20_000), 'comb-claim-s');
    const large = await inspect(SHAPES['combining-claim-text'](80_000), 'comb-claim-l');
    judgeCost('cost:combining-claim-text:ended', endedWithReport(large));
    const ratio = reportBytes(large) / reportBytes(small);
    judgeCost('cost:combining-claim-text:report-linear', ratio <= 4.5 ? undefined : `4× the text gave ${ratio.toFixed(2)}× the report`);
  }, 120_000);
});

describe('report.md escaping', () => {
  it('every character needing an escape: report within maxReportBytes or BLOCKED naming it', async () => {
    const limit = 256 * 1024;
    const result = await inspect(SHAPES['escape-every-char'](400_000), 'escape-all', { maxReportBytes: limit });
    const size = reportBytes(result);
    judgeCost('cost:escape-every-char:bounded', result.verdict === 'BLOCKED' ? blockedNaming(result, 'limits/max_report_bytes') ?? (size > limit ? `BLOCKED report itself ${String(size)} bytes > ${String(limit)}` : undefined) : size <= limit ? endedWithReport(result) : `${result.verdict} with ${String(size)} bytes of reports > maxReportBytes ${String(limit)}`);
  }, 120_000);

  it('escaping grows report.md linearly in the claim text (2× claims → ≤ 2.2× report.md)', async () => {
    const small = await inspect(SHAPES['escape-every-char'](50_000), 'escape-s');
    const large = await inspect(SHAPES['escape-every-char'](100_000), 'escape-l');
    const ratio = (large.markdown ?? '').length / Math.max(1, (small.markdown ?? '').length);
    judgeCost('cost:escape-every-char:linear', ratio <= 2.2 ? endedWithReport(large) : `report.md ${String((small.markdown ?? '').length)} → ${String((large.markdown ?? '').length)} chars (${ratio.toFixed(2)}×)`);
  }, 120_000);
});
