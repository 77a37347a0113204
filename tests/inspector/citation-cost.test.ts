import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHostilePacket, type HostileItem, type HostileSpec, type JsonObject } from './red-team/packet-gen.js';
import { runInProcess } from './red-team/run.js';

/**
 * Citations cost the report what they cost the packet (issue 13, round 7). A citation is its id in
 * `evidence_refs` (4–6 bytes); the report names it in the claim's two evidence groups (and in a
 * report.md cell, up to a display limit), and what the item is once per report (`evidence_items`);
 * dangling ids are one finding per claim naming the first 16. Round 7 measured 60–80 report bytes
 * per packet byte. The bound here, for every shape of citation: report bytes ≤ 4 × packet bytes
 * (round 4's bound for any packet, a claim's fixed record included, stays 16).
 */
const MAX_REPORT_PER_PACKET_BYTE = 4;
const root = mkdtempSync(path.join(tmpdir(), 'tki-citation-cost-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const IDS = Array.from({ length: 256 }, (_, index) => index.toString(36));

function bytesUnder(dir: string): number {
  return readdirSync(dir).reduce((total, name) => {
    const entry = path.join(dir, name);
    return total + (statSync(entry).isDirectory() ? bytesUnder(entry) : statSync(entry).size);
  }, 0);
}

function claimsCiting(refs: (index: number) => readonly string[], count = 100): JsonObject[] {
  return Array.from({ length: count }, (_, index) => ({ claim_id: `C${String(index)}`, text: 'The tool exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/t.py', evidence_refs: [...refs(index)] }));
}

async function ratio(label: string, spec: HostileSpec): Promise<{ ratio: number; report: Record<string, unknown> | undefined; markdown: string }> {
  const dir = path.join(root, label);
  writeHostilePacket(path.join(dir, 'packet'), spec);
  const run = await runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'));
  return { ratio: bytesUnder(path.join(dir, "out")) / bytesUnder(path.join(dir, "packet")), report: run.report, markdown: run.markdown ?? '' };
}

const logs: HostileItem[] = IDS.map((id) => ({ item_id: id, kind: 'RUN_LOG', path: `logs/${id}.log`, content: `log ${id}\n` }));
const dossierText = '# D\n\nHello.\n';

describe('report bytes per packet byte, for every shape of citation', () => {
  it('256 distinct dangling ids per claim: one finding per claim, naming the first 16 and counting the rest', async () => {
    const run = await ratio('dangling', { dossierText, claims: claimsCiting(() => IDS), items: [] });
    expect(run.ratio).toBeLessThanOrEqual(MAX_REPORT_PER_PACKET_BYTE);
    const claim = (run.report?.claims as Array<{ verdict: string; reasons: string[]; chain: Record<string, unknown> }>)[0];
    expect(claim?.verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
    // The ids are packet text: listed in the chain, never in tki's words (issue 13, round 12b).
    expect(claim?.reasons[0]).toBe('citation/not_in_packet: the claim cites 256 item id(s) that name no item in this packet (the first 16 are listed in dangling_citations)');
    expect(claim?.chain.dangling_citations).toMatchObject({ count: 256, item_ids: IDS.slice(0, 16) });
    expect(claim?.chain.evidence).toEqual([]);
    expect(run.markdown).toContain('## Dangling citations (citation/not_in_packet)');
  }, 120_000);

  it('256 items cited by each of 100 claims: each listed once per claim in its groups, described once per report', async () => {
    const run = await ratio('cited', { dossierText, claims: claimsCiting(() => IDS), items: logs });
    expect(run.ratio).toBeLessThanOrEqual(MAX_REPORT_PER_PACKET_BYTE);
    const claims = run.report?.claims as Array<{ chain: { evidence: Array<{ item_ids: string[] }>; evidence_capability: Array<{ item_ids: string[] }> } }>;
    for (const step of [claims[0]?.chain.evidence, claims[0]?.chain.evidence_capability]) expect(step?.flatMap((group) => group.item_ids).sort()).toEqual([...IDS].sort());
    expect((run.report?.evidence_items as unknown[]).length).toBe(256);
  }, 120_000);

  it('half cited, half dangling, each claim its own ids', async () => {
    const run = await ratio('mixed', { dossierText, claims: claimsCiting((index) => IDS.map((id, at) => (at % 2 === 0 ? id : `gone-${String(index)}-${id}`))), items: logs });
    expect(run.ratio).toBeLessThanOrEqual(MAX_REPORT_PER_PACKET_BYTE);
  }, 120_000);
});
