import type { TableLayoutListener } from './html-tree-direction.js';

/**
 * A table row read in the order its cells display (red team round 16, choices 70): a table laid out
 * right to left (`<table dir="rtl">`, one inside `<div dir="rtl">`, CSS `direction: rtl`) shows its
 * first cell rightmost, so `<td>pass.</td><td>tests</td><td>All</td>` reads "All tests pass." left
 * to right. When a row closes, its cells' text is moved into that order; what lies between them
 * (the breaks, text foster-parented out of the table) goes before the cells, where a browser shows
 * fostered text. Each cell keeps its own controls (a cell's elements open and close inside it).
 */

/** The rendered text being written (rendered.ts's builder): its length, and a rewrite of its tail. */
export interface ReorderableText {
  readonly length: number;
  /** Rewrites the text from `start` to its end as `ranges` (a permutation of that span) in order, each keeping its source offsets. */
  reorder(start: number, ranges: readonly (readonly [number, number])[]): void;
  /** Writes a mark that the text was not read exactly (fail closed). */
  unread(): void;
}

/** Work counted, not timed (tests): characters moved into display order. */
export const tableWork = { moved: 0 };

interface OpenRow {
  readonly reversed: boolean;
  readonly sorted: boolean;
  readonly cells: [number, number][];
  readonly keys: number[];
  /** The open cell's key. */
  cellKey: number;
  /** The open cell's start (-1: none). */
  cellStart: number;
}

export class TableColumns implements TableLayoutListener {
  private readonly rows: OpenRow[] = [];
  /** Characters moved so far: nested right-to-left tables move their text once per level, so this is bounded (linear), then the text is marked unread. */
  private budget: number;

  constructor(
    private readonly text: ReorderableText,
    sourceLength: number,
  ) {
    this.budget = 4 * sourceLength + 65_536;
  }

  openedRow(reversed: boolean, sorted: boolean): void {
    this.rows.push({ reversed, sorted, cells: [], keys: [], cellKey: 0, cellStart: -1 });
  }

  openedCell(key: number): void {
    const row = this.rows[this.rows.length - 1];
    if (row === undefined) return;
    row.cellStart = this.text.length;
    row.cellKey = key;
  }

  closed(kind: 'row' | 'cell'): void {
    const row = this.rows[this.rows.length - 1];
    if (row === undefined) return;
    if (kind === 'cell') {
      if (row.cellStart !== -1) this.closeCell(row);
      return;
    }
    this.rows.pop();
    this.lay(row);
  }

  /** At the end of the text: the rows still open are laid out as far as they go (the open cell is the last). */
  finish(): void {
    for (let row = this.rows.pop(); row !== undefined; row = this.rows.pop()) {
      if (row.cellStart !== -1) this.closeCell(row);
      this.lay(row);
    }
  }

  private closeCell(row: OpenRow): void {
    row.cells.push([row.cellStart, this.text.length]);
    row.keys.push(row.cellKey);
    row.cellStart = -1;
  }

  /** The cells in the order they display: sorted by key (stable; a key tki cannot tell reverses them instead, fail closed), then reversed. */
  private displayed(row: OpenRow): [number, number][] {
    const order = row.cells.map((_cell, index) => index);
    if (row.sorted && row.keys.some((key) => Number.isNaN(key))) order.reverse();
    else if (row.sorted) order.sort((a, b) => (row.keys[a] as number) - (row.keys[b] as number) || a - b);
    if (row.reversed) order.reverse();
    return order.map((index) => row.cells[index] as [number, number]);
  }

  private lay(row: OpenRow): void {
    const { cells } = row;
    if ((!row.reversed && !row.sorted) || cells.length < 2) return;
    const start = (cells[0] as [number, number])[0];
    const end = this.text.length;
    if (end - start > this.budget) {
      this.text.unread();
      this.budget = 0;
      return;
    }
    this.budget -= end - start;
    tableWork.moved += end - start;
    const between: [number, number][] = [];
    let at = start;
    for (const [from, to] of cells) {
      if (from > at) between.push([at, from]);
      at = to;
    }
    if (end > at) between.push([at, end]);
    this.text.reorder(start, [...between, ...this.displayed(row)]);
  }
}
