import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPacket, sanitizeCheckpointName } from '../../src/index.js';
import { isReportFileName, writeReportFiles } from '../../src/io/report-writer.js';
import { realDossier } from './fixture-packets/real.js';
import { scratchDir, writePacket } from './helpers.js';

const next = scratchDir('write-edge');

describe('write edge: report confinement (SPEC §5, rows 33 and 42)', () => {
  it('writes exactly report.json, report.md and checkpoint-<name>.md, and nothing else', async () => {
    const directory = next();
    const packetDir = writePacket(directory, realDossier());
    const outDir = path.join(directory, 'out');
    const outcome = await inspectPacket({ packetPath: packetDir, outDir, name: 'KB Coverage / Review #3' });
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

  it('refuses any file name outside the three, before writing anything', async () => {
    const outDir = path.join(next(), 'out');
    const names = ['report.json', 'report.md', '../escape.md'];
    const result = await writeReportFiles(outDir, names.map((name) => ({ name, content: 'x' })));
    expect(result.ok).toBe(false);
    expect(existsSync(outDir)).toBe(false);
    for (const name of ['report.json', 'report.md', 'checkpoint-a.md']) expect(isReportFileName(name)).toBe(true);
    for (const name of ['report.txt', 'checkpoint-A.md', 'checkpoint-.md', 'sub/report.md', '.report.json']) expect(isReportFileName(name)).toBe(false);
  });

  it('leaves no temp file behind, and replaces an earlier report atomically', async () => {
    const outDir = path.join(next(), 'out');
    const files = (marker: string) => ['report.json', 'report.md', 'checkpoint-x.md'].map((name) => ({ name, content: marker }));
    expect((await writeReportFiles(outDir, files('first'))).ok).toBe(true);
    expect((await writeReportFiles(outDir, files('second'))).ok).toBe(true);
    expect(readdirSync(outDir).sort()).toEqual(['checkpoint-x.md', 'report.json', 'report.md']);
  });

  it('fails closed with exit 3 and one line when the output directory cannot be written', async () => {
    const directory = next();
    const packetDir = writePacket(directory, realDossier());
    const notADirectory = path.join(directory, 'file');
    writeFileSync(notADirectory, 'x');
    const outcome = await inspectPacket({ packetPath: packetDir, outDir: notADirectory });
    expect(outcome).toMatchObject({ exitCode: 3, verdict: 'BLOCKED', reportFiles: [] });
    expect(outcome.line).toContain('report/write_failed');
    expect(outcome.line).not.toContain('\n');
  });
});
