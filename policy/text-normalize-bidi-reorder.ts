/**
 * UAX #9 L2 for one line (text-normalize-bidi.ts): "from the highest level down to the lowest odd
 * level, reverse every run at that level or higher", in one pass instead of one pass per level (up
 * to 126 passes over the whole paragraph, and an array spread per run that overflows the stack on a
 * long one). The runs at each level or higher nest like brackets, so they form a tree: a span holds
 * the characters at its own level and the spans above it. Reversing a span k times keeps or turns
 * its order by k's parity, and its children turn with it; so a walk that reads each span forwards or
 * backwards by the parity of the reversals above and at it gives the same order. Both the building
 * and the walk use a stack of their own: no recursion, linear in the characters.
 *
 * The tree is numeric: each span's items (character indices, and child spans) are a doubly linked
 * list in typed arrays, so a long paragraph costs no object or array per span or character. Child
 * spans have strictly higher levels than their parent, so both stacks are at most 128 deep.
 */
const MAX_NESTING = 130;

/**
 * The stored index (from 0) of each character of `levels[from … from + length − 1]` in display
 * order, written into `order`; false (and nothing written) when no level is odd, so nothing is reversed.
 */
export function displayOrder(levels: Uint8Array, from: number, length: number, order: Int32Array): boolean {
  let lowestOdd = 0x100;
  let highest = 0;
  for (let at = 0; at < length; at += 1) {
    const level = levels[from + at] as number;
    if (level % 2 === 1 && level < lowestOdd) lowestOdd = level;
    if (level > highest) highest = level;
  }
  // Without an odd level nothing is reversed. Levels below the lowest odd one are never reversed: they all belong to the root.
  if (lowestOdd === 0x100) return false;
  if (highest === lowestOdd) {
    reversedRuns(levels, from, length, lowestOdd, order);
    return true;
  }
  if (lowestOdd === 1 && highest === 2) {
    twoLevelRuns(levels, from, length, order);
    return true;
  }
  const tree = new SpanTree(length, lowestOdd - 1);
  const open = new Int32Array(MAX_NESTING);
  let depth = 0;
  open[0] = tree.root;
  for (let at = 0; at < length; at += 1) {
    const level = Math.max(levels[from + at] as number, tree.base);
    let top = open[depth] as number;
    while ((tree.level[top] as number) > level) {
      const closed = top;
      depth -= 1;
      const below = open[depth] as number;
      // A run that started above this level and falls to it: the span at this level began with it.
      if ((tree.level[below] as number) >= level) tree.append(below, tree.spanItem(closed));
      else {
        const span = tree.newSpan(level);
        tree.append(span, tree.spanItem(closed));
        depth += 1;
        open[depth] = span;
      }
      top = open[depth] as number;
    }
    if ((tree.level[top] as number) < level) {
      top = tree.newSpan(level);
      depth += 1;
      open[depth] = top;
    }
    tree.append(top, at);
  }
  while (depth > 0) {
    const closed = open[depth] as number;
    depth -= 1;
    tree.append(open[depth] as number, tree.spanItem(closed));
  }
  tree.walk(order);
  return true;
}

/** The common case (plain right-to-left text: levels 0 and 1): one level to reverse, so each run at it is reversed once. */
function reversedRuns(levels: Uint8Array, from: number, length: number, level: number, order: Int32Array): void {
  for (let at = 0; at < length; at += 1) {
    if (levels[from + at] !== level) {
      order[at] = at;
      continue;
    }
    let end = at;
    while (end < length && levels[from + end] === level) end += 1;
    for (let index = at; index < end; index += 1) order[index] = end - 1 - (index - at);
    at = end - 1;
  }
}

/**
 * Levels 0, 1 and 2 only (right-to-left text with Latin words or digits, in either paragraph level):
 * each run at level 1 or higher is reversed once, and the runs at level 2 inside it twice, so they
 * read forwards. Written directly, without the tree (which allocated arrays per paragraph: most of
 * the cost of such sentences, session 12).
 */
function twoLevelRuns(levels: Uint8Array, from: number, length: number, order: Int32Array): void {
  for (let at = 0; at < length; at += 1) {
    if ((levels[from + at] as number) === 0) {
      order[at] = at;
      continue;
    }
    let end = at;
    while (end < length && (levels[from + end] as number) >= 1) end += 1;
    let written = at;
    for (let position = end - 1; position >= at; position -= 1) {
      if (levels[from + position] !== 2) {
        order[written++] = position;
        continue;
      }
      let start = position;
      while (start > at && levels[from + start - 1] === 2) start -= 1;
      for (let index = start; index <= position; index += 1) order[written++] = index;
      position = start;
    }
    at = end - 1;
  }
}

/**
 * Items 0 … length − 1 are the characters; a span's item follows (`spanItem`). Spans: at most one
 * new span per character in each of the two places that open one, plus the root.
 */
class SpanTree {
  readonly root = 0;
  readonly level: Int32Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  /** The span an item stands for (-1: a character). */
  private readonly spanOf: Int32Array;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  private spans = 1;
  private items: number;

  constructor(
    private readonly characters: number,
    readonly base: number,
  ) {
    const maxSpans = 2 * characters + 1;
    const maxItems = characters + maxSpans;
    this.level = new Int32Array(maxSpans);
    this.first = new Int32Array(maxSpans).fill(-1);
    this.last = new Int32Array(maxSpans).fill(-1);
    this.spanOf = new Int32Array(maxItems).fill(-1);
    this.next = new Int32Array(maxItems).fill(-1);
    this.previous = new Int32Array(maxItems).fill(-1);
    this.level[0] = base;
    this.items = characters;
  }

  newSpan(level: number): number {
    const span = this.spans;
    this.spans += 1;
    this.level[span] = level;
    return span;
  }

  /** A fresh item standing for `span` in its parent's list. */
  spanItem(span: number): number {
    const item = this.items;
    this.items += 1;
    this.spanOf[item] = span;
    return item;
  }

  append(span: number, item: number): void {
    const tail = this.last[span] as number;
    if (tail < 0) this.first[span] = item;
    else {
      this.next[tail] = item;
      this.previous[item] = tail;
    }
    this.last[span] = item;
  }

  /** Characters in display order: each span read forwards or backwards by the parity of the reversals above and at it. */
  walk(order: Int32Array): void {
    let written = 0;
    const spans = new Int32Array(MAX_NESTING);
    const backwards = new Uint8Array(MAX_NESTING);
    const cursor = new Int32Array(MAX_NESTING);
    let depth = 0;
    spans[0] = this.root;
    cursor[0] = this.first[this.root] as number;
    while (depth >= 0) {
      const item = cursor[depth] as number;
      if (item < 0) {
        depth -= 1;
        continue;
      }
      const isBackwards = backwards[depth] === 1;
      cursor[depth] = (isBackwards ? this.previous[item] : this.next[item]) as number;
      if (item < this.characters) {
        order[written] = item;
        written += 1;
        continue;
      }
      const child = this.spanOf[item] as number;
      const turns = ((this.level[child] as number) - (this.level[spans[depth] as number] as number)) % 2 === 1;
      depth += 1;
      spans[depth] = child;
      backwards[depth] = isBackwards !== turns ? 1 : 0;
      cursor[depth] = (backwards[depth] === 1 ? this.last[child] : this.first[child]) as number;
    }
  }
}
