import { describe, expect, it } from 'vitest';
import { listedEntries } from '../../src/chain/record-values.js';
import { parseJsonOrUndefined } from '../../src/packet/json-value.js';
import { compileValidity } from '../../src/zod-check.js';
import { z } from '../../src/zod.js';

/**
 * Session 16 (issue 13, hostile cost): the listing line reader's first field is read by a sticky
 * regular expression instead of a loop over its characters, and parseJsonOrUndefined no longer
 * hands JSON.parse a text that cannot be JSON. Both against oracles written here that share no
 * code with them, on seeded texts built from the characters each rule turns on.
 */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Oracle: the character loop the fast path was before session 16, and the slow path as it is. */
function oracleEntries(text: string): { paths: string[]; total: number } {
  const separators = new Set([' ', '\t', '\n', '\v', '\f', '\r', ',', ';', '|']);
  const paths: string[] = [];
  let total = 0;
  for (const raw of text.split('\n')) {
    let path: string | undefined;
    if (raw === '' || raw.startsWith('#')) continue;
    const first = raw.charCodeAt(0);
    let slow = first >= 0x80 || first <= 0x20 || separators.has(raw[0] as string);
    let end = raw.length;
    for (let index = 0; !slow && index < raw.length; index += 1) {
      if (raw.charCodeAt(index) >= 0x80) slow = true;
      else if (separators.has(raw[index] as string)) {
        end = index;
        break;
      } else if (raw[index] === ':' && index >= 6 && raw.slice(index - 6, index) === 'sha256') slow = true;
    }
    if (slow) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const firstField = line.split(/[\s,;|]/)[0] ?? '';
      path = firstField !== '' && !firstField.includes('sha256:') ? firstField : (line.replace(/(?<![0-9A-Za-z_])sha256:[0-9a-f]{64}(?![0-9A-Za-z_])/g, '').replace(/[\s,;|]+/g, ' ').trim().split(' ')[0] ?? '');
    } else {
      path = raw.slice(0, end);
    }
    if (path === '') continue;
    total += 1;
    paths.push(path);
  }
  return { paths, total };
}

const HASH = `sha256:${'ab'.repeat(32)}`;
const PIECES = ['tools/a.py', 'b', 'x/y/', '#', ' ', '\t', '\v', '\r', ',', ';', '|', ':', 'sha256', 'sha256:', HASH, 'é', '😀', '\u0000', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufeff', 'zsha256:1', '/'];

function listingText(random: () => number): string {
  const lines = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
    Array.from({ length: Math.floor(random() * 6) }, () => PIECES[Math.floor(random() * PIECES.length)] as string).join(''),
  );
  return lines.join('\n') + (random() < 0.5 ? '\n' : '');
}

describe('listing lines (session 16: the first field read by a sticky regular expression)', () => {
  it('reads the same paths and total as the character loop, on 3,000 seeded listings', () => {
    const random = generator(16);
    for (let round = 0; round < 3_000; round += 1) {
      const text = listingText(random);
      const read = listedEntries(text);
      const oracle = oracleEntries(text);
      expect({ text, paths: read.entries.map((entry) => entry.path), total: read.total }).toEqual({ text, paths: oracle.paths, total: oracle.total });
    }
  });

  it('keeps each entry its hash and filters by file name, shape by shape', () => {
    const text = [`tools/a.py ${HASH}`, `${HASH} tools/b.py`, `x\u00e9/a.py,${HASH}`, ' tools/c.py', `zsha256:1/a.py ${HASH}`, '# tools/a.py', 'vendor/a.py'].join('\n');
    const read = listedEntries(text, new Set(['a.py']));
    expect(read.total).toBe(6);
    expect(read.entries).toEqual([
      { path: 'tools/a.py', hash: HASH },
      { path: 'x\u00e9/a.py', hash: HASH },
      { path: 'zsha256:1/a.py', hash: HASH },
      { path: 'vendor/a.py', hash: undefined },
    ]);
  });

  it('reads a listing with no hash on any line in one pass (no search past a line for `sha256:`)', () => {
    const text = Array.from({ length: 20_000 }, (_, index) => `tools/f${index}.py`).join('\n');
    const read = listedEntries(text, new Set(['f19999.py']));
    expect(read.total).toBe(20_000);
    expect(read.entries).toEqual([{ path: 'tools/f19999.py', hash: undefined }]);
  });
});

function oracleParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const JSON_PIECES = ['true', 'false', 'null', 'tru', 'nul', 'fals', 'trueish', '0', '-', '1.5e3', '"', '"a"', '[', ']', '{', '}', ',', ':', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\ufeff', '\u2028', 'x', 'tools/a.py', '#'];

describe('parseJsonOrUndefined (session 16: plain text is not handed to JSON.parse)', () => {
  it('answers as JSON.parse in a try on 5,000 seeded texts of scalars, brackets and white space JSON does not know', () => {
    const random = generator(1616);
    for (let round = 0; round < 5_000; round += 1) {
      const text = Array.from({ length: Math.floor(random() * 5) }, () => JSON_PIECES[Math.floor(random() * JSON_PIECES.length)] as string).join('');
      expect({ text, value: parseJsonOrUndefined(text) }).toEqual({ text, value: oracleParse(text) });
    }
  });

  it('still reads every JSON scalar and refuses text that only starts like one', () => {
    for (const text of ['true', ' false\n', '\tnull ', '"tools/a.py"', '-0', '12', '  7  ']) expect(parseJsonOrUndefined(text)).toEqual(JSON.parse(text));
    for (const text of ['tools/a.py', 'trues', 'nullx', 'false1', '\u00a0true', 'true\u00a0', '# log', '']) expect(parseJsonOrUndefined(text)).toBeUndefined();
  });
});

describe('compiled length checks (session 16: decided by the UTF-16 length when it can decide)', () => {
  it('answer as zod for strings of pairs, lone surrogates and ASCII around both bounds', () => {
    const schemas = [z.string().min(3), z.string().max(5), z.string().min(3).max(5), z.string().min(1).max(1), z.array(z.string()).max(2)];
    const units = ['a', '\ud83d\ude00', '\ud83d', '\ude00', '\u00e9'];
    const random = generator(3);
    for (const schema of schemas) {
      const check = compileValidity(schema);
      expect(check).toBeDefined();
      for (let round = 0; round < 2_000; round += 1) {
        const text = Array.from({ length: Math.floor(random() * 9) }, () => units[Math.floor(random() * units.length)] as string).join('');
        const value = schema instanceof z.ZodArray ? Array.from({ length: Math.floor(random() * 4) }, () => text) : text;
        expect({ value, valid: check?.(value) }).toEqual({ value, valid: schema.safeParse(value).success });
      }
    }
  });
});
