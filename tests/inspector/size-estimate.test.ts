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
