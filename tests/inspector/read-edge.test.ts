import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, sha256Ref } from '../../src/index.js';
import { itemById, metadataOf, resealManifest } from './fixture-packets/kit.js';
import { EXPORT_POLICY_TEXT, realDossier } from './fixture-packets/real.js';
import { readReport, scratchDir, writePacket } from './helpers.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

const next = scratchDir('read-edge');

/** The real dossier with kb-export-policy's content file replaced by `place(packetDir)`'s result. */
async function withPolicyFile(place: (packetDir: string, outside: string) => string, limits = DEFAULT_LIMITS) {
  const directory = next();
  const built = realDossier();
  built.files.delete('content/export-policy.md');
  const packetDir = writePacket(directory, built);
  const outside = path.join(directory, 'outside.md');
  writeFileSync(outside, 'secret\n');
  itemById(built, 'kb-export-policy').content_file = place(packetDir, outside);
  writeFileSync(path.join(packetDir, 'packet.json'), JSON.stringify(built.packet));
  const outDir = path.join(directory, 'out');
  const outcome = await inspectToDirectory({ packetPath: packetDir, outDir }, limits);
  const report = readReport(outDir);
  return { outcome, report, r3: report.claims.find((claim) => claim.claim_id === 'R3') };
}

describe('read edge: content_file stays inside the packet directory (SPEC §2, row 29)', () => {
  it('refuses a file symlink that leaves the packet directory', async () => {
    const { outcome, r3 } = await withPolicyFile((packetDir, outside) => {
      symlinkSync(outside, path.join(packetDir, 'content', 'link.md'));
      return 'content/link.md';
    });
    expect(r3?.verdict).toBe('BLOCKED_BY_UNSAFE_ACCESS');
    expect(outcome.exitCode).toBe(3);
  });

  it('refuses a directory symlink that leaves the packet directory', async () => {
    const { r3 } = await withPolicyFile((packetDir, outside) => {
      symlinkSync(path.dirname(outside), path.join(packetDir, 'escape'));
      return 'escape/outside.md';
    });
    expect(r3?.verdict).toBe('BLOCKED_BY_UNSAFE_ACCESS');
  });

  it('refuses absolute paths and `..` segments without reading them', async () => {
    for (const hostile of ['/etc/passwd', 'content/../../outside.md', '..', 'C:/x', '~/x']) {
      const { r3, report } = await withPolicyFile(() => hostile);
      expect(r3?.verdict, hostile).toBe('BLOCKED_BY_UNSAFE_ACCESS');
      expect(report.item_findings.find((finding) => finding.item_id === 'kb-export-policy')?.problems.join(' ')).toContain('provenance/path_escape');
    }
  });

  it('refuses special files (a FIFO) and never blocks on them', async () => {
    const { r3 } = await withPolicyFile((packetDir) => {
      execFileSync('mkfifo', [path.join(packetDir, 'content', 'pipe')]);
      return 'content/pipe';
    });
    expect(r3?.verdict).toBe('BLOCKED_BY_UNSAFE_ACCESS');
  });

  it('refuses a directory named as a content file (opened, judged by fstat, never read)', async () => {
    const { r3, report } = await withPolicyFile((packetDir) => {
      mkdirSync(path.join(packetDir, 'content', 'a-directory'));
      return 'content/a-directory';
    });
    expect(r3?.verdict).toBe('BLOCKED_BY_UNSAFE_ACCESS');
    expect(report.item_findings.find((finding) => finding.item_id === 'kb-export-policy')?.problems.join(' ')).toContain('not a regular file');
  });

  it('accepts a symlink that stays inside the packet directory (hash still re-matched)', async () => {
    const { r3 } = await withPolicyFile((packetDir) => {
      mkdirSync(path.join(packetDir, 'store'), { recursive: true });
      writeFileSync(path.join(packetDir, 'store', 'policy.md'), EXPORT_POLICY_TEXT);
      symlinkSync('../store/policy.md', path.join(packetDir, 'content', 'inside-link.md'));
      return 'content/inside-link.md';
    });
    expect(r3?.verdict).toBe('NO_READ_LEVEL_DEFECT_FOUND');
  });

  it('enforces the per-item size limit with a clear error', async () => {
    const { r3, report } = await withPolicyFile((packetDir) => {
      writeFileSync(path.join(packetDir, 'content', 'big.md'), 'x'.repeat(4096));
      return 'content/big.md';
    }, { ...DEFAULT_LIMITS, maxItemBytes: 1024 });
    expect(r3?.verdict).toBe('BLOCKED_BY_UNVERIFIED_SOURCE');
    expect(JSON.stringify(report.item_findings)).toContain('provenance/content_too_large');
  });
});

describe('read edge: packet.json', () => {
  it('blocks a packet.json over the size limit before parsing it', async () => {
    const directory = next();
    const packetDir = writePacket(directory, realDossier());
    const outDir = path.join(directory, 'out');
    const outcome = await inspectToDirectory({ packetPath: packetDir, outDir }, { ...DEFAULT_LIMITS, maxPacketJsonBytes: 100 });
    expect(outcome.exitCode).toBe(3);
    expect(readReport(outDir).blocked_reasons.map((reason) => reason.code)).toEqual(['packet/too_large']);
  });

  it('refuses a packet.json that is a symlink (to anywhere)', async () => {
    const directory = next();
    const real = writePacket(directory, realDossier());
    const packetDir = path.join(directory, 'linked');
    mkdirSync(packetDir);
    symlinkSync(path.join(real, 'packet.json'), path.join(packetDir, 'packet.json'));
    const outcome = await inspectToDirectory({ packetPath: packetDir, outDir: path.join(directory, 'out') });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.line).toContain('packet/not_a_regular_file');
  });

  it('refuses a packet.json that is a directory', async () => {
    const directory = next();
    const packet = path.join(directory, 'packet');
    mkdirSync(path.join(packet, 'packet.json'), { recursive: true });
    const outcome = await inspectToDirectory({ packetPath: packet, outDir: path.join(directory, 'out') });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.line).toContain('packet/not_a_regular_file');
  });

  it('blocks invalid UTF-8', async () => {
    const directory = next();
    writeFileSync(path.join(directory, 'p.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const outcome = await inspectToDirectory({ packetPath: path.join(directory, 'p.json'), outDir: path.join(directory, 'out') });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.line).toContain('packet/invalid_utf8');
  });

  it('blocks a directory without packet.json, and a path that is absent', async () => {
    const directory = next();
    const packet = path.join(directory, 'packet');
    mkdirSync(packet);
    for (const packetPath of [packet, path.join(directory, 'absent')]) {
      const outcome = await inspectToDirectory({ packetPath, outDir: path.join(directory, 'out') });
      expect(outcome.exitCode).toBe(3);
      expect(outcome.line).toContain('packet/not_found');
    }
  });

  it('blocks a packet whose content exceeds the per-packet limit, with a clear reason', async () => {
    const directory = next();
    const packetDir = writePacket(directory, realDossier());
    const outDir = path.join(directory, 'out');
    const outcome = await inspectToDirectory({ packetPath: packetDir, outDir }, { ...DEFAULT_LIMITS, maxPacketContentBytes: 500 });
    expect(outcome.exitCode).toBe(3);
    expect(readReport(outDir).blocked_reasons.map((reason) => reason.code)).toEqual(['provenance/packet_budget_exceeded']);
  });

  it('streams a content file larger than the whole-read threshold and still re-matches its hash', async () => {
    const directory = next();
    const built = realDossier();
    const big = `${'policy line\n'.repeat(1_000_000)}`; // ~12 MB: above the 8 MiB single-read limit
    built.files.set('content/export-policy.md', big);
    metadataOf(built, 'kb-export-policy').content_hash = sha256Ref(big);
    resealManifest(built.packet);
    const packetDir = writePacket(directory, built);
    const outDir = path.join(directory, 'out');
    await inspectToDirectory({ packetPath: packetDir, outDir });
    const report = readReport(outDir);
    expect(report.item_findings).toEqual([]);
    // The text is too large to keep for analysis, so the quoted passage cannot be confirmed.
    expect(report.claims.find((claim) => claim.claim_id === 'R3')?.verdict).toBe('INSUFFICIENT_EVIDENCE_FOR_CLAIM');
  });
});
