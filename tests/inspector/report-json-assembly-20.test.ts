import { describe, expect, it } from 'vitest';
import { assembleReportJson, serializeClaim, serializeReportHead, serializeReportJson } from '../../src/report/serialize.js';
import type { ClaimReport, Report } from '../../src/report/schema.js';

/**
 * Session 20 (docs/choices.md 94): report.json's buffer is reserved up front from the claims'
 * count, so the size hint is a guess. Whatever it is (none, too small by far, exact, far too
 * large), the bytes are the one serialization of the whole report: grown by copying when short,
 * cut to what was written when long.
 */
const head = { report_schema: 'x', final_verdict: 'UNVERIFIED', claims: [], after: 'é\u2028' } as unknown as Report;

function claims(count: number): ClaimReport[] {
  // ASCII and non-ASCII records, some longer than a batch of the sink's writes and than 2 KiB.
  return Array.from({ length: count }, (_, index) => ({ claim_id: `C${index}`, text: index % 7 === 0 ? `ü${'x'.repeat(index * 37)}` : `plain ${index}`, hebrew: index % 5 === 0 ? '\u05e9\u05dc\u05d5\u05dd' : '' }) as unknown as ClaimReport);
}

describe('report.json assembled into a reserved buffer', () => {
  const records = claims(300);
  const whole = serializeReportJson({ ...head, claims: records });

  it.each([0, 1, 1024, Buffer.byteLength(whole), 300 * 2048, 64 * 1024 * 1024])('size hint %d: the bytes of one JSON.stringify of the whole', (hint) => {
    const bytes = assembleReportJson(serializeReportHead(head), records.map(serializeClaim), hint);
    expect(bytes.toString('utf8')).toBe(whole);
    expect(bytes.length).toBe(Buffer.byteLength(whole));
  });

  it('claims received as bytes splice in the same way, mixed with texts', () => {
    const mixed = records.map((record, index) => (index % 3 === 0 ? Buffer.from(serializeClaim(record), 'utf8') : serializeClaim(record)));
    expect(assembleReportJson(serializeReportHead(head), mixed, 10).toString('utf8')).toBe(whole);
  });
});
