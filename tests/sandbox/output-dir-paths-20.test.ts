import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { physicalPath, prepareOutputDirectory } from '../../sandbox/report/output-dir.js';
import { undecodableArgumentLine } from '../../cli/argv-bytes.js';
import { inspectToDirectory } from '../../sandbox/report/in-process.js';
import { bytesShown } from '../../sandbox/launch/bytes-shown.js';
import { untrusted } from '../../src/text/untrusted-span.js';
import { scratchDir } from '../inspector/helpers.js';

const next = scratchDir('output-dir-20');

const lineOf = (result: ReturnType<typeof prepareOutputDirectory>): string | undefined => (result.ok ? (result.value.release(), undefined) : result.line);

function previousRun(root: string, names: readonly string[]): string {
  const out = path.join(root, 'out');
  mkdirSync(out);
  chmodSync(out, 0o755);
  for (const name of names) writeFileSync(path.join(out, name), '{}');
  return out;
}

/** Round 20 (issue #13): --out and the packet compared as the kernel reaches them. */
describe('--out holds the packet under no name, not even a hard link', () => {
  for (const name of ['report.json', 'checkpoint-old.md']) {
    it(`refuses the packet (elsewhere) hard-linked into --out as ${name}`, () => {
      const home = next();
      const packet = path.join(home, 'evidence.json');
      writeFileSync(packet, '{}');
      const out = previousRun(next(), ['report.json', 'report.md', 'checkpoint-inspection.md'].filter((entry) => entry !== name && !(name.startsWith('checkpoint-') && entry.startsWith('checkpoint-'))));
      linkSync(packet, path.join(out, name));
      expect(lineOf(prepareOutputDirectory(out, { path: packet, isFile: true }, 'run'))).toBe(`tki run: BLOCKED: --out ${untrusted(out)} holds the packet file as ${untrusted(name)} (a hard link); choose a directory that does not hold the packet`);
    });
  }
  it('refuses a hard link reached through a link to the packet (the inode is the link target\'s)', () => {
    const home = next();
    const packet = path.join(home, 'evidence.json');
    writeFileSync(packet, '{}');
    symlinkSync(packet, path.join(home, 'named.json'));
    const out = previousRun(next(), ['report.json', 'checkpoint-inspection.md']);
    linkSync(packet, path.join(out, 'report.md'));
    expect(lineOf(prepareOutputDirectory(out, { path: path.join(home, 'named.json'), isFile: true }, 'inspect'))).toMatch(/hard link/);
  });
  it('accepts a previous run whose file is a copy of the packet (same bytes, another inode)', () => {
    const home = next();
    const packet = path.join(home, 'evidence.json');
    writeFileSync(packet, '{}');
    const out = previousRun(next(), ['report.json', 'report.md', 'checkpoint-inspection.md']);
    expect(lineOf(prepareOutputDirectory(out, { path: packet, isFile: true }, 'run'))).toBeUndefined();
  });
});

describe('--out typed through a link and `..` is where the kernel puts it', () => {
  function packetWithLink(): { base: string; packet: string } {
    const base = next();
    const packet = path.join(base, 'pkt');
    mkdirSync(path.join(packet, 'sub', 'deeper'), { recursive: true });
    writeFileSync(path.join(packet, 'packet.json'), '{}');
    symlinkSync(path.join(packet, 'sub', 'deeper'), path.join(base, 'link'));
    return { base, packet };
  }
  it('resolves link/.. as the link target\'s parent', () => {
    const { base, packet } = packetWithLink();
    expect(physicalPath(`${path.join(base, 'link')}/../new-out`)).toBe(path.join(packet, 'sub', 'new-out'));
  });
  it('refuses link/../new-out and link/../../x when they land in the packet directory, creating nothing', () => {
    const { base, packet } = packetWithLink();
    for (const typed of [`${path.join(base, 'link')}/../new-out`, `${path.join(base, 'link')}/../../x/y`]) {
      expect(lineOf(prepareOutputDirectory(typed, { path: packet, isFile: false }, 'run')), typed).toMatch(/is the packet directory or lies inside it/);
    }
    expect(readdirSync(path.join(packet, 'sub')).sort()).toEqual(['deeper']);
    expect(readdirSync(base).sort()).toEqual(['link', 'pkt']);
  });
  it('accepts link/../../../elsewhere, which the kernel puts outside the packet, and creates it there', () => {
    const { base, packet } = packetWithLink();
    const typed = `${path.join(base, 'link')}/../../../elsewhere`;
    expect(lineOf(prepareOutputDirectory(typed, { path: packet, isFile: false }, 'run'))).toBeUndefined();
    expect(existsSync(path.join(base, 'elsewhere'))).toBe(true);
  });
  it('a plain .. with no link reads as before', () => {
    const base = next();
    mkdirSync(path.join(base, 'a'));
    expect(physicalPath(`${base}/a/../b`)).toBe(path.join(base, 'b'));
    expect(physicalPath(`${base}/missing/../b`)).toBe(path.join(base, 'b'));
  });
});

describe('paths that have no UTF-8 form are refused, never substituted', () => {
  it('refuses an --out with a lone surrogate (the in-process entry\'s form of a byte that is not UTF-8)', () => {
    const base = next();
    const line = lineOf(prepareOutputDirectory(path.join(base, 'o\uD800'), undefined, 'inspect'));
    expect(line).toMatch(/^tki inspect: BLOCKED: --out .* is not valid UTF-8 text/);
    expect(readdirSync(base)).toEqual([]);
  });
  it('refuses a packet path with a lone surrogate even where the U+FFFD name exists', () => {
    const base = next();
    writeFileSync(path.join(base, 'p\uFFFD.json'), '{}');
    expect(lineOf(prepareOutputDirectory(path.join(base, 'out'), { path: path.join(base, 'p\uDC80.json'), isFile: true }, 'inspect'))).toMatch(/the packet path .* is not valid UTF-8 text/);
  });
  it('accepts a real U+FFFD typed as UTF-8 (a look-alike that is valid)', () => {
    expect(lineOf(prepareOutputDirectory(path.join(next(), 'o\uFFFD'), undefined, 'inspect'))).toBeUndefined();
  });
  it('leaves arguments without U+FFFD alone and shows the bytes of one that is not UTF-8', () => {
    expect(undecodableArgumentLine(['run', 'p.json', '--out', 'o'])).toBeUndefined();
    // This process's command line does not hold the argument: its bytes cannot be read back, so it is refused (fail closed).
    expect(undecodableArgumentLine(['run', 'p\uFFFD.json'])).toMatch(/^tki run: BLOCKED: an argument is not valid UTF-8/);
    expect(bytesShown(Buffer.from([0x70, 0xff, 0x2e, 0x6a]))).toBe(`${untrusted('p')}\\x{ff}${untrusted('.j')}`);
  });
  it('the in-process entry refuses the same way: an exit-3 outcome, the U+FFFD file neither read nor replaced', async () => {
    const base = next();
    writeFileSync(path.join(base, 'p\uFFFD.json'), '{}');
    const outcome = await inspectToDirectory({ packetPath: path.join(base, 'p\uD800.json'), outDir: path.join(base, 'out') });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.reportFiles).toEqual([]);
    expect(readdirSync(base)).toEqual(['p\uFFFD.json']);
  });
});
