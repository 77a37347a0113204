import { describe, expect, it } from 'vitest';
import { fileNameOf, listedEntries } from '../../src/chain/record-values.js';

/**
 * A listing is filtered by the file names the claims' subjects hold (session 17: a set read in
 * place of a callback per line, and the name taken without fileNameOf's call when the path does not
 * end in `/`). Kept must be exactly the unfiltered entries whose fileNameOf the set holds, in order,
 * and the total must not depend on the filter: compared on seeded listings whose paths end in a
 * name, in `/`, in `//`, or are `/` alone.
 */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const SEGMENTS = ['a.py', 'b.sh', 'tools', 'x', '', 'é.py', 'sha256:1'];
const HASH = `sha256:${'c'.repeat(64)}`;

function seededListing(random: () => number): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  return Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
    const path = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(SEGMENTS)).join('/') + pick(['', '', '/', '//']);
    return pick([path, `${path} ${HASH}`, `${HASH} ${path}`, `# ${path}`, '']);
  }).join('\n');
}

describe('listing entries filtered by a set of file names', () => {
  it('keeps exactly the entries whose file name the set holds, on 2,000 seeded listings', () => {
    const random = generator(17);
    for (let round = 0; round < 2_000; round += 1) {
      const text = seededListing(random);
      const names = new Set(SEGMENTS.filter(() => random() < 0.4));
      const all = listedEntries(text);
      const kept = listedEntries(text, names);
      expect({ text, kept: kept.entries, total: kept.total }).toEqual({ text, kept: all.entries.filter((entry) => names.has(fileNameOf(entry.path))), total: all.total });
    }
  });

  it('a path ending in / is named by its last segment, as fileNameOf names it', () => {
    const text = ['tools/x/', 'tools/x//', 'x', '/'].join('\n');
    expect(listedEntries(text, new Set(['x'])).entries.map((entry) => entry.path)).toEqual(['tools/x/', 'tools/x//', 'x']);
    expect(listedEntries(text, new Set([''])).entries.map((entry) => entry.path)).toEqual(['/']);
  });
});
