import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import type { HostileItem, HostileSpec, JsonObject } from '../packet-gen.js';
import { bytesUnder, dossier, inspect7, roundRoot, summary } from './gen7.js';
import { createJudge7 } from './judge7.js';

/**
 * rt-packets7, cost of citations. Round 5 bounded what UNCITED items add to a claim's record (at most
 * two); a CITED item is listed in full in every claim that cites it (an evidence entry and a
 * capability entry of ≈ 400 bytes each, with stamps), and so is a dangling citation (plus its id twice
 * more in report.json and three times in report.md). A citation costs the packet 4–6 bytes (`"a1",`),
 * so 256 short citations per claim (maxReferencesPerClaim) give ≈ 80 report bytes per packet byte,
 * within every limit up to maxEvidenceEntries (1,562 such claims ≈ 160 MB of reports from a 2 MB
 * packet). The bound is the one round 4 set for every shape: report bytes ≤ 16 × packet bytes.
 *
 * Measured by hand (CPU of the unsandboxed entry, load ≈ 15 on 2 cores, 2026-12-05 23:25 UTC):
 * 400 claims × 256 distinct short dangling ids: 0.5 MB packet → 40.6 MB reports in 3,695 ms CPU
 * (2,171× reading + sha256 of the packet); 200 claims: 20.3 MB in 1,708 ms (linear in claims).
 * 256 items cited by each of 400 claims: 0.6 MB → 36.8 MB in 3,944 ms (1,845×).
 */
const { judge, checkAllListedRan } = createJudge7('cost');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const MAX_REPORT_PER_PACKET_BYTE = 16;
const CLAIMS = 100;
const REFS = Array.from({ length: 256 }, (_, index) => index.toString(36));

function claimsCiting(refs: readonly string[], count = CLAIMS): JsonObject[] {
  return Array.from({ length: count }, (_, index) => ({ claim_id: `C${String(index)}`, text: 'The tool exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/t.py', evidence_refs: [...refs] }));
}

async function reportPerPacketByte(spec: HostileSpec, label: string): Promise<string | undefined> {
  const result = await inspect7(spec, label);
  if (result.report === undefined) return `no report.json: ${summary(result)}`;
  const packetBytes = bytesUnder(result.packetDir);
  const reportBytes = bytesUnder(result.outDir);
  const ratio = reportBytes / packetBytes;
  return ratio <= MAX_REPORT_PER_PACKET_BYTE ? undefined : `${String(reportBytes)} report bytes for ${String(packetBytes)} packet bytes (${ratio.toFixed(1)}×): ${summary(result)}`;
}

describe('citations cost report bytes in proportion to the packet', () => {
  it('256 distinct short dangling citations per claim', async () => {
    judge('cost:dangling-citations-per-packet-byte', await reportPerPacketByte({ dossierText: dossier('Hello.'), claims: claimsCiting(REFS), items: [] }, 'cost-dangling'));
  }, 120_000);
  it('256 items cited by every claim', async () => {
    const items: HostileItem[] = REFS.map((id) => ({ item_id: id, kind: 'RUN_LOG', path: `logs/${id}.log`, content: `log ${id}\n` }));
    judge('cost:cited-items-per-packet-byte', await reportPerPacketByte({ dossierText: dossier('Hello.'), claims: claimsCiting(REFS), items }, 'cost-cited'));
  }, 120_000);
  it('guard: one dangling id cited 256 times per claim (holds)', async () => {
    judge('cost:same-dangling-id-repeated', await reportPerPacketByte({ dossierText: dossier('Hello.'), claims: claimsCiting(REFS.map(() => 'a')), items: [] }, 'cost-same-dangling'));
  }, 120_000);
});

describe('a flood of malformed identifiers is a dossier error naming the field', () => {
  it('1,000 claims × 256 evidence_refs that break the grammar ("-0": 2.6 MB packet.json)', async () => {
    const refs = Array.from({ length: 256 }, (_, index) => `-${String(index)}`);
    const result = await inspect7({ dossierText: dossier('Hello.'), claims: claimsCiting(refs, 1_000), items: [] }, 'cost-invalid-ids');
    const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
    // 500 claims of such refs give "dossier/invalid at dossier.claims[0].evidence_refs[0]"; 1,000 overflow the stack.
    const ok = result.exitCode === 3 && reasons.includes('dossier/invalid') && reasons.includes('evidence_refs');
    judge('cost:invalid-identifier-flood-names-field', ok ? undefined : `${summary(result)} reasons ${reasons.slice(0, 240)}`);
  }, 120_000);
});
