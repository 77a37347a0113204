import { colourOf, DEFAULT_TEXT, isColourToken, PAGE_BACKGROUND, TRANSPARENT, unreadableOn, type Colour } from './css-colour.js';
import { declaredValues } from './css-direction.js';
import type { BrowserTag } from './html-tokenizer.js';

/**
 * Text painted in the colour behind it (issue 13, round 19; docs/choices.md 92): `color:#fff;
 * background:white`, `<font color=yellow>` in a `<mark>` (yellow by default), `background-color:
 * currentcolor`, white text on a browser's default (white) page. The text colour is the element's
 * own (`-webkit-text-fill-color` over `color`, a `<font color>`) or the one it inherits; the
 * background is the nearest one painted: its own, or an enclosing element's (`background`,
 * `background-color`, a `bgcolor`, a `<mark>`), else the page. A colour tki cannot compute
 * (css-colour.ts), and a background image, may be the other's: fail closed.
 */
export interface Paint {
  readonly text: Colour;
  readonly background: Colour;
}

export const DEFAULT_PAINT: Paint = { text: DEFAULT_TEXT, background: PAGE_BACKGROUND };
/** What nothing tki read tells (an enclosing element past the walk's bound). */
export const UNKNOWN_PAINT: Paint = { text: 'unknown', background: 'unknown' };

/** What one element declares: its text colour, and the backgrounds it may paint (undefined: inherited or let through). */
export interface OwnPaint {
  readonly text?: Colour;
  readonly backgrounds: readonly Colour[];
}

const NO_PAINT: OwnPaint = { backgrounds: [] };

export const PAINT_PROPERTIES: readonly string[] = ['color', '-webkit-text-fill-color', 'background', 'background-color'];
const PAINT_NAMES: ReadonlySet<string> = new Set(PAINT_PROPERTIES);
/** A background layer that is an image paints what tki does not compute. */
const IMAGE = /\b(?:url|[a-z-]*gradient|image|image-set|element|cross-fade|paint)\(/;

/** The paint a declaration list declares (names lower-cased, as declaredValues gives them). */
export function declaredPaint(declared: ReadonlyMap<string, string>): OwnPaint {
  const color = declared.get('color');
  const fill = declared.get('-webkit-text-fill-color');
  const fillColour = fill === undefined ? undefined : colourOf(fill);
  // The fill paints the glyphs; `currentcolor` there is the `color`.
  const text = fillColour !== undefined && fillColour !== 'current' ? fillColour : color === undefined ? undefined : colourOf(color);
  const backgrounds: Colour[] = [];
  const backgroundColor = declared.get('background-color');
  const shorthand = declared.get('background');
  // Which of the two came last is not kept by the declaration reader: both are tried (fail closed).
  if (backgroundColor !== undefined) backgrounds.push(colourOf(backgroundColor));
  if (shorthand !== undefined) backgrounds.push(shorthandBackground(shorthand));
  return { ...(text === undefined ? {} : { text }), backgrounds };
}

/** The colour a `background` shorthand paints: its last layer's colour token, `unknown` for an image, transparent for none. */
function shorthandBackground(value: string): Colour {
  if (IMAGE.test(value)) return 'unknown';
  const whole = colourOf(value);
  if (whole !== 'unknown') return whole;
  let depth = 0;
  let token = '';
  const tokens: string[] = [];
  for (const char of `${value} `) {
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    if (depth === 0 && /[\s,/]/.test(char)) {
      if (token !== '') tokens.push(token);
      token = '';
    } else token += char;
  }
  const colour = tokens.find(isColourToken);
  return colour === undefined ? TRANSPARENT : colourOf(colour);
}

/** A `<mark>`'s default style (HTML's rendering section): black on yellow. */
const MARK: OwnPaint = { text: DEFAULT_TEXT, backgrounds: [{ r: 255, g: 255, b: 0, a: 1 }] };
/** Elements whose `bgcolor` a browser paints. */
const BGCOLOR = new Set(['body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'marquee']);
/** Any of the paint properties (or an escape that may spell one). */
const MAY_PAINT = /color|background|\\/;

/** The paint a start tag declares: its inline style over its presentational attributes over a `<mark>`'s default. */
export function tagPaint(tag: BrowserTag): OwnPaint {
  const style = tag.attributes.get('style');
  const declared = style !== undefined && MAY_PAINT.test(style.toLowerCase()) ? declaredPaint(declaredValues(style, PAINT_NAMES)) : NO_PAINT;
  const base = tag.name === 'mark' ? MARK : NO_PAINT;
  const fontColor = tag.name === 'font' ? tag.attributes.get('color') : undefined;
  const bgcolor = BGCOLOR.has(tag.name) ? tag.attributes.get('bgcolor') : undefined;
  // Attribute values are parsed by HTML's legacy colour rules, which read more than CSS does (`ffffff`): tki's `unknown` fails closed.
  const text = declared.text ?? (fontColor === undefined ? base.text : colourOf(fontColor.trim().toLowerCase()));
  const backgrounds = declared.backgrounds.length > 0 ? declared.backgrounds : bgcolor !== undefined ? [colourOf(bgcolor.trim().toLowerCase())] : base.backgrounds;
  return { ...(text === undefined ? {} : { text }), backgrounds };
}

export const paints = (own: OwnPaint): boolean => own.text !== undefined || own.backgrounds.length > 0;

/** The paint inside an element that declares `own`, around which `around` is painted. */
export function paintInside(around: Paint, own: OwnPaint, background: Colour | undefined = own.backgrounds[0]): Paint {
  const text = own.text === undefined || own.text === 'inherit' || own.text === 'current' ? around.text : own.text;
  return { text, background: backgroundOver(around.background, background, text) };
}

function backgroundOver(below: Colour, painted: Colour | undefined, text: Colour): Colour {
  if (painted === undefined || painted === 'inherit') return below;
  const colour = painted === 'current' ? text : painted;
  if (typeof colour === 'string' || colour.a >= 1) return colour;
  if (colour.a === 0) return below;
  if (typeof below === 'string') return 'unknown';
  const over = (channel: 'r' | 'g' | 'b'): number => colour[channel] * colour.a + below[channel] * (1 - colour.a);
  return { r: over('r'), g: over('g'), b: over('b'), a: 1 };
}

/** Whether an element declaring `own` inside `around` paints its text unreadable on its background (any background it may paint). */
export function paintHides(around: Paint, own: OwnPaint): boolean {
  if (!paints(own)) return false;
  const backgrounds = own.backgrounds.length === 0 ? [undefined] : own.backgrounds;
  return backgrounds.some((background) => {
    const inside = paintInside(around, own, background);
    return unreadableOn(inside.text, inside.background);
  });
}

/** How many enclosing elements are read for the paint they declare; past that, what is around them is unknown. */
const MAX_ENCLOSING = 32;

/** The paint around an element, from its enclosing elements' tags, innermost first. */
export function paintAround(enclosing: Iterable<BrowserTag>): Paint {
  const owns: OwnPaint[] = [];
  let seen = 0;
  let bounded = false;
  for (const tag of enclosing) {
    if (seen === MAX_ENCLOSING) {
      bounded = true;
      break;
    }
    seen += 1;
    const own = tagPaint(tag);
    if (paints(own)) owns.push(own);
  }
  return owns.reduceRight((around, own) => paintInside(around, own), bounded ? UNKNOWN_PAINT : DEFAULT_PAINT);
}
