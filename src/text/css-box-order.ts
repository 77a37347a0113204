import { unescaped } from './css-direction.js';

/**
 * CSS that shows an element's boxes in another order than the source's (red team round 16, choices
 * 70), read from an inline `style` as css-direction.ts reads one: `flex-direction` or `flex-flow`
 * with `reverse` (a flex container shows its items reversed), `order` on an item (items shown by it),
 * and `float` other than `none` or `left` (right floats stack right to left). tki does not lay a page
 * out: it fails closed, and the paragraph gets a second reading with those boxes in the other order
 * (html-tree-direction.ts, table-columns.ts). Off GitHub: its sanitizer strips `style`.
 */
export interface BoxOrder {
  /** A container whose items are shown reversed. */
  readonly reverses: boolean;
  /** An item placed by a key: its `order` (NaN: a value tki cannot tell), or a float to the right. */
  readonly placed: boolean;
  /** The `order` key (0 when none; NaN when tki cannot tell it). */
  readonly key: number;
  /** Placed by a float: right floats show in reverse order. */
  readonly floats: boolean;
}

const NO_ORDER: BoxOrder = { reverses: false, placed: false, key: 0, floats: false };
const MENTIONS = /flex|order|float|\\/i;

export function boxOrderOf(style: string | undefined): BoxOrder {
  if (style === undefined || !MENTIONS.test(style)) return NO_ORDER;
  let reverses = false;
  let placed = false;
  let key = 0;
  let floats = false;
  for (const declaration of style.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const name = unescaped(declaration.slice(0, colon)).trim().toLowerCase();
    const value = unescaped(declaration.slice(colon + 1))
      .replace(/!\s*important\s*$/i, '')
      .trim()
      .toLowerCase();
    if (name === 'flex-direction' || name === 'flex-flow') reverses ||= value.includes('reverse');
    else if (name === 'order') {
      placed = true;
      key = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    } else if (name === 'float' && value !== 'none' && value !== 'left') {
      placed = true;
      floats = true;
    }
  }
  return reverses || placed ? { reverses, placed, key, floats } : NO_ORDER;
}
