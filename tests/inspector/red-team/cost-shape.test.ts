import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, writeHostilePacket, type HostileSpec, type JsonObject } from './packet-gen.js';
import { runInProcess, type RunResult } from './run.js';
import { SHAPES } from './cost/shapes.js';
import { endedWithReport, judgeCost, reportBytes } from './cost-judge.js';

/**
 * rt-cost (issue 13): packet shapes aimed at per-claim or per-reference blow-up, identifiers and
 * hashes of odd sizes, and nesting at the depth limit. Structure only (reports, limits, sizes).
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-rt-cost-shape-'));
chmodSync(root, 0o755);
let counter = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

function freshDir(label: string): string {
  counter += 1;
  const dir = path.join(root, `${String(counter)}-${label}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function inspect(spec: HostileSpec, label: string, limits: Record<string, number> = {}): Promise<RunResult> {
  const dir = freshDir(label);
  writeHostilePacket(path.join(dir, 'packet'), spec);
  return runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'), limits);
}

/** Rewrite packet.json through `edit` (for shapes the generator cannot express) and inspect. */
async function inspectEdited(spec: HostileSpec, label: string, edit: (text: string) => string): Promise<RunResult> {
  const dir = freshDir(label);
  writeHostilePacket(path.join(dir, 'packet'), spec);
  const file = path.join(dir, 'packet', 'packet.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'));
}

describe('per-claim and per-reference blow-up', () => {
  it('claims citing the same listing 200 times each cost what one citation does (report size)', async () => {
    const base = SHAPES['tiny-entries-listing'](50);
    const once = await inspect({ ...base, claims: (base.claims ?? []).map((claim) => ({ ...claim, evidence_refs: ['listing-tiny'] })) }, 'refs-once');
    const many = await inspect(base, 'refs-200');
    judgeCost('cost:duplicate-refs:ended', endedWithReport(many));
    const ratio = reportBytes(many) / reportBytes(once);
    judgeCost('cost:duplicate-refs:report', ratio <= 1.5 ? undefined : `200 duplicate citations per claim gave ${ratio.toFixed(1)}× the report of one (${String(reportBytes(once))} → ${String(reportBytes(many))} bytes)`);
  }, 120_000);

  it('many claims with the same claim_id end with a report that is linear in the claims', async () => {
    const small = await inspect(SHAPES['duplicate-claim-ids'](500), 'dup-ids-s');
    const large = await inspect(SHAPES['duplicate-claim-ids'](2_000), 'dup-ids-l');
    judgeCost('cost:duplicate-claim-ids:ended', endedWithReport(large));
    const ratio = reportBytes(large) / Math.max(1, reportBytes(small));
    judgeCost('cost:duplicate-claim-ids:linear', ratio <= 4.5 ? undefined : `4× the duplicates gave ${ratio.toFixed(1)}× the report`);
  }, 120_000);

  it('a packet BLOCKED for duplicate claim ids is not judged claim by claim (its report stays small)', async () => {
    // Like a limit refusal: 100,000 duplicates gave a 27.9 MB report.json and a 10.7 MB report.md
    // after 5.4 s CPU (6.6× reading and parsing packet.json) for a packet that is refused anyway.
    const result = await inspect(SHAPES['duplicate-claim-ids'](2_000), 'dup-ids-refusal');
    const reasons = JSON.stringify((result.report as JsonObject | undefined)?.blocked_reasons ?? []);
    const problem = result.verdict !== 'BLOCKED' || !reasons.includes('dossier/duplicate_claim_id') ? `verdict ${result.verdict}, reasons ${reasons.slice(0, 160)}` : reportBytes(result) > 64 * 1024 ? `BLOCKED report is ${String(reportBytes(result))} bytes for 2,000 duplicate claims` : undefined;
    judgeCost('cost:duplicate-claim-ids:refusal-small', problem);
  }, 120_000);

  it('a 128 KiB subject on many claims: the report does not copy it per claim and per entry without bound', async () => {
    const result = await inspect(SHAPES['long-subject'](20_000), 'long-subject');
    judgeCost('cost:long-subject:ended', endedWithReport(result));
    const packetBytes = 20 * 128 * 1024;
    judgeCost('cost:long-subject:report', reportBytes(result) <= 3 * packetBytes ? undefined : `report ${String(reportBytes(result))} bytes for ${String(packetBytes)} bytes of subjects`);
  }, 120_000);
});

describe('identifiers and hashes of odd sizes', () => {
  for (const [name, hash] of [
    ['63 hex digits', `sha256:${'a'.repeat(63)}`],
    ['65 hex digits', `sha256:${'a'.repeat(65)}`],
    ['4 MiB of hex digits', `sha256:${'a'.repeat(4 * 1024 * 1024)}`],
    ['an empty digest', 'sha256:'],
  ] as const) {
    it(`a content_hash of ${name} ends BLOCKED with a small report`, async () => {
      const result = await inspectEdited({ dossierText: '# x\n' }, `hash-${name.replace(/\W+/g, '-')}`, (text) => text.replace(/"content_hash":"sha256:[0-9a-f]{64}"/, `"content_hash":${JSON.stringify(hash)}`));
      judgeCost(`cost:odd-hash:${name}`, endedWithReport(result) ?? (result.verdict !== 'BLOCKED' ? `verdict ${result.verdict}` : reportBytes(result) > 64 * 1024 ? `report ${String(reportBytes(result))} bytes` : undefined));
    }, 60_000);
  }

  it('a 4 MiB manifest_hash and a 4 MiB claim_id end BLOCKED with a small report', async () => {
    const { claim, item } = backedCountClaim();
    const spec: HostileSpec = { dossierText: '# x\n', claims: [{ ...claim, claim_id: `C${'x'.repeat(4 * 1024 * 1024)}` } as JsonObject], items: [item] };
    const result = await inspectEdited(spec, 'huge-ids', (text) => text.replace(/"manifest_hash":"[^"]*"/, `"manifest_hash":"sha256:${'b'.repeat(4 * 1024 * 1024)}"`));
    judgeCost('cost:huge-identifiers', endedWithReport(result) ?? (result.verdict !== 'BLOCKED' ? `verdict ${result.verdict}` : reportBytes(result) > 64 * 1024 ? `report ${String(reportBytes(result))} bytes` : undefined) ?? (result.line.length > 2_000 ? `verdict line ${String(result.line.length)} chars` : undefined));
  }, 60_000);
});

describe('nesting at the depth limit', () => {
  it('packet.json nested to 63 levels inside a claim is a dossier error, not a crash', async () => {
    const { claim, item } = backedCountClaim();
    // packet → dossier → claims → [claim] → count: 4 levels, then 58 nested objects.
    const deep = `${'{"a":'.repeat(58)}1${'}'.repeat(58)}`;
    const result = await inspectEdited({ dossierText: '# x\n', claims: [claim], items: [item] }, 'depth-63', (text) => text.replace(/"count":\{[^}]*\}/, `"count":${deep}`));
    judgeCost('cost:depth-63:ended', endedWithReport(result) ?? (result.verdict === 'BLOCKED' ? undefined : `verdict ${result.verdict}`));
  }, 60_000);

  it('a listing of 1,000 entries each nested 60 levels deep ends with a report', async () => {
    const entry = `${'['.repeat(60)}"tools/a.py"${']'.repeat(60)}`;
    const content = `{"entries":[${Array.from({ length: 1_000 }, () => entry).join(',')}]}`;
    const result = await inspect({ dossierText: '# x\n', claims: [{ claim_id: 'C1', text: 'tools/a.py exists', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/a.py', evidence_refs: ['deep'] }], items: [{ item_id: 'deep', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'application/json', surface: 'pg:dot_tools', content }] }, 'deep-entries');
    judgeCost('cost:deep-listing-entries:ended', endedWithReport(result));
  }, 60_000);
});
