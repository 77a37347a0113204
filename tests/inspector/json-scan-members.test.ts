import { describe, expect, it } from 'vitest';
import { scanPacketJson } from '../../src/packet/json-scan.js';
import { parsePacketText } from '../../src/packet/parse.js';
import { jsonDepthExceeds } from '../../src/packet/json-value.js';

/**
 * The scan's member loop (session 15: `"key":"string",` in one turn, each key compared only when its
 * object already has a key of its length) against two oracles that share no code with it, on
 * generated JSON in the shapes the loop takes apart: compact and `": "`-spaced members, keys of one
 * length, escaped keys equal to plain ones, escaped quotes and backslashes in values, objects past
 * the linear search, arrays of strings, nesting. Oracle 1 is JSON.parse: a text repeats a key iff
 * it has more key tokens than JSON.parse's value has own keys. Oracle 2 names the first repeat by a
 * recursive descent written here, keys decoded by JSON.parse.
 */
const SAME_LENGTH_KEYS = ['ab', 'ba', 'aa', 'a\\u0062', '\\u0061b', 'b\\"', '\\\\b', 'éa', '😀'];
const OTHER_KEYS = ['', 'a', 'abc', 'claim_id', 'subject', '__proto__', 'x.y', '\\u0000', 'a b'];
const STRING_VALUES = ['""', '"v"', '"a\\"b"', '"\\\\"', '"\\\\\\""', '":\\","', '"é😀"', '"\\u0022"', '","'];
const OTHER_VALUES = ['0', '-1.5e3', 'true', 'null', '[]', '{}'];

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function jsonText(random: () => number, depth: number): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const roll = random();
  if (depth > 5 || roll < 0.35) return random() < 0.7 ? pick(STRING_VALUES) : pick(OTHER_VALUES);
  const separator = random() < 0.7 ? ',' : random() < 0.5 ? ', ' : ',\n  ';
  if (roll < 0.55) return `[${Array.from({ length: Math.floor(random() * 5) }, () => jsonText(random, depth + 1)).join(separator)}]`;
  const size = Math.floor(random() * (random() < 0.15 ? 24 : 7));
  const colon = random() < 0.7 ? ':' : random() < 0.5 ? ': ' : ' : ';
  const key = (): string => (size > 8 && random() < 0.8 ? `k${Math.floor(random() * 60)}` : pick(random() < 0.6 ? SAME_LENGTH_KEYS : OTHER_KEYS));
  return `{${Array.from({ length: size }, () => `"${key()}"${colon}${jsonText(random, depth + 1)}`).join(separator)}}`;
}

/** Oracle 2: a recursive descent over text JSON.parse accepts; `keyTokens` counts every key it reads. */
function firstRepeat(text: string): { path: string | undefined; keyTokens: number } {
  let at = 0;
  let keyTokens = 0;
  let path: string | undefined;
  const skipSpace = (): void => {
    while (/\s/.test(text.charAt(at))) at += 1;
  };
  const stringToken = (): string => {
    const start = at;
    at += 1;
    while (text.charAt(at) !== '"') at += text.charAt(at) === '\\' ? 2 : 1;
    at += 1;
    return String(JSON.parse(text.slice(start, at)));
  };
  const value = (where: string): void => {
    skipSpace();
    const first = text.charAt(at);
    if (first === '"') stringToken();
    else if (first === '[') {
      at += 1;
      for (let index = 0; ; index += 1) {
        skipSpace();
        if (text.charAt(at) === ']') break;
        value(`${where}[${index}]`);
        skipSpace();
        if (text.charAt(at) === ',') at += 1;
      }
      at += 1;
    } else if (first === '{') {
      at += 1;
      const seen = new Set<string>();
      for (;;) {
        skipSpace();
        if (text.charAt(at) === '}') break;
        const key = stringToken();
        keyTokens += 1;
        const member = where === '' ? key : `${where}.${key}`;
        if (seen.has(key)) path ??= member;
        seen.add(key);
        skipSpace();
        at += 1;
        value(member);
        skipSpace();
        if (text.charAt(at) === ',') at += 1;
      }
      at += 1;
    } else while (at < text.length && !/[\s,\]}]/.test(text.charAt(at))) at += 1;
  };
  value('');
  return { path, keyTokens };
}

/** Oracle 1's other side: the own keys of JSON.parse's value, all objects together. */
function ownKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((total: number, element) => total + ownKeys(element), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.keys(value).reduce((total, key) => total + 1 + ownKeys((value as Record<string, unknown>)[key]), 0);
}

describe('the scan names the first repeated key as two independent oracles do', () => {
  it('on generated texts (fixed seed), compact and spaced, with escapes and big objects', () => {
    const random = generator(1515);
    let repeated = 0;
    let distinct = 0;
    for (let round = 0; round < 2_000; round += 1) {
      const text = `{"schema":"s","dossier":{"claims":[${Array.from({ length: 1 + Math.floor(random() * 3) }, () => jsonText(random, 1)).join(',')}]}}`;
      const scan = scanPacketJson(text, 64);
      expect(scan.tooDeep, text).toBe(false);
      const oracle = firstRepeat(text);
      const parsed: unknown = JSON.parse(text);
      expect(oracle.keyTokens > ownKeys(parsed), text).toBe(oracle.path !== undefined);
      expect(scan.duplicate, text).toBe(oracle.path);
      if (oracle.path === undefined) distinct += 1;
      else repeated += 1;
    }
    // Both outcomes must be common, or the comparison proves little.
    expect(repeated).toBeGreaterThan(200);
    expect(distinct).toBeGreaterThan(200);
  });

  it('on cut and corrupted texts: no throw, and the depth as jsonDepthExceeds counts it', () => {
    const random = generator(77);
    for (let round = 0; round < 2_000; round += 1) {
      let text = jsonText(random, 0);
      text = text.slice(0, Math.floor(random() * (text.length + 1)));
      if (random() < 0.3) text = `${'['.repeat(Math.floor(random() * 6))}${text}`;
      if (random() < 0.2) text = text.replace('"', '');
      const limit = 1 + Math.floor(random() * 6);
      expect(scanPacketJson(text, limit).tooDeep, text).toBe(jsonDepthExceeds(text, limit));
    }
  });
});

describe('a repeated key in the shapes the member loop reads, refused with the same error', () => {
  const packet = (claims: string): string => `{"schema":"b7-governed-packet/v1","dossier":{"claims":[${claims}]}}`;
  const refusal = (text: string): string[] => parsePacketText(text).headerErrors.map((error) => `${error.code} ${error.path} ${error.detail ?? ''}`);
  /** Without a repeat the packet is refused for its missing header fields instead, never for a repeated key. */
  const repeatRefusals = (text: string): string[] => refusal(text).filter((line) => line.startsWith('packet/duplicate_key'));

  it('right after a run of string members, compact or spaced', () => {
    expect(refusal(packet('{"claim_id":"C0","text":"t","subject":"a","subject":"b"}'))).toEqual(['packet/duplicate_key packet.json dossier.claims[0].subject']);
    expect(refusal(packet('{"claim_id": "C0", "text": "t", "text": "u"}'))).toEqual(['packet/duplicate_key packet.json dossier.claims[0].text']);
    expect(refusal(packet('{"claim_id":"C0"},{"claim_id":"C1","evidence_refs":["a","b"],"claim_id":"C2"}'))).toEqual(['packet/duplicate_key packet.json dossier.claims[1].claim_id']);
  });

  it('a key of the same length, an escaped spelling, an escaped quote in a value before it', () => {
    expect(repeatRefusals(packet('{"ab":"1","ba":"2"}'))).toEqual([]);
    expect(refusal(packet('{"ab":"\\"","a\\u0062":"2"}'))).toEqual(['packet/duplicate_key packet.json dossier.claims[0].ab']);
    expect(refusal(packet('{"a\\"":"x\\\\","a\\"":"y"}'))).toEqual(['packet/duplicate_key packet.json dossier.claims[0].a"']);
  });

  it('past the linear search: the tenth key repeats the first', () => {
    const members = Array.from({ length: 9 }, (_, index) => `"k${index}":"v"`).join(',');
    expect(refusal(packet(`{${members},"k0":"w"}`))).toEqual(['packet/duplicate_key packet.json dossier.claims[0].k0']);
    expect(repeatRefusals(packet(`{${members},"k9":"w"}`))).toEqual([]);
  });
});
