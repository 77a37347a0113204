import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHostilePacket, type HostileItem, type JsonObject } from './red-team/packet-gen.js';
import { runInProcess } from './red-team/run.js';
import { parsePacketText } from '../../src/packet/parse.js';
import { DEFAULT_LIMITS } from '../../src/pipeline/limits.js';

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

/**
 * The claim text limits are judged on a bound (three UTF-8 bytes per UTF-16 code unit) and the
 * bytes counted only when the bound is over (session 12): a text of two-byte characters just within
 * a limit passes, one more character is refused, and the reason names the exact byte counts.
 */
describe('maxClaimTextBytes and maxClaimTextBytesTotal count UTF-8 bytes', () => {
  const packetWith = (subjects: string[]): string =>
    JSON.stringify({ schema: 'b7-governed-packet/v1', dossier: { claims: subjects.map((subject, index) => ({ claim_id: `C${index}`, text: 't', subject })) } });
  const limitReasons = (subjects: string[], limits: Partial<typeof DEFAULT_LIMITS>): string[] =>
    parsePacketText(packetWith(subjects), { ...DEFAULT_LIMITS, ...limits }).headerErrors.map((error) => `${error.code} ${error.detail ?? ''}`);

  it('per field: within the limit by its bytes, not refused by its bound', () => {
    // 'é' is one code unit and two bytes: 5 of them are 10 bytes (bound 15).
    expect(limitReasons(['é'.repeat(5)], { maxClaimTextBytes: 10 }).filter((reason) => reason.startsWith('limits/'))).toEqual([]);
    expect(limitReasons(['é'.repeat(6)], { maxClaimTextBytes: 10 })).toEqual(['limits/max_claim_text_bytes maxClaimTextBytes = 10; this subject is 12 bytes']);
  });

  it('in total: the exact bytes of every text and subject', () => {
    // Per claim: text 't' (1 byte) and 4 × 'é' (8 bytes); 3 claims are 27 bytes (bound 45).
    const subjects = ['éééé', 'éééé', 'éééé'];
    expect(limitReasons(subjects, { maxClaimTextBytesTotal: 27 }).filter((reason) => reason.startsWith('limits/'))).toEqual([]);
    expect(limitReasons(subjects, { maxClaimTextBytesTotal: 26 })).toEqual(["limits/max_claim_text_bytes_total maxClaimTextBytesTotal = 26; the claims' texts and subjects are 27 bytes"]);
  });
});
