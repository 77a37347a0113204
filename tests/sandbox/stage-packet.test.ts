import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stagePacket } from '../../sandbox/launch/stage-packet.js';
import { DEFAULT_LIMITS } from '../../src/pipeline/limits.js';
import { listFiles, removeScratchDirs, runTki, scratchDir, TKI_BIN } from './helpers/cli.js';
import { writePacketDir } from './helpers/packet.js';
import { terminalLine } from '../../src/text/verdict-line-label.js';

/**
 * The private stage every engine gets the packet through (issue 12: the launcher opens the packet
 * itself and hands it in): links where they serve, bounded copies otherwise, one line for what
 * cannot be handed in — and, end to end, a packet under a 0700 directory works for a root operator
 * (sandbox as nobody) and for an unprivileged operator who owns it.
 */
afterAll(removeScratchDirs);

const isRoot = process.getuid?.() === 0;

describe('stagePacket', () => {
  it('links what the sandbox user may read as it is, copies the rest 0444, keeps links as links', () => {
    const dir = scratchDir('stage');
    const packet = writePacketDir(join(dir, 'packet'));
    writeFileSync(join(packet, 'open.md'), 'open\n', { mode: 0o644 });
    writeFileSync(join(packet, 'private.md'), 'private\n', { mode: 0o600 });
    chmodSync(join(packet, 'private.md'), 0o600);
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others' });
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    expect(statSync(join(dir, 'stage', 'open.md')).ino).toBe(statSync(join(packet, 'open.md')).ino);
    expect(statSync(join(dir, 'stage', 'private.md')).ino).not.toBe(statSync(join(packet, 'private.md')).ino);
    expect(lstatSync(join(dir, 'stage', 'private.md')).mode & 0o7777).toBe(0o444);
    expect(readFileSync(join(dir, 'stage', 'private.md'), 'utf8')).toBe('private\n');
    expect(staged.value.copied).toBe(1);
    expect(staged.value.copiedBytes).toBe('private\n'.length);
    // Run by its owner, the sandbox is the operator: nothing needs copying.
    const own = stagePacket(packet, join(dir, 'own'), { reader: 'operator' });
    expect(own.ok && own.value.copied).toBe(0);
  });

  it('refuses a packet past the limits table before writing anything, naming the limit', () => {
    const dir = scratchDir('stage-limit');
    const packet = writePacketDir(join(dir, 'packet'));
    const limits = { ...DEFAULT_LIMITS, maxPacketJsonBytes: 10, maxPacketContentBytes: 0 };
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others', limits });
    expect(staged.ok).toBe(false);
    if (!staged.ok) expect(staged.error.line).toMatch(/^tki: BLOCKED: cannot hand the packet in: the packet holds \d+ bytes, more than the inspector reads \(maxPacketJsonBytes \+ maxPacketContentBytes = 10, src\/pipeline\/limits\.ts\)$/);
    expect(listFiles(dir)).toEqual(['packet']);
    const entries = stagePacket(packet, join(dir, 'stage'), { reader: 'others', limits: { ...DEFAULT_LIMITS, maxItems: 0 } });
    expect(!entries.ok && entries.error.line).toMatch(/more than 0 entries \(twice the limits table's maxItems\)/);
  });

  it('refuses a FIFO in one line naming it', () => {
    const dir = scratchDir('stage-fifo');
    const packet = writePacketDir(join(dir, 'packet'));
    expect(spawnSync('mkfifo', [join(packet, 'pipe')]).status).toBe(0);
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others' });
    expect(!staged.ok && terminalLine(staged.error.line)).toBe(`tki: BLOCKED: cannot hand the packet in: ${join(packet, 'pipe')} is a FIFO, which cannot be handed into the sandbox`);
  });
});

describe('a packet under a 0700 directory (tki run, bwrap)', () => {
  it('works for a root operator whose sandbox runs as nobody', () => {
    if (!isRoot) throw new Error('this test needs a root operator (CI runs the suite as root)');
    const dir = scratchDir('stage-0700');
    const home = join(dir, 'home');
    mkdirSync(home, { mode: 0o700 });
    const packet = writePacketDir(join(home, 'packet'));
    chmodSync(join(packet, 'packet.json'), 0o600);
    const run = runTki(['run', packet, '--out', join(dir, 'out')]);
    expect(run.stderr).toBe('');
    expect(run.status === 1 || run.status === 2).toBe(true);
    expect(listFiles(join(dir, 'out'))).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
  });

  it('works for an unprivileged operator (setpriv) who owns a 0700 home, and names what they cannot read', () => {
    if (!isRoot) throw new Error('this test switches to uid 65534 with setpriv and needs root to do so');
    const dir = scratchDir('stage-setpriv');
    const home = join(dir, 'home');
    mkdirSync(home, { mode: 0o700 });
    const packet = writePacketDir(join(home, 'packet'));
    for (const path of [home, packet, join(packet, 'packet.json')]) chownSync(path, 65534, 65534);
    chmodSync(join(packet, 'packet.json'), 0o600);
    const asNobody = (): ReturnType<typeof spawnSync> =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${home}`, process.execPath, TKI_BIN, 'run', packet, '--out', join(home, 'out')], { encoding: 'utf8', timeout: 120_000 });
    const run = asNobody();
    expect(run.stderr).toBe('');
    expect(run.status === 1 || run.status === 2).toBe(true);
    expect(listFiles(join(home, 'out'))).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
    writeFileSync(join(packet, 'secret.md'), 'x\n', { mode: 0o600 });
    const refused = asNobody();
    expect(refused.status).toBe(3);
    expect(String(refused.stderr).trim()).toBe(`tki: BLOCKED: cannot hand the packet in: ${join(packet, 'secret.md')} (mode 0600, owner uid 0) cannot be read by the operator: EACCES`);
  });
});
