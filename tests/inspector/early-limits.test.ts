import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHostilePacket, type HostileItem, type JsonObject } from './red-team/packet-gen.js';
import { runInProcess } from './red-team/run.js';

/**
 * maxEvidenceEntries is checked from counts before the work it bounds (session 9): distinct citations
 * right after parsing, and with the uncited items binding each subject (bound once per subject)
 * before any claim is judged. The reason says which count was over.
 */
const root = mkdtempSync(path.join(tmpdir(), 'tki-early-limits-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dossierText = '# D\n\nHello.\n';

async function reasons(label: string, claims: JsonObject[], items: HostileItem[], maxEvidenceEntries: number): Promise<string> {
  const dir = path.join(root, label);
  writeHostilePacket(path.join(dir, 'packet'), { dossierText, claims, items });
  const run = await runInProcess(path.join(dir, 'packet'), path.join(dir, 'out'), { maxEvidenceEntries });
  expect(run.exitCode).toBe(3);
  return JSON.stringify(run.report?.blocked_reasons ?? []);
}

describe('maxEvidenceEntries', () => {
  it('distinct citations over the limit are refused right after parsing', async () => {
    const claims = Array.from({ length: 4 }, (_, index) => ({ claim_id: `C${String(index)}`, text: 't', claim_type: 'ARTIFACT_EXISTS', subject: 'a.py', evidence_refs: ['x1', 'x2', 'x3', 'x1'] }));
    expect(await reasons('cited', claims, [], 11)).toContain('the claims cite 12 distinct items');
  });

  it('claims on one subject × listings naming it: counted (each subject bound once) before any claim is judged', async () => {
    const listings: HostileItem[] = Array.from({ length: 5 }, (_, index) => ({ item_id: `l${String(index)}`, kind: 'ARTIFACT_LISTING', path: `listings/l${String(index)}.txt`, content: `tools/shared.py sha256:${'a'.repeat(64)}\n` }));
    const claims = Array.from({ length: 5 }, (_, index) => ({ claim_id: `C${String(index)}`, text: 'The tool exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/shared.py', evidence_refs: [] }));
    expect(await reasons('shared', claims, listings, 24)).toContain('the claims would consider 25');
  });
});
