import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCacheSeal } from '../../guard/cache/seal.js';
import { toRelative } from '../../guard/load/inputs.js';

/**
 * Session 17's warm-run shortcuts answer as the long way does: `toRelative` slices where
 * `path.relative` would only slice, and a seal is checked on the file's bytes instead of its text.
 */
const work = mkdtempSync(path.join(tmpdir(), 'tki-warm-path-17-'));
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

const SEGMENTS = ['src', 'a', 'b.ts', '.', '..', '', '.hidden', '..x', 'x..', 'node_modules', 'é', 'a b'];

function randomPath(random: () => number, absolute: boolean): string {
  const count = Math.floor(random() * 5);
  const parts = Array.from({ length: count }, () => SEGMENTS[Math.floor(random() * SEGMENTS.length)] as string);
  const joined = parts.join('/') + (random() < 0.1 ? '/' : '');
  return absolute ? `/${joined}` : joined;
}

describe('toRelative', () => {
  it('answers as path.relative on 5,000 seeded root and file pairs, nested, equal, outside and unnormalized', () => {
    const random = seeded(17);
    let sliced = 0;
    for (let index = 0; index < 5_000; index += 1) {
      const root = randomPath(random, random() < 0.95);
      const file = random() < 0.7 ? `${root}/${randomPath(random, false)}` : randomPath(random, random() < 0.9);
      expect(toRelative(root, file), `${root} → ${file}`).toBe(path.relative(root, file));
      if (file.startsWith(`${root}/`)) sliced += 1;
    }
    // The comparison covered files under their root, the case the shortcut serves.
    expect(sliced).toBeGreaterThan(2_000);
  });

  it('keeps the long way for a root with a trailing slash, a dot segment or a doubled separator', () => {
    expect(toRelative('/p/', '/p/a.ts')).toBe('a.ts');
    expect(toRelative('/p/./q', '/p/./q/a.ts')).toBe('a.ts');
    expect(toRelative('/p//q', '/p//q/a.ts')).toBe('a.ts');
    expect(toRelative('/p/q', '/p/q/../r/a.ts')).toBe('../r/a.ts');
    expect(toRelative('/', '/a.ts')).toBe('a.ts');
  });
});

describe('a sealed file, opened from its bytes', () => {
  const seal = createCacheSeal(Buffer.alloc(32, 3));
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(work, name);
    writeFileSync(file, content);
    return file;
  };

  it('gives back the sealed text, ASCII or not', () => {
    for (const text of ['{"a":1}', '{"name":"é ü 字 😀"}', '', 'line one\nline two\n']) {
      expect(seal.openFile(write('text.json', seal.seal(text)))).toBe(text);
    }
  });

  it('gives nothing for a changed body, a changed seal, another secret, no header or no newline', () => {
    const sealed = seal.seal('{"files":{}}');
    expect(seal.openFile(write('body.json', sealed.replace('files', 'filez')))).toBeUndefined();
    const mac = sealed.slice('tki-sealed-1 '.length, sealed.indexOf('\n'));
    const otherMac = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect(seal.openFile(write('mac.json', sealed.replace(mac, otherMac)))).toBeUndefined();
    expect(createCacheSeal(Buffer.alloc(32, 4)).openFile(write('other.json', sealed))).toBeUndefined();
    expect(seal.openFile(write('plain.json', sealed.slice(sealed.indexOf('\n') + 1)))).toBeUndefined();
    expect(seal.openFile(write('short.json', 'tki-sealed-1 abc'))).toBeUndefined();
    // A body that is not valid UTF-8 was never written by `seal`: its bytes are what is checked.
    const bytes = Buffer.from(readFileSync(write('utf8.json', seal.seal('"é"'))));
    bytes[bytes.length - 2] = 0xff;
    expect(seal.openFile(write('broken.json', bytes))).toBeUndefined();
  });

  it('throws for a file that is not there, as reading it does', () => {
    expect(() => seal.openFile(path.join(work, 'missing.json'))).toThrow();
  });
});
