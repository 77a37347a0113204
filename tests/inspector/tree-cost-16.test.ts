import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { treeWork } from '../../src/text/html-tree-direction.js';

/**
 * Issue 13, round 16: a Markdown block after a full list of formatting elements or a deep carried
 * stack re-did 64 pushes (~40× a plain block), so a 308 KB packet within every limit reached the
 * sandbox's wall clock. Checked by counting the tree's pushes, never by timing: the pushes one more
 * tag-free block adds must not depend on what is open before it.
 */
const distinct = (name: string, count: number): string => Array.from({ length: count }, (_, index) => `<${name} title="t${String(index)}">`).join('');

const OPEN_STATES: Record<string, string> = {
  plain: 'x',
  'rtl bold and 63 distinct italics (64 entries)': `x <b dir="rtl">${distinct('i', 63)}`,
  'rtl bold and 64 distinct italics (past the bound)': `x <b dir="rtl">${distinct('i', 64)}`,
  'rtl bold and 64 distinct directed italics': `x <b dir="rtl">${Array.from({ length: 64 }, (_, index) => `<i dir="ltr" title="${String(index)}">`).join('')}`,
  '64 nested rtl divs': '<div dir="rtl">'.repeat(64),
  '200 nested rtl divs (past the carried bound)': '<div dir="rtl">'.repeat(200),
};

function pushesFor(head: string, blocks: number): number {
  const before = treeWork.pushes;
  scanProse(`${head}${'\n\ny *z* &amp; w'.repeat(blocks)}\n\nAll tests pass.\n`, [], []);
  return treeWork.pushes - before;
}

describe('tree cost per tag-free block (round 16)', () => {
  for (const [name, head] of Object.entries(OPEN_STATES)) {
    it(`${name}: one more block adds at most 2 pushes`, () => {
      const small = pushesFor(head, 200);
      const large = pushesFor(head, 800);
      expect((large - small) / 600).toBeLessThanOrEqual(2);
    });
  }

  it('a block with a tag after the open state still reads the tree (the cache is per tag-free block only)', () => {
    const head = `x <b dir="rtl">${distinct('i', 63)}`;
    const small = pushesFor(head.replace(/$/, ''), 100);
    const withTags = treeWork.pushes;
    scanProse(`${head}${'\n\ny <br> z'.repeat(100)}\n`, [], []);
    // Each block with a tag resumes the state: this is the per-change cost, and it is counted.
    expect(treeWork.pushes - withTags).toBeGreaterThan(small);
  });
});
