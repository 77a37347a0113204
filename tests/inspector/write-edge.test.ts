import { closeSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPacket, sanitizeCheckpointName } from '../../src/index.js';
import { emitReport, isReportFileName } from '../../src/io/report-writer.js';
import { prepareOutputDirectory } from '../../sandbox/report/output-dir.js';
import { writeTriplet } from '../../sandbox/report/write-triplet.js';
import { realDossier } from './fixture-packets/real.js';
import { scratchDir, writePacket } from './helpers.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';

const next = scratchDir('write-edge');

describe('write edge: report confinement (SPEC §5, rows 33 and 42)', () => {
  it('writes exactly report.json, report.md and checkpoint-<name>.md, and nothing else', async () => {
    const directory = next();
    const packetDir = writePacket(directory, realDossier());
    const outDir = path.join(directory, 'out');
    const outcome = await inspectToDirectory({ packetPath: packetDir, outDir, name: 'KB Coverage / Review #3' });
    expect(readdirSync(outDir).sort()).toEqual(['checkpoint-kb-coverage-review-3.md', 'report.json', 'report.md']);
    expect(outcome.reportFiles.map((file) => path.basename(file)).sort()).toEqual(readdirSync(outDir).sort());
    expect(outcome.reportFiles.every((file) => path.isAbsolute(file) && path.dirname(file) === path.resolve(outDir))).toBe(true);
    // The packet directory is left untouched.
    expect(readdirSync(packetDir).sort()).toEqual(['content', 'packet.json']);
  });

  it('sanitizes the checkpoint name to [a-z0-9-], never empty, never a path', () => {
    for (const hostile of ['../../etc/passwd', '..', '', '   ', 'A\u001b[31mB', 'ÄÖÜ', `x${'y'.repeat(200)}`]) {
      const name = sanitizeCheckpointName(hostile);
      expect(name, hostile).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(name.startsWith('-') || name.endsWith('-'), hostile).toBe(false);
    }
    expect(sanitizeCheckpointName(undefined)).toBe('inspection');
  });

  it('refuses any file name outside the three, before emitting anything', () => {
    const channel = path.join(next(), 'channel');
    const fd = openSync(channel, 'w');
    const names = ['report.json', 'report.md', '../escape.md'];
    const result = emitReport(fd, names.map((name) => ({ name, content: 'x' })), 'line');
    closeSync(fd);
    expect(result.ok).toBe(false);
    expect(statSync(channel).size).toBe(0);
    for (const name of ['report.json', 'report.md', 'checkpoint-a.md']) expect(isReportFileName(name)).toBe(true);
    for (const name of ['report.txt', 'checkpoint-A.md', 'checkpoint-.md', 'sub/report.md', '.report.json']) expect(isReportFileName(name)).toBe(false);
  });

  it('the launcher leaves no temp file behind, and replaces an earlier report atomically', () => {
    const directory = next();
    const outDir = path.join(directory, 'out');
    const triplet = (marker: string) => ({ files: ['report.json', 'report.md', 'checkpoint-x.md'].map((name) => ({ name, bytes: Buffer.from(marker) })), line: undefined });
    for (const marker of ['first', 'second']) {
      const output = prepareOutputDirectory(outDir, { path: path.join(directory, 'packet'), isFile: false }, 'run');
      expect(output.ok).toBe(true);
      if (output.ok) expect(writeTriplet(output.value, triplet(marker)).ok).toBe(true);
    }
    expect(readdirSync(outDir).sort()).toEqual(['checkpoint-x.md', 'report.json', 'report.md']);
  });

  it('fails closed with exit 3 and one line when the report channel cannot be written', async () => {
    const directory = next();
    const packetDir = writePacket(directory, realDossier());
    const readOnly = path.join(directory, 'file');
    writeFileSync(readOnly, 'x');
    const fd = openSync(readOnly, 'r');
    const outcome = await inspectPacket({ packetPath: packetDir, reportFd: fd });
    closeSync(fd);
    expect(outcome).toMatchObject({ exitCode: 3, verdict: 'BLOCKED', reportFiles: [] });
    expect(outcome.line).toContain('report/write_failed');
    expect(outcome.line).not.toContain('\n');
  });
});
