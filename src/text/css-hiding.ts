import { declaredValues } from './css-direction.js';
import { declaredPaint, DEFAULT_PAINT, PAINT_PROPERTIES, paintHides, type Paint } from './css-paint.js';
import { faint, filterHides, foldedLetters, fontShorthandSize, fractionOf, SMALLEST_ZOOM, tinyFont } from './css-unreadable.js';

/**
 * Whether a declaration list (an inline `style`, or a `<style>` rule's block: style-sheet.ts) may
 * keep a browser from showing the element's text in the line (issue 13; docs/choices.md 22, amended
 * in session 18). Reading both ways is what a `true` costs (hidden-content.ts), so a list tki cannot
 * tell is `true`: fail closed.
 *   - one declaration: `display: none`, `visibility: hidden | collapse`, `content-visibility: hidden`;
 *   - unreadable (css-unreadable.ts's thresholds, session 20): a tiny `font-size` (also in the `font`
 *     shorthand), a faint `opacity` or `fill-opacity`, a `fill` of `none`, a tiny `zoom`, folded
 *     `letter-spacing`, a `filter` or a mask;
 *   - text painted in the colour behind it (css-paint.ts: a zero alpha, its own background, the page's);
 *   - taken out of the line: `position: absolute | fixed` (shown elsewhere, or off screen), or
 *     `relative | sticky` moved by an offset;
 *   - moved, clipped or shrunk: any `transform`, `translate` or `scale` but `none`, any `clip-path`
 *     but `none`, any `clip` but `auto`, a negative `text-indent` or margin;
 *   - a box that cuts its text: `overflow` (or `-x`, `-y`) `hidden | clip` with a set `width`,
 *     `height`, `max-width`, `max-height` or `line-height`;
 *   - any of these properties with a value tki cannot compute (`var()`, `calc()`, `env()`, `attr()`),
 *     but a size or an offset, which hides only with its partner (then any set value counts).
 */
const HIDING_PROPERTIES: ReadonlySet<string> = new Set([
  'display',
  'visibility',
  'content-visibility',
  'font-size',
  'opacity',
  'color',
  'position',
  'top',
  'left',
  'right',
  'bottom',
  'inset',
  'transform',
  'translate',
  'scale',
  'clip',
  'clip-path',
  'text-indent',
  'margin',
  'margin-left',
  'margin-right',
  'margin-top',
  'margin-inline-start',
  'margin-block-start',
  'overflow',
  'overflow-x',
  'overflow-y',
  'width',
  'height',
  'max-width',
  'max-height',
  'line-height',
  'font',
  'filter',
  'zoom',
  'letter-spacing',
  'mask',
  'mask-image',
  '-webkit-mask',
  '-webkit-mask-image',
  'fill',
  'fill-opacity',
  ...PAINT_PROPERTIES,
]);

/** None of the properties can be spelled without one of these, or an escape. */
const MAY_NAME_A_PROPERTY = /display|visibility|font|opacity|color|position|transform|translate|scale|clip|indent|margin|overflow|filter|zoom|spacing|mask|background|fill|\\/;

/** A zero length, percentage or number: `0`, `0px`, `0.0em`, `-0%`. */
const ZERO = /^[+-]?(?:0+\.?0*|\.0+)(?:[a-z]+|%)?$/;
/** A value computed from something tki does not read. */
const COMPUTED = /\b(?:var|calc|env|attr|min|max|clamp)\(/;
/** A negative length anywhere in a value (`-9999px`, `0 -1em`). */
const NEGATIVE = /(?:^|\s)-(?:\d|\.\d)/;

const OFFSETS = ['top', 'left', 'right', 'bottom', 'inset'] as const;
const MARGINS = ['margin', 'margin-left', 'margin-right', 'margin-top', 'margin-inline-start', 'margin-block-start'] as const;
const CUT_SIZES = ['width', 'height', 'max-width', 'max-height', 'line-height'] as const;
/** Properties that hide only with another (a size with `overflow`, an offset with `position`): a computed value of theirs alone hides nothing. */
const PARTNERS: ReadonlySet<string> = new Set([...CUT_SIZES, ...OFFSETS]);

const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';
const moved = (value: string | undefined): boolean => isSet(value) && value !== 'auto' && !ZERO.test(value);

/**
 * `around`: the paint the element sits in (css-paint.ts), the browser's default page for a `<style>`
 * rule; `null` when the caller judges the paint itself (hidden-content.ts, from the tag and its
 * enclosing elements).
 */
export function styleHides(style: string, around: Paint | null = DEFAULT_PAINT): boolean {
  if (!MAY_NAME_A_PROPERTY.test(style.toLowerCase())) return false;
  const declared = declaredValues(style, HIDING_PROPERTIES);
  if (declared.size === 0) return false;
  for (const [name, value] of declared) if (!PARTNERS.has(name) && COMPUTED.test(value)) return true;
  return (
    oneDeclarationHides(declared) ||
    unreadable(declared) ||
    (around !== null && paintHides(around, declaredPaint(declared))) ||
    outOfTheLine(declared) ||
    movedOrClipped(declared) ||
    cutByItsBox(declared)
  );
}

const MASKS = ['mask', 'mask-image', '-webkit-mask', '-webkit-mask-image'] as const;

/** Near-zero sizes and alphas, filters and masks (css-unreadable.ts). */
function unreadable(declared: ReadonlyMap<string, string>): boolean {
  const fontSize = declared.get('font-size');
  const font = declared.get('font');
  const shorthandSize = font === undefined ? undefined : fontShorthandSize(font);
  const opacity = declared.get('opacity');
  const zoom = declared.get('zoom');
  const spacing = declared.get('letter-spacing');
  const filter = declared.get('filter');
  const fillOpacity = declared.get('fill-opacity');
  const fill = declared.get('fill');
  return (
    (fontSize !== undefined && tinyFont(fontSize)) ||
    (shorthandSize !== undefined && tinyFont(shorthandSize)) ||
    (opacity !== undefined && faint(opacity)) ||
    // SVG text is drawn by its fill: none, or a faint one, draws no glyph (a stroke may outline it: fail closed).
    (fillOpacity !== undefined && faint(fillOpacity)) ||
    (fill !== undefined && /^(?:none|transparent)$/.test(fill)) ||
    (zoom !== undefined && fractionOf(zoom) < SMALLEST_ZOOM) ||
    (spacing !== undefined && foldedLetters(spacing)) ||
    (filter !== undefined && filterHides(filter)) ||
    MASKS.some((name) => isSet(declared.get(name)) && declared.get(name) !== 'none')
  );
}

function oneDeclarationHides(declared: ReadonlyMap<string, string>): boolean {
  const visibility = declared.get('visibility');
  return declared.get('display') === 'none' || visibility === 'hidden' || visibility === 'collapse' || declared.get('content-visibility') === 'hidden';
}

function outOfTheLine(declared: ReadonlyMap<string, string>): boolean {
  const position = declared.get('position');
  if (position === 'absolute' || position === 'fixed') return true;
  return (position === 'relative' || position === 'sticky') && OFFSETS.some((name) => moved(declared.get(name)));
}

function movedOrClipped(declared: ReadonlyMap<string, string>): boolean {
  const notNone = (name: string): boolean => isSet(declared.get(name)) && declared.get(name) !== 'none';
  const clip = declared.get('clip');
  const indent = declared.get('text-indent');
  return (
    notNone('transform') ||
    notNone('translate') ||
    (notNone('scale') && declared.get('scale') !== '1') ||
    notNone('clip-path') ||
    (isSet(clip) && clip !== 'auto') ||
    (isSet(indent) && NEGATIVE.test(indent)) ||
    MARGINS.some((name) => NEGATIVE.test(declared.get(name) ?? ''))
  );
}

function cutByItsBox(declared: ReadonlyMap<string, string>): boolean {
  const cuts = ['overflow', 'overflow-x', 'overflow-y'].some((name) => /\b(?:hidden|clip)\b/.test(declared.get(name) ?? ''));
  return cuts && CUT_SIZES.some((name) => isSet(declared.get(name)) && !/^(?:auto|none|normal)$/.test(declared.get(name) ?? ''));
}
