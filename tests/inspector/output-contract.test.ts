import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasGlobalDenialWording } from '../../policy/index.js';
import { DISCLAIMER, EXIT_CODE_BY_VERDICT, type InspectorExitCode, type Report } from '../../src/index.js';
import { FIXTURES, serializeFixture } from './fixture-packets/index.js';
import { readReport, scratchDir } from './helpers.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

const next = scratchDir('contract');

/** Run every fixture once; the contract below must hold for each report. */
async function allReports(): Promise<Array<{ name: string; exitCode: number; report: Report; files: string[] }>> {
  const runs = [];
  for (const fixture of FIXTURES) {
    const outDir = path.join(next(), 'out');
    const packetPath = path.join('fixtures/packets', fixture.name, serializeFixture(fixture).packetPath);
    const outcome = await inspectToDirectory({ packetPath, outDir, name: fixture.name });
    runs.push({ name: fixture.name, exitCode: outcome.exitCode, report: readReport(outDir), files: outcome.reportFiles });
  }
  return runs;
}

const runs = await allReports();

function objectsIn(value: unknown, at = '$'): Array<{ at: string; object: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => objectsIn(entry, `${at}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return [{ at, object: record }, ...Object.entries(record).flatMap(([key, entry]) => objectsIn(entry, `${at}.${key}`))];
}

describe('output contract over every fixture (SPEC §4, §5)', () => {
  it('row 38: the exit code is never 0, at runtime or by type', () => {
    // @ts-expect-error — 0 is not an InspectorExitCode; if it ever becomes one, typecheck fails here.
    const zero: InspectorExitCode = 0;
    expect(zero).toBe(0);
    expect(Object.values(EXIT_CODE_BY_VERDICT).sort()).toEqual([1, 2, 3]);
    for (const run of runs) expect([1, 2, 3], run.name).toContain(run.exitCode);
  });

  it('row 39: every object in every report.json carries decision_effect NONE and may_gate false', () => {
    for (const run of runs) {
      for (const { at, object } of objectsIn(run.report)) {
        expect(object.decision_effect, `${run.name} ${at}`).toBe('NONE');
        expect(object.may_gate, `${run.name} ${at}`).toBe(false);
      }
      expect(run.report).toMatchObject({ proves_execution: false, proves_global_absence: false, production_mutation: false });
    }
  });

  it('row 40: every negative claim verdict carries scope_of_denial, and every report the disclaimer', () => {
    for (const run of runs) {
      expect(run.report.disclaimer).toBe(DISCLAIMER);
      for (const claim of run.report.claims.filter((entry) => entry.verdict !== 'NO_READ_LEVEL_DEFECT_FOUND')) {
        expect(claim.scope_of_denial.packet_id, `${run.name} ${claim.claim_id}`).toBe(run.report.packet.packet_id);
        expect(claim.scope_of_denial.packet_as_of).toBe(run.report.packet.packet_as_of);
        expect(Array.isArray(claim.scope_of_denial.surfaces_searched)).toBe(true);
      }
      if (run.report.packet.packet_id !== null && run.report.final_verdict !== 'BLOCKED') {
        expect(run.report.scope_of_denial.surfaces_searched.length, run.name).toBeGreaterThan(0);
      }
    }
  });

  it('row 41: no emitted file contains global-absence wording', () => {
    for (const run of runs) {
      for (const file of run.files) expect(hasGlobalDenialWording(readFileSync(file, 'utf8')), `${run.name} ${path.basename(file)}`).toBe(false);
    }
    const trap = runs.find((run) => run.name === 'global-denial-trap-d');
    expect(trap?.report.flags).toContain('FLAG_GLOBAL_DENIAL_WORDING');
    expect(trap?.report.flag_details.filter((detail) => detail.flag === 'FLAG_GLOBAL_DENIAL_WORDING').length).toBeGreaterThan(0);
  });

  it('row 42: exactly the three files, side by side in the output root', () => {
    for (const run of runs) {
      expect(run.files.map((file) => path.basename(file)).sort(), run.name).toEqual(['checkpoint-' + run.name + '.md', 'report.json', 'report.md'].sort());
      expect(new Set(run.files.map((file) => path.dirname(file))).size).toBe(1);
    }
  });

  it('report.md puts the verdict first, then claims, flags, and the scope/disclaimer, in that order', () => {
    for (const run of runs) {
      const markdown = readFileSync(run.files.find((file) => file.endsWith('report.md')) ?? '', 'utf8');
      expect(markdown.split('\n')[0], run.name).toBe(`# Inspection report: ${run.report.final_verdict}`);
      const order = ['## Claims', '## Flags', '## Scope of denial and disclaimer'].map((heading) => markdown.indexOf(heading));
      expect(order.every((index) => index > 0) && order[0]! < order[1]! && order[1]! < order[2]!, run.name).toBe(true);
    }
  });

  it('the checkpoint names what was inspected, the verdict, the evidence used and the no-mutation statement', () => {
    for (const run of runs) {
      const checkpoint = readFileSync(run.files.find((file) => path.basename(file).startsWith('checkpoint-')) ?? '', 'utf8');
      expect(checkpoint).toContain(run.report.final_verdict);
      expect(checkpoint).toContain('Evidence used:');
      expect(checkpoint).toContain('No-mutation statement');
    }
  });
});
