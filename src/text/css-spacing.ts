import { declaredValues } from './css-direction.js';
import { pixelsOf } from './css-unreadable.js';

/**
 * Word breaks a browser draws from CSS spacing between boxes (issue 13, round 19; docs/choices.md 92):
 * flex items `All`, `tests`, `pass.` with a `gap` show "All tests pass." though the text holds no
 * space (white space between flex items is not rendered), and so do inline boxes with a horizontal
 * `margin`, `padding` or `border`. tki does not lay a page out: such a box's edges read as a space in
 * the paragraph's other reading (the one in which hidden text is removed, choice 19), and as written
 * in the first, so a pass either reading shows keeps its flag.
 *   - a container spaces its items: `display` flex or grid (inline too) with a `gap`, `column-gap`,
 *     `grid-gap` or `grid-column-gap`, or a `justify-content` that spreads them (`space-*`);
 *   - a box is spaced by its own horizontal `margin`, `padding` or border width (the shorthands' left
 *     and right values, `-inline-` ones too).
 * Spacing below MIN_WORD_SPACE_PX is no word break (kerning-sized); a value tki cannot compute is one.
 */
export const MIN_WORD_SPACE_PX = 2;

const CONTAINER_PROPERTIES: ReadonlySet<string> = new Set(['display', 'gap', 'column-gap', 'grid-gap', 'grid-column-gap', 'justify-content']);
const BOX_SIDES = ['margin', 'padding', 'border-width'] as const;
const BOX_PROPERTIES: ReadonlySet<string> = new Set(
  BOX_SIDES.flatMap((name) => {
    const [box, width] = name === 'border-width' ? ['border', '-width'] : [name, ''];
    return [name, ...['left', 'right', 'inline', 'inline-start', 'inline-end'].map((side) => `${box}-${side}${width}`)];
  }).concat(['border', 'border-left', 'border-right', 'border-inline', 'border-inline-start', 'border-inline-end']),
);

const COMPUTED = /\b(?:var|calc|env|attr|min|max|clamp)\(/;

/** Whether a length (or a list of them: any one) is a word's width of space, or one tki cannot tell. */
function spaces(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (COMPUTED.test(value)) return true;
  return value.split(/\s+/).some((part) => pixelsOf(part) >= MIN_WORD_SPACE_PX);
}

/** Whether a style makes its element a container whose items are drawn apart. */
export function spacesItems(style: string | undefined): boolean {
  if (style === undefined || !/flex|grid|\\/i.test(style)) return false;
  const declared = declaredValues(style, CONTAINER_PROPERTIES);
  if (!/flex|grid/.test(declared.get('display') ?? '')) return false;
  const gap = declared.get('gap') ?? declared.get('grid-gap');
  // `gap: row column` (one value: both); only the column gap draws words apart.
  const columnGap = declared.get('column-gap') ?? declared.get('grid-column-gap') ?? gap?.split(/\s+/).pop();
  return spaces(columnGap) || /space-|stretch|var\(/.test(declared.get('justify-content') ?? '');
}

/** The horizontal (left and right) values of a one-to-four-value box shorthand. */
function horizontal(value: string): string {
  const parts = value.split(/\s+/);
  return parts.length === 1 ? (parts[0] ?? '') : [parts[1], parts[3]].filter((part) => part !== undefined).join(' ');
}

/** Whether a style gives its element a horizontal margin, padding or border wide enough to read as a space. */
export function spacedBox(style: string | undefined): boolean {
  if (style === undefined || !/margin|padding|border|\\/i.test(style)) return false;
  for (const [name, value] of declaredValues(style, BOX_PROPERTIES)) {
    if (name === 'margin' || name === 'padding' || name === 'border-width') {
      if (spaces(horizontal(value))) return true;
    } else if (name.startsWith('border') && !name.endsWith('-width')) {
      // A border shorthand: its width (a length, or thin/medium/thick) if its style draws one.
      if (!/\b(?:none|hidden)\b/.test(value) && /\b(?:solid|dashed|dotted|double|groove|ridge|inset|outset)\b/.test(value) && spaces(value.replace(/\bthin\b/g, '1px').replace(/\bmedium\b/g, '3px').replace(/\bthick\b/g, '5px'))) return true;
    } else if (spaces(value)) return true;
  }
  return false;
}
