/**
 * Sizes, alphas and effects that leave text on the page but unreadable (issue 13, round 19;
 * docs/choices.md 92). A zero hid before (choice 22); these thresholds say where "near zero" ends:
 *   - a font size below UNREADABLE_FONT_PX CSS pixels (`0.01px`, `1px`, `0.2em`, `1%`, `0.5vw`),
 *     also as the `font` shorthand's size (`font: 0/0 a`);
 *   - an `opacity` (or `filter: opacity()`) below FAINT_OPACITY (`0.001`, `5%`);
 *   - a `zoom` below SMALLEST_ZOOM (`0.01`, `10%`);
 *   - a negative `letter-spacing` of UNREADABLE_FONT_PX or more (glyphs drawn over each other);
 *   - a `filter` that blurs by UNREADABLE_FONT_PX or more, takes the contrast below FAINT_OPACITY,
 *     inverts by more than half (dark text turns light on a light page), or that tki cannot read
 *     (`url()`, a function it does not know);
 *   - a `mask` or `mask-image` (prefixed or not) other than `none`: tki does not composite masks.
 * Relative lengths are taken at a browser's defaults (16px font), viewport units at a 320px-wide screen
 * (the smallest common one: the smaller the screen, the smaller the text).
 */
export const UNREADABLE_FONT_PX = 4;
export const FAINT_OPACITY = 0.1;
export const SMALLEST_ZOOM = 0.25;

/** CSS pixels per unit (relative units at the defaults, viewport units at 320×480). */
const PIXELS: Readonly<Record<string, number>> = {
  px: 1,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  em: 16,
  rem: 16,
  ex: 8,
  rex: 8,
  ch: 8,
  rch: 8,
  cap: 11,
  rcap: 11,
  ic: 16,
  ric: 16,
  lh: 19,
  rlh: 19,
  '%': 0.16,
  vw: 3.2,
  vi: 3.2,
  vmin: 3.2,
  vh: 4.8,
  vb: 4.8,
  vmax: 4.8,
  svw: 3.2,
  lvw: 3.2,
  dvw: 3.2,
  svh: 4.8,
  lvh: 4.8,
  dvh: 4.8,
  cqw: 3.2,
  cqh: 4.8,
  cqi: 3.2,
  cqb: 4.8,
  cqmin: 3.2,
  cqmax: 4.8,
};

const NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z]+|%)?$/;

/** A length in CSS pixels (a unitless 0 too); NaN when it is no length tki reads. */
export function pixelsOf(value: string): number {
  const match = NUMBER.exec(value.trim());
  if (match === null) return Number.NaN;
  const number = Number(match[1]);
  if (match[2] === undefined) return number === 0 ? 0 : Number.NaN;
  const perUnit = PIXELS[match[2]];
  return perUnit === undefined ? Number.NaN : number * perUnit;
}

/** A number or a percentage as a fraction (`0.5`, `50%`); NaN otherwise. */
export function fractionOf(value: string): number {
  const match = NUMBER.exec(value.trim());
  if (match === null || (match[2] !== undefined && match[2] !== '%')) return Number.NaN;
  return Number(match[1]) / (match[2] === '%' ? 100 : 1);
}

export const tinyFont = (value: string): boolean => pixelsOf(value) < UNREADABLE_FONT_PX;
export const faint = (value: string): boolean => fractionOf(value) < FAINT_OPACITY;

/** The size in a `font` shorthand: the token before the optional `/line-height` and the families (`font: italic 700 0/0 a`). */
export function fontShorthandSize(value: string): string | undefined {
  const beforeFamilies = value.split(/[,"']/)[0] ?? '';
  const tokens = beforeFamilies.replace(/\s*\/\s*/g, ' / ').trim().split(/\s+/);
  const slash = tokens.indexOf('/');
  if (slash > 0) return tokens[slash - 1];
  // Without a line height the size is the last length before the last token (the family).
  const lengths = tokens.slice(0, -1).filter((token) => !Number.isNaN(pixelsOf(token)));
  return lengths[lengths.length - 1];
}

/** Whether a `letter-spacing` draws the glyphs over each other. */
export const foldedLetters = (value: string): boolean => pixelsOf(value) <= -UNREADABLE_FONT_PX;

/** A value's top-level functions as [name, argument]; undefined when anything else stands between them. */
function topLevelCalls(value: string): [string, string][] | undefined {
  const calls: [string, string][] = [];
  let rest = value.trim();
  while (rest !== '') {
    const open = /^([a-z-]+)\(/.exec(rest);
    if (open === null) return undefined;
    let depth = 0;
    let end = -1;
    for (let at = open[0].length - 1; at < rest.length; at += 1) {
      if (rest[at] === '(') depth += 1;
      else if (rest[at] === ')' && --depth === 0) {
        end = at;
        break;
      }
    }
    if (end === -1) return undefined;
    calls.push([open[1] ?? '', rest.slice(open[0].length, end).trim()]);
    rest = rest.slice(end + 1).trim();
  }
  return calls;
}

const HARMLESS_FILTERS: ReadonlySet<string> = new Set(['brightness', 'grayscale', 'hue-rotate', 'saturate', 'sepia', 'drop-shadow']);

/** Whether a `filter` value may leave the text unreadable (anything tki does not read, a `url()` filter among them, fails closed). */
export function filterHides(value: string): boolean {
  if (value === 'none' || value === '') return false;
  const calls = topLevelCalls(value);
  if (calls === undefined) return true;
  return calls.some(([name, argument]) => {
    const amount = argument === '' ? 1 : fractionOf(argument);
    if (name === 'opacity' || name === 'contrast') return !(amount >= FAINT_OPACITY);
    if (name === 'invert') return !(amount <= 0.5);
    if (name === 'blur') return !(pixelsOf(argument === '' ? '0' : argument) < UNREADABLE_FONT_PX);
    return !HARMLESS_FILTERS.has(name);
  });
}
