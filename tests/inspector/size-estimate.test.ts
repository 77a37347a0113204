import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectToResult, renderReport } from '../../src/index.js';
import { reportJsonLowerBound } from '../../src/report/size-estimate.js';

/**
 * The early refusal (render.ts) may only refuse a report that could not fit: its estimate must
 * never exceed the real report.json. Checked on every fixture packet, each judged claim by claim.
 */
const fixtures = path.resolve(import.meta.dirname, '../../fixtures/packets');
const packets = readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe('report.json lower bound', () => {
  it.each(packets)('%s: the bound is at most the compact report.json', (name) => {
    const result = inspectToResult(path.join(fixtures, name));
    const rendered = renderReport(result, 'size');
    if (!rendered.ok) throw new Error(`${name}: ${rendered.error.code}`);
    const compact = JSON.stringify(rendered.value.report).length;
    expect(reportJsonLowerBound(result)).toBeLessThanOrEqual(compact);
  });

  it('is not trivially zero for a judged packet (it would refuse nothing)', () => {
    const result = inspectToResult(path.join(fixtures, 'fix7-a'));
    expect(result.claims.length).toBeGreaterThan(0);
    expect(reportJsonLowerBound(result)).toBeGreaterThan(result.claims.length * 700);
  });
});

describe('uncited evidence listed per claim', () => {
  it('lists every cited item, at most MAX_LISTED_UNCITED uncited ones, and says how many more were judged', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { writeHostilePacket } = await import('./red-team/packet-gen.js');
    const { runInProcess } = await import('./red-team/run.js');
    const { sharedSubject } = await import('./red-team/round4/shapes4.js');
    const { MAX_LISTED_UNCITED } = await import('../../src/report/build.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'tki-uncited-'));
    try {
      writeHostilePacket(path.join(dir, 'packet'), sharedSubject(2, 30));
      const run = await runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'));
      const claims = (run.report?.claims ?? []) as Array<{ reasons: string[]; chain: { evidence: Array<{ cited: boolean; item_id: string }>; evidence_capability: unknown[]; adequacy_verdict: { reasons: string[] } } }>;
      expect(claims).toHaveLength(2);
      for (const claim of claims) {
        const { evidence } = claim.chain;
        expect(evidence.filter((entry) => entry.cited).map((entry) => entry.item_id)).toEqual(['log-0']);
        expect(evidence.filter((entry) => !entry.cited)).toHaveLength(MAX_LISTED_UNCITED);
        expect(claim.chain.evidence_capability).toHaveLength(evidence.length);
        expect(claim.reasons.at(-1)).toBe(`${30 - 1 - MAX_LISTED_UNCITED} more uncited items naming the subject were judged and are not listed`);
        expect(claim.chain.adequacy_verdict.reasons).toEqual(claim.reasons);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
