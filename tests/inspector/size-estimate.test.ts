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
  async function sharedSubjectRun(cite: boolean): Promise<Array<{ reasons: string[]; chain: { evidence: Array<{ cited: boolean; item_ids: string[] }>; evidence_capability: unknown[] } }>> {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { writeHostilePacket } = await import('./red-team/packet-gen.js');
    const { runInProcess } = await import('./red-team/run.js');
    const { sharedSubject } = await import('./red-team/round4/shapes4.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'tki-uncited-'));
    try {
      const spec = sharedSubject(2, 30);
      writeHostilePacket(path.join(dir, 'packet'), cite ? spec : { ...spec, claims: spec.claims?.map((claim) => ({ ...claim, evidence_refs: [] })) });
      const run = await runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'));
      return (run.report?.claims ?? []) as Awaited<ReturnType<typeof sharedSubjectRun>>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('lists every cited item and no uncited one that adds no class to a qualifying cited one, and says how many were judged', async () => {
    const claims = await sharedSubjectRun(true);
    expect(claims).toHaveLength(2);
    for (const claim of claims) {
      const { evidence } = claim.chain;
      expect(evidence.flatMap((group) => group.item_ids)).toEqual(['log-0']);
      expect(claim.chain.evidence_capability).toHaveLength(1);
      expect(claim.reasons.at(-1)).toBe('29 uncited items naming the subject were judged and not listed');
    }
  });

  it('lists an uncited item when it brings a class no listed item has (one log here), at most MAX_LISTED_UNCITED', async () => {
    const { MAX_LISTED_UNCITED } = await import('../../src/report/build.js');
    expect(MAX_LISTED_UNCITED).toBeGreaterThanOrEqual(1);
    const claims = await sharedSubjectRun(false);
    expect(claims).toHaveLength(2);
    for (const claim of claims) {
      const { evidence } = claim.chain;
      expect(evidence.map((entry) => entry.cited)).toEqual([false]);
      expect(claim.chain.evidence_capability).toHaveLength(1);
      expect(claim.reasons.at(-1)).toBe('29 uncited items naming the subject were judged and not listed');
    }
  });
});
