import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPacketRoot, openResolvedDirectory, type PacketRoot } from '../../sandbox/launch/stage-handle.js';
import { stageModes, stagePacket } from '../../sandbox/launch/stage-packet.js';
import { placePacket } from '../../sandbox/launch/stage-place.js';
import { MAX_STAGE_DEPTH, walkPacket, type WalkedEntry } from '../../sandbox/launch/stage-walk.js';
import { DEFAULT_LIMITS } from '../../src/pipeline/limits.js';
import { removeScratchDirs, scratchDir } from './helpers/cli.js';
import { untrusted } from '../../src/text/untrusted-span.js';
import { terminalLine } from '../../src/text/verdict-line-label.js';

/**
 * Round six (issue 12): the packet's owner exchanges a packet directory with a symlink to a directory
 * only root may read, holding a file of the same name. The stage walks and places from directory
 * descriptors, so no path component is ever resolved through a link: these tests make the swap
 * deterministic by running the walk, swapping, then running the placement.
 */
afterAll(removeScratchDirs);

const SECRET = 'RT6-FOREIGN-SECRET';

interface Scene {
  readonly packet: string;
  readonly foreign: string;
  readonly stage: string;
}

function scene(label: string): Scene {
  const dir = scratchDir(label);
  const packet = join(dir, 'packet');
  mkdirSync(join(packet, 'x'), { recursive: true });
  writeFileSync(join(packet, 'packet.json'), '{}\n', { mode: 0o644 });
  writeFileSync(join(packet, 'x', 'shadow'), 'decoy\n', { mode: 0o644 });
  const foreign = join(dir, 'foreign');
  mkdirSync(foreign, { mode: 0o700 });
  writeFileSync(join(foreign, 'shadow'), `${SECRET}\n`, { mode: 0o644 });
  return { packet, foreign, stage: join(dir, 'stage') };
}

/** Every staged file's bytes and inode: the proof that nothing of `foreign` reached the stage. */
function stagedContent(stage: string): { text: string; inodes: number[] } {
  let text = '';
  const inodes: number[] = [];
  const visit = (path: string): void => {
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return;
    inodes.push(stats.ino);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (stats.isFile()) text += readFileSync(path, 'utf8');
    else if (stats.isSymbolicLink()) text += readlinkSync(path);
  };
  visit(stage);
  return { text, inodes };
}

function openFileDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

/** The walk, then `between` (the attacker's move), then the placement: copies, or hard links for every file. */
function walkSwapPlace(s: Scene, between: () => void, how: 'copy' | 'link'): () => void {
  const root: PacketRoot = openPacketRoot(s.packet);
  const entries = walkPacket(root, s.stage, DEFAULT_LIMITS.maxItems * 2);
  between();
  const link = new Set<WalkedEntry>(how === 'link' ? entries.filter((entry) => entry.stats.isFile()) : []);
  return () => placePacket(root, entries, link, stageModes({ reader: 'others' }));
}

const changed = (path: string): string => `${untrusted(path)} changed while tki staged the packet (it is no longer the file measured); run again once nothing modifies the packet`;

describe('a directory exchanged for a symlink between the walk and the placement', () => {
  for (const how of ['copy', 'link'] as const) {
    it(`ends in the "changed" line and stages no foreign byte (${how})`, () => {
      const s = scene(`stage-swap-${how}`);
      const foreignInode = lstatSync(join(s.foreign, 'shadow')).ino;
      const before = openFileDescriptors();
      const place = walkSwapPlace(s, () => {
        renameSync(join(s.packet, 'x'), join(s.packet, 'x-was'));
        symlinkSync(s.foreign, join(s.packet, 'x'));
      }, how);
      expect(place).toThrow(changed(join(s.packet, 'x')));
      const staged = stagedContent(s.stage);
      expect(staged.text).not.toContain(SECRET);
      expect(staged.inodes).not.toContain(foreignInode);
      expect(openFileDescriptors(), 'the walk and the placement closed what they opened').toBe(before + 1);
    });
  }

  it('a directory exchanged for another directory (no link at all) is refused by its inode', () => {
    const s = scene('stage-swap-dir');
    const place = walkSwapPlace(s, () => {
      renameSync(join(s.packet, 'x'), join(s.packet, 'x-was'));
      renameSync(s.foreign, join(s.packet, 'x'));
    }, 'copy');
    expect(place).toThrow(changed(join(s.packet, 'x')));
    expect(stagedContent(s.stage).text).not.toContain(SECRET);
  });

  it('without a swap the same two phases stage the decoy', () => {
    const s = scene('stage-swap-none');
    walkSwapPlace(s, () => undefined, 'copy')();
    expect(readFileSync(join(s.stage, 'x', 'shadow'), 'utf8')).toBe('decoy\n');
  });
});

describe('what the walk sees as a symlink, and the packet path itself', () => {
  it('x/ already a symlink at the walk is staged as that link, its target never read', () => {
    const s = scene('stage-link-walk');
    renameSync(join(s.packet, 'x'), join(s.packet, 'x-was'));
    symlinkSync(s.foreign, join(s.packet, 'x'));
    const staged = stagePacket(s.packet, s.stage, { reader: 'others' });
    if (!staged.ok) throw new Error(staged.error.line);
    expect(readlinkSync(join(s.stage, 'x'))).toBe(s.foreign);
    expect(stagedContent(s.stage).text).not.toContain(SECRET);
  });

  it('the packet path is resolved once (a link the operator typed is followed), then no component is followed', () => {
    const s = scene('stage-root-path');
    const typed = join(s.packet, '..', 'typed-link');
    symlinkSync(s.packet, typed);
    const staged = stagePacket(typed, s.stage, { reader: 'others' });
    expect(staged.ok).toBe(true);
    expect(readFileSync(join(s.stage, 'x', 'shadow'), 'utf8')).toBe('decoy\n');
    // A component of the resolved path that is a link by the time tki opens it: refused as a change.
    expect(() => openResolvedDirectory(join(typed, 'x'), typed)).toThrow(changed(typed));
    expect(() => openResolvedDirectory(join(s.packet, 'x'), s.packet)).not.toThrow();
  });

  it('a single-file packet swapped for a symlink to a foreign file after the walk: refused, nothing staged', () => {
    const s = scene('stage-single');
    const file = join(s.packet, 'packet.json');
    const root = openPacketRoot(file);
    const entries = walkPacket(root, s.stage, 10);
    expect(entries.map((entry) => entry.stats.isFile())).toEqual([true]);
    renameSync(file, join(s.packet, 'was.json'));
    symlinkSync(join(s.foreign, 'shadow'), file);
    expect(() => placePacket(root, entries, new Set(), stageModes({ reader: 'others' }))).toThrow(changed(file));
    expect(stagedContent(s.stage).text).not.toContain(SECRET);
  });
});

describe('descriptors stay bounded', () => {
  it(`a packet nested deeper than ${String(MAX_STAGE_DEPTH)} directories ends in one line naming the limit`, () => {
    const dir = scratchDir('stage-depth');
    const packet = join(dir, 'packet');
    let deepest = packet;
    for (let level = 0; level <= MAX_STAGE_DEPTH; level++) deepest = join(deepest, 'd');
    mkdirSync(deepest, { recursive: true });
    const before = openFileDescriptors();
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others' });
    expect(!staged.ok && terminalLine(staged.error.line)).toBe(`tki: BLOCKED: cannot hand the packet in: ${deepest} is nested more than ${String(MAX_STAGE_DEPTH)} directories deep below the packet's root, deeper than tki stages`);
    expect(openFileDescriptors()).toBe(before);
  });

  it(`a packet exactly ${String(MAX_STAGE_DEPTH)} directories deep is staged, and every descriptor is closed afterwards`, () => {
    const dir = scratchDir('stage-depth-ok');
    const packet = join(dir, 'packet');
    let deepest = packet;
    for (let level = 0; level < MAX_STAGE_DEPTH; level++) deepest = join(deepest, 'd');
    mkdirSync(deepest, { recursive: true });
    writeFileSync(join(deepest, 'leaf.md'), 'leaf\n');
    const before = openFileDescriptors();
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others' });
    if (!staged.ok) throw new Error(staged.error.line);
    expect(readFileSync(join(dir, 'stage', ...Array<string>(MAX_STAGE_DEPTH).fill('d'), 'leaf.md'), 'utf8')).toBe('leaf\n');
    expect(openFileDescriptors()).toBe(before);
  });
});
