import { describe, expect, it } from 'vitest';
import { scanPacketJson } from '../../src/packet/json-scan.js';
import { jsonDepthExceeds, scanJsonMembers } from '../../src/packet/json-value.js';

/**
 * packet.json's one pass (src/packet/json-scan.ts) must answer what the two passes it replaced
 * answer: jsonDepthExceeds on any text, broken or not, and scanJsonMembers's first repeated key
 * (same path, same spelling) on any text JSON.parse accepts. Compared on generated texts with
 * repeated, escaped and look-alike keys (`"a"` and `"\u0061"` are one key), big objects and nesting.
 */
const KEYS = ['a', 'b', '', 'c', '\\u0061', 'a\\"b', '__proto__', '1', '01', 'x.y', 'd\\\\e', '\\u00e9', 'é', '\\ud83d\\ude00', '😀'];
const PRIMITIVES = ['1', '"s"', 'true', 'null', '-1.5e3', '"a\\"[{,"', '"\\\\"'];

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function jsonText(random: () => number, depth = 0): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const roll = random();
  if (depth > 6 || roll < 0.3) return pick(PRIMITIVES);
  if (roll < 0.6) return `[${Array.from({ length: Math.floor(random() * 4) }, () => jsonText(random, depth + 1)).join(',')}]`;
  const size = Math.floor(random() * (random() < 0.1 ? 30 : 5));
  // Big objects mostly get distinct keys, so a repeat can come late (past the linear search).
  const key = (): string => (size > 8 && random() < 0.9 ? `k${Math.floor(random() * 200)}` : pick(KEYS));
  return `{${Array.from({ length: size }, () => `"${key()}"${random() < 0.5 ? ' ' : ''}:${jsonText(random, depth + 1)}`).join(random() < 0.5 ? ',' : ' , ')}}`;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('the one pass over packet.json', () => {
  it('finds the depth and the first repeated key as the two passes it replaced did', () => {
    const random = generator(13);
    let repeated = 0;
    for (let round = 0; round < 4_000; round += 1) {
      let text = jsonText(random);
      if (random() < 0.05) text = text.slice(0, Math.floor(random() * text.length));
      if (random() < 0.02) text = `]]]${'['.repeat(6)}${text}`;
      const limit = 1 + Math.floor(random() * 8);
      const scan = scanPacketJson(text, limit);
      expect(scan.tooDeep, text).toBe(jsonDepthExceeds(text, limit));
      if (scan.tooDeep || !parses(text)) continue;
      const expected = scanJsonMembers(text).duplicate;
      if (expected !== undefined) repeated += 1;
      expect(scan.duplicate, text).toBe(expected);
    }
    // The generator must actually produce repeats, or the comparison proves little.
    expect(repeated).toBeGreaterThan(20);
  });

  it('names a repeat deep in a large packet and stays linear in a huge object', () => {
    const claims = Array.from({ length: 2_000 }, (_, index) => `{"claim_id":"C${index}","subject":"t${index}"}`).join(',');
    const repeated = `{"dossier":{"claims":[${claims.replace('"subject":"t1999"', '"subject":"t1999","subject":"t1999"')}]}}`;
    expect(scanPacketJson(repeated, 64).duplicate).toBe('dossier.claims[1999].subject');
    const huge = `{${Array.from({ length: 100_000 }, (_, index) => `"k${index}":0`).join(',')},"k0":1}`;
    expect(scanPacketJson(huge, 64).duplicate).toBe('k0');
  });
});
