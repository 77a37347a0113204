import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutputDirectory } from '../../sandbox/report/output-dir.js';
import { untrusted } from '../../src/text/untrusted-span.js';
import { scratchDir } from '../inspector/helpers.js';

const next = scratchDir('output-dir-19');

/** An output directory holding a previous run's three files, one of them possibly the packet. */
function previousRun(root: string): string {
  const out = path.join(root, 'out');
  mkdirSync(out);
  chmodSync(out, 0o755);
  for (const name of ['report.json', 'report.md', 'checkpoint-inspection.md']) writeFileSync(path.join(out, name), '{}');
  return out;
}

const lineOf = (result: ReturnType<typeof prepareOutputDirectory>): string | undefined => (result.ok ? (result.value.release(), undefined) : result.line);

/**
 * Round 19 (rt-packets19, high): a single-file packet that is one of `--out`'s files was read, judged
 * and then replaced by its own report. The packet's real path may lie nowhere in `--out`.
 */
describe('--out never holds a single-file packet (SPEC §5)', () => {
  for (const name of ['report.json', 'report.md', 'checkpoint-inspection.md']) {
    it(`refuses an output directory whose ${name} is the packet`, () => {
      const out = previousRun(next());
      expect(lineOf(prepareOutputDirectory(out, { path: path.join(out, name), isFile: true }, 'run'))).toBe(`tki run: BLOCKED: --out ${untrusted(out)} holds the packet file; choose a directory that does not hold the packet`);
    });
  }

  it('refuses it when the packet is named through a link from elsewhere', () => {
    const root = next();
    const out = previousRun(root);
    const link = path.join(root, 'packet.json');
    symlinkSync(path.join(out, 'report.json'), link);
    expect(lineOf(prepareOutputDirectory(out, { path: link, isFile: true }, 'run'))).toMatch(/holds the packet file/);
  });

  it('refuses an output directory reached through a link, holding the packet', () => {
    const root = next();
    const out = previousRun(root);
    const outLink = path.join(root, 'out-link');
    symlinkSync(out, outLink);
    expect(lineOf(prepareOutputDirectory(outLink, { path: path.join(out, 'report.md'), isFile: true }, 'run'))).toMatch(/holds the packet file/);
  });

  it('accepts a previous run beside a packet file that lies elsewhere, even one of the same name', () => {
    const root = next();
    const out = previousRun(root);
    const packet = path.join(root, 'report.json');
    writeFileSync(packet, '{}');
    expect(lineOf(prepareOutputDirectory(out, { path: packet, isFile: true }, 'run'))).toBeUndefined();
  });

  it('still refuses --out inside a packet directory, and accepts a sibling', () => {
    const root = next();
    const packet = path.join(root, 'packet');
    mkdirSync(packet);
    expect(lineOf(prepareOutputDirectory(path.join(packet, 'out'), { path: packet, isFile: false }, 'run'))).toMatch(/is the packet directory or lies inside it/);
    expect(lineOf(prepareOutputDirectory(path.join(root, 'out'), { path: packet, isFile: false }, 'run'))).toBeUndefined();
  });
});
