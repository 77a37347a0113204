import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileProbe } from '../../guard/resolve/file-probe.js';
import { isNormalAbsolute, parentAndName } from '../../guard/resolve/posix-paths.js';

/**
 * Session 18: the file probe splits a normal absolute path at its last `/` instead of calling
 * `path.dirname` and `path.basename`; every other path goes the long way. Same answers.
 */
const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-posix-paths-18w-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Deterministic pseudo-random numbers (mulberry32): the same paths on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = ['src', 'a', 'b.ts', '.', '..', '', '.hidden', '..x', 'x..', 'node_modules', 'é', 'a b', 'a\\b'];

function randomPath(random: () => number): string {
  const parts = Array.from({ length: Math.floor(random() * 6) }, () => SEGMENTS[Math.floor(random() * SEGMENTS.length)] as string);
  const lead = random() < 0.85 ? (random() < 0.1 ? '//' : '/') : '';
  return `${lead}${parts.join('/')}${random() < 0.1 ? '/' : ''}`;
}

describe('parentAndName and isNormalAbsolute', () => {
  it('answer as path.dirname, path.basename and path.normalize on 5,000 seeded paths', () => {
    const random = seeded(18);
    let sliced = 0;
    for (let index = 0; index < 5_000; index += 1) {
      const file = randomPath(random);
      expect(parentAndName(file), file).toEqual([path.dirname(file), path.basename(file)]);
      const normal = file.startsWith('/') && file !== '/' && !file.endsWith('/') && path.normalize(file) === file;
      expect(isNormalAbsolute(file), file).toBe(normal);
      if (normal) sliced += 1;
    }
    // The comparison covered the paths the shortcut serves, not only the long way.
    expect(sliced).toBeGreaterThan(1_000);
  });

  it('the root, a doubled leading slash and a trailing slash take the long way', () => {
    expect(parentAndName('/')).toEqual(['/', '']);
    expect(parentAndName('//a')).toEqual([path.dirname('//a'), 'a']);
    expect(parentAndName('/a/b/')).toEqual(['/a', 'b']);
    expect(parentAndName('/a')).toEqual(['/', 'a']);
    expect(isNormalAbsolute('/a/./b')).toBe(false);
  });
});

describe('the file probe on paths the shortcut does not take', () => {
  mkdirSync(path.join(work, 'real/lib'), { recursive: true });
  writeFileSync(path.join(work, 'real/lib/index.js'), '');
  symlinkSync(path.join(work, 'real'), path.join(work, 'link'));

  it('follows a linked folder to its real path, and answers a plain path with itself', () => {
    const probe = createFileProbe();
    expect(probe.realpath(path.join(work, 'link/lib/index.js'))).toBe(path.join(work, 'real/lib/index.js'));
    expect(probe.realpath(path.join(work, 'real/lib/index.js'))).toBe(path.join(work, 'real/lib/index.js'));
  });

  it('answers kinds through `..`, `.` and doubled separators as the file system does', () => {
    const probe = createFileProbe();
    expect(probe.isFile(`${work}/real/lib/../lib/index.js`)).toBe(true);
    expect(probe.isFile(`${work}/real//lib/index.js`)).toBe(true);
    expect(probe.isDirectory(`${work}/real/./lib`)).toBe(true);
    expect(probe.isFile(`${work}/real/lib/missing.js`)).toBe(false);
  });

  it('replays its own observations, and refuses them once a tried name appears', () => {
    const probe = createFileProbe();
    expect(probe.isFile(path.join(work, 'real/lib/extra.js'))).toBe(false);
    probe.realpath(path.join(work, 'link/lib/index.js'));
    const observations = probe.observations();
    expect(createFileProbe().replay(observations)).toBe(true);
    writeFileSync(path.join(work, 'real/lib/extra.js'), '');
    expect(createFileProbe().replay(observations)).toBe(false);
  });
});
