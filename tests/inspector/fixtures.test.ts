import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../src/index.js';
import { FIXTURES, serializeFixture } from './fixture-packets/index.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

const FIXTURE_ROOT = path.resolve('fixtures/packets');
const scratch = mkdtempSync(path.join(tmpdir(), 'tki-fixtures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesUnder(directory: string, prefix = ''): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
}

/** An oracle written from SPEC §1's words, independent of src/packet/manifest.ts. */
function verifiesBySpec(fixtureDir: string, packetFile: string): boolean {
  const packet = JSON.parse(readFileSync(path.join(fixtureDir, packetFile), 'utf8')) as { manifest_hash: string; items: Array<Record<string, any>> };
  const lines: string[] = [];
  for (const item of packet.items) {
    const declared = item.source_metadata?.content_hash;
    if (typeof declared !== 'string') return false;
    const file = typeof item.content_file === 'string' ? path.join(fixtureDir, item.content_file) : undefined;
    if (file !== undefined && (!path.resolve(file).startsWith(fixtureDir + path.sep) || !existsSync(file))) return false;
    const bytes = file === undefined ? Buffer.from(String(item.content), 'utf8') : readFileSync(file);
    if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` !== declared) return false;
    lines.push(`${item.item_id} ${declared}\n`);
  }
  const ids = packet.items.map((item) => String(item.item_id));
  const sorted = lines.map((line, index) => ({ id: ids[index] ?? '', line })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `sha256:${createHash('sha256').update(sorted.map((entry) => entry.line).join(''), 'utf8').digest('hex')}` === packet.manifest_hash;
}

describe('fixture packets', () => {
  it('cover every fixture directory and nothing else', () => {
    const onDisk = readdirSync(FIXTURE_ROOT).filter((entry) => statSync(path.join(FIXTURE_ROOT, entry)).isDirectory()).sort();
    expect(onDisk).toEqual(FIXTURES.map((fixture) => fixture.name).sort());
  });

  for (const fixture of FIXTURES) {
    describe(fixture.name, () => {
      const serialized = serializeFixture(fixture);
      const directory = path.join(FIXTURE_ROOT, fixture.name);
      const expected = JSON.parse(readFileSync(path.join(directory, 'expected.json'), 'utf8')) as Record<string, any>;

      it('is in sync with its definition (npm run fixtures:packets regenerates it)', () => {
        expect(filesUnder(directory).sort()).toEqual([...serialized.files.keys()].sort());
        for (const [relative, content] of serialized.files) expect(readFileSync(path.join(directory, relative), 'utf8'), relative).toBe(content);
      });

      it(expected.hashes_valid ? 'has hashes and a manifest that verify' : 'has a hash or manifest that deliberately does not verify', () => {
        expect(verifiesBySpec(directory, String(expected.packet))).toBe(expected.hashes_valid);
      });

      it(`gives ${expected.final_verdict}, exit ${expected.exit_code}`, async () => {
        const outDir = path.join(scratch, fixture.name);
        const outcome = await inspectToDirectory({ packetPath: path.join(directory, serialized.packetPath), outDir, name: fixture.name });
        const report = reportSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8'))) as Report;
        expect(outcome.exitCode).toBe(expected.exit_code);
        expect(outcome.verdict).toBe(expected.final_verdict);
        expect(report.final_verdict).toBe(expected.final_verdict);
        if (expected.article14_status !== undefined) expect(report.article14_status).toBe(expected.article14_status);
        if (expected.triage_outcome !== undefined) expect(report.triage_outcome).toBe(expected.triage_outcome);
        if (expected.claims !== undefined) {
          expect(Object.fromEntries(report.claims.map((claim) => [claim.claim_id, claim.verdict]))).toEqual(expected.claims);
        }
        for (const [claimId, flags] of Object.entries((expected.claim_flags ?? {}) as Record<string, string[]>)) {
          expect(report.claims.find((claim) => claim.claim_id === claimId)?.flags).toEqual(expect.arrayContaining(flags));
        }
        for (const [claimId, codes] of Object.entries((expected.claim_reasons_include ?? {}) as Record<string, string[]>)) {
          const reasons = report.claims.find((claim) => claim.claim_id === claimId)?.reasons ?? [];
          for (const code of codes) expect(reasons.some((reason) => reason.startsWith(code)), `${claimId} ${code}`).toBe(true);
        }
        for (const flag of (expected.flags_include ?? []) as string[]) expect(report.flags).toContain(flag);
        for (const flag of (expected.flags_exclude ?? []) as string[]) expect(report.flags).not.toContain(flag);
        const codes = report.blocked_reasons.map((reason) => reason.code);
        for (const code of (expected.blocked_codes_include ?? []) as string[]) expect(codes).toContain(code);
        if (expected.inventory_complete !== undefined) expect(report.inventory_complete).toBe(expected.inventory_complete);
        if (expected.items_usable !== undefined) expect(report.items_usable).toBe(expected.items_usable);
        for (const [claimId, corpora] of Object.entries((expected.claim_corpora ?? {}) as Record<string, string[]>)) {
          const claim = report.claims.find((entry) => entry.claim_id === claimId);
          expect(claim?.corpus_reports.map((entry) => entry.corpus).sort()).toEqual([...corpora].sort());
          expect(claim?.corpus_reports.every((entry) => entry.item_ids.length > 0)).toBe(true);
          // Each corpus names only its own items: nothing is joined.
          expect(new Set(claim?.corpus_reports.flatMap((entry) => entry.item_ids)).size).toBe(claim?.corpus_reports.flatMap((entry) => entry.item_ids).length);
        }
        expect(readdirSync(outDir).sort()).toEqual(['checkpoint-' + fixture.name + '.md', 'report.json', 'report.md'].sort());
      });
    });
  }
});
