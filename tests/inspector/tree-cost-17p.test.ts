import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { treeWork } from '../../src/text/html-tree-direction.js';

/**
 * Issue 13, round 17: a block holding one tag after a full formatting list cost ~100× a plain block
 * (~1 MB of such blocks would reach the sandbox's wall clock). Most of it was reading the same
 * carried tags' `dir` and `style` again in every block: once when the state was resumed, once per
 * reconstruction, once per Noah's Ark scan. Counted, never timed: the tag directions read per added
 * block must not grow with what is carried (64 entries) — only the block's own tags are new.
 */
const distinct = (name: string, count: number): string => Array.from({ length: count }, (_, index) => `<${name} title="t${String(index)}">`).join('');
const blocks = (count: number, block: (index: number) => string): string => Array.from({ length: count }, (_, index) => `\n\n${block(index)}`).join('');

/** Round 17's shapes: the carried state differs at every block. */
const SHAPES: Record<string, (n: number) => string> = {
  'a new formatting entry each block past 64': (n) => `x <b dir="rtl">${distinct('i', 63)}${blocks(n, (index) => `<i title="k${String(index)}">y`)}`,
  'a new directed entry each block': (n) => `x ${blocks(n, (index) => `<b dir="${index % 2 === 0 ? 'rtl' : 'ltr'}" title="${String(index)}">y`)}`,
  'an entry opened and closed in turn under 41 entries': (n) => `x <b dir="rtl">${distinct('i', 40)}${blocks(n, (index) => (index % 2 === 0 ? `<em title="${String(index)}">y` : '</em>y'))}`,
  'a styled entry each block under 63 styled entries': (n) => `x <b style="direction: rtl">${distinct('u style="color: red"', 63)}${blocks(n, (index) => `<u style="color: red" title="k${String(index)}">y`)}`,
};

function directionsReadFor(text: string): { read: number; pushes: number } {
  const [read, pushes] = [treeWork.tagDirectionsRead, treeWork.pushes];
  scanProse(`${text}\n\nAll tests pass.\n`, [], []);
  return { read: treeWork.tagDirectionsRead - read, pushes: treeWork.pushes - pushes };
}

describe('a block with a tag reads only its own tags (round 17)', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: one more block reads at most 6 tag directions`, () => {
      const small = directionsReadFor(shape(100));
      const large = directionsReadFor(shape(400));
      // A block's own tag, per reading (2) and inherited direction (3): never the 64 carried entries again.
      expect((large.read - small.read) / 300).toBeLessThanOrEqual(6);
      // The tree itself is still followed (the reconstruction is the model's), so the saving is not a skipped reading.
      expect(large.pushes - small.pushes).toBeGreaterThan(300);
    });
  }
});
