import { describe, expect, it } from 'vitest';
import { scanProse } from '../../src/index.js';
import { renderedText } from '../../src/text/rendered.js';
import { EMPTY_TREE } from '../../src/text/html-tree-direction.js';
import { tableWork } from '../../src/text/table-columns.js';

/**
 * Round 16 (issue 13, packets17): a table laid out right to left shows its first cell rightmost, so
 * `pass. | tests | All` reads "All tests pass." left to right; tki read the cells in source order,
 * each a paragraph of its own. A row is now read as one line in the order its cells display
 * (table-columns.ts, choices 70), for every way a table gets its direction: its own `dir` or CSS
 * `direction`, a `dir` or `direction` around it, `<body dir>`, `dir="auto"` (both readings).
 */
const scan = (text: string): ReturnType<typeof scanProse> => scanProse(text, [], []);
const passLines = (text: string): number[] => [...new Set(scan(text).passAssertions.map((finding) => finding.line))];
const row = (words: readonly string[], cell = 'td'): string => `<tr>${words.map((word) => `<${cell}>${word}</${cell}>`).join('')}</tr>`;
const REVERSED_ROW = row(['pass.', 'tests', 'All']);
/** The rendered text without bidi controls or separators: what the words read as, in order. */
const words = (html: string): string =>
  renderedText(html, 'kept', { browserHtml: true, tree: EMPTY_TREE })
    .text.replace(/[\u2066-\u2069\u202a-\u202e\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a right-to-left table is read in the order its cells display', () => {
  it('HTML tables by every route to a right-to-left direction: the pass is flagged', () => {
    for (const text of [
      `<table dir="rtl">${REVERSED_ROW}</table>\n`,
      `<table dir="RTL"><tbody>${row(['pass.', 'tests', 'All'], 'th')}</tbody></table>\n`,
      `<div dir="rtl"><table>${REVERSED_ROW}</table></div>\n`,
      `<table style="direction: rtl">${REVERSED_ROW}</table>\n`,
      `<div style="direction:rtl"><table>${REVERSED_ROW}</table></div>\n`,
      // Cells directly in the table: the row a browser implies.
      '<table dir="rtl"><td>pass.</td><td>tests</td><td>All</td></table>\n',
      // Unclosed cells and row: a cell's start tag closes the one before.
      '<table dir="rtl"><tr><td>pass.<td>tests<td>All</table>\n',
    ]) {
      expect(passLines(text), text).toEqual([1]);
    }
  });

  it('GFM tables inside a right-to-left direction: the header and body rows', () => {
    expect(passLines('<div dir="rtl">\n\n| pass. | tests | All |\n|---|---|---|\n\n</div>\n')).toEqual([3]);
    expect(passLines('<div style="direction:rtl">\n\n| a | b | c |\n|---|---|---|\n| pass. | tests | All |\n\n</div>\n')).toEqual([5]);
    expect(passLines('| a | b | c |\n|---|---|---|\n| pass. | tests | All |\n\n<body dir="rtl">\n')).toEqual([3]);
  });

  it('global-denial wording through the same order is flagged', () => {
    const text = `<table dir="rtl">${row(['anywhere.', 'exist', 'not', 'does', 'file', 'The'])}</table>\n`;
    expect(scan(text).globalDenials.length).toBeGreaterThan(0);
  });

  it('the words read in display order; a left-to-right table keeps source order and reads its row as one line', () => {
    expect(words(`<table dir="rtl">${REVERSED_ROW}</table>`)).toBe('All tests pass.');
    expect(words(`<table dir="ltr">${row(['All', 'tests', 'pass.'])}</table>`)).toBe('All tests pass.');
    // A cell is a word of its own box: cells never join into one word.
    expect(words(`<table dir="rtl">${row(['ss.', 'pa'])}</table>`)).toBe('pa ss.');
    // Controls: a left-to-right table's reversed row is no pass; nor is a right-to-left one written in reading order.
    expect(passLines(`<div dir="ltr"><table>${REVERSED_ROW}</table></div>\n`)).toEqual([]);
    expect(passLines(`<table dir="rtl">${row(['All', 'tests', 'pass.'])}</table>\n`)).toEqual([]);
    expect(passLines(`<div dir="ltr"><table>${row(['All', 'tests', 'pass.'])}</table></div>\n`)).toEqual([1]);
  });

  it('rows are laid out apart; a nested right-to-left table inside a cell is laid out inside it', () => {
    expect(words(`<table dir="rtl">${row(['b', 'a'])}${row(['d', 'c'])}</table>`)).toBe('a b c d');
    expect(words(`<table dir="rtl"><tr><td>z</td><td><table dir="rtl">${row(['y', 'x'])}</table></td></tr></table>`)).toBe('x y z');
    // Text foster-parented out of the table shows before it.
    expect(words('<table dir="rtl"><tr>fostered<td>b</td><td>a</td></tr></table>')).toBe('fostered a b');
  });

  it('a table inside dir="auto" is read both ways', () => {
    expect(passLines(`<div dir="auto"><table>${REVERSED_ROW}</table></div>\n`)).toEqual([1]);
    expect(passLines(`<div dir="auto"><table>${row(['All', 'tests', 'pass.'])}</table></div>\n`)).toEqual([1]);
  });
});

describe('cost: moving cells into display order stays linear', () => {
  /** Characters moved for a text (counted, never timed). */
  const moved = (text: string): number => {
    tableWork.moved = 0;
    scan(text);
    return tableWork.moved;
  };
  it('nested right-to-left tables, each a cell of the one outside: 4x the nesting moves at most ~4x the characters', () => {
    const nested = (depth: number): string => `${'<table dir="rtl"><tr><td>x</td><td>'.repeat(depth)}All${'</td></tr></table>'.repeat(depth)}\n`;
    const [small, large] = [moved(nested(500)), moved(nested(2000))];
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(5);
  });
  it('many rows: 4x the rows moves 4x the characters', () => {
    const rows = (count: number): string => `<table dir="rtl">${REVERSED_ROW.repeat(count)}</table>\n`;
    const [small, large] = [moved(rows(500)), moved(rows(2000))];
    expect(large / small).toBeGreaterThan(3.5);
    expect(large / small).toBeLessThan(4.5);
  });
});
