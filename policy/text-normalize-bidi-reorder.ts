/**
 * UAX #9 L2 for one line (text-normalize-bidi.ts): "from the highest level down to the lowest odd
 * level, reverse every run at that level or higher", in one pass instead of one pass per level (up
 * to 126 passes over the whole paragraph, and an array spread per run that overflows the stack on a
 * long one). The runs at each level or higher nest like brackets, so they form a tree: a span holds
 * the characters at its own level and the spans above it. Reversing a span k times keeps or turns
 * its order by k's parity, and its children turn with it; so a walk that reads each span forwards or
 * backwards by the parity of the reversals above and at it gives the same order. Both the building
 * and the walk use a stack of their own: no recursion, linear in the characters.
 */
interface Span {
  readonly level: number;
  /** Character indices (at this span's level) and spans above it, in stored order. */
  readonly items: Array<number | Span>;
}

/** The stored index of each character in display order; `levels` are the resolved levels (after L1). */
export function displayOrder(levels: ArrayLike<number>): Int32Array {
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (let index = 0; index < levels.length; index += 1) {
    const level = levels[index] as number;
    if (level % 2 === 1 && level < lowestOdd) lowestOdd = level;
  }
  // Levels below the lowest odd one are never reversed: they all belong to the root.
  const base = lowestOdd === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : lowestOdd - 1;
  const root: Span = { level: base, items: [] };
  const open: Span[] = [root];
  let top = root;
  for (let index = 0; index < levels.length; index += 1) {
    const level = Math.max(levels[index] as number, base);
    while (top.level > level) {
      const closed = open.pop() as Span;
      const below = open[open.length - 1] as Span;
      // A run that started above this level and falls to it: the span at this level began with it.
      if (below.level >= level) below.items.push(closed);
      else open.push({ level, items: [closed] });
      top = open[open.length - 1] as Span;
    }
    if (top.level < level) {
      top = { level, items: [] };
      open.push(top);
    }
    top.items.push(index);
  }
  while (open.length > 1) {
    const closed = open.pop() as Span;
    (open[open.length - 1] as Span).items.push(closed);
  }
  return walk(root, levels.length);
}

interface Visit {
  readonly span: Span;
  readonly backwards: boolean;
  read: number;
}

function walk(root: Span, length: number): Int32Array {
  const order = new Int32Array(length);
  let written = 0;
  const visits: Visit[] = [{ span: root, backwards: false, read: 0 }];
  while (visits.length > 0) {
    const visit = visits[visits.length - 1] as Visit;
    const { items } = visit.span;
    if (visit.read === items.length) {
      visits.pop();
      continue;
    }
    const item = items[visit.backwards ? items.length - 1 - visit.read : visit.read] as number | Span;
    visit.read += 1;
    if (typeof item === 'number') {
      order[written] = item;
      written += 1;
    } else visits.push({ span: item, backwards: visit.backwards !== ((item.level - visit.span.level) % 2 === 1), read: 0 });
  }
  return order;
}
