/**
 * A small CSS colour model (issue 13, round 19; docs/choices.md 92): enough to tell whether text is
 * painted in the colour of what is behind it (`color:#fff;background:white`, `<font color=yellow>`
 * in a `<mark>`, `background-color: currentcolor`). Computed: the named colours, `#rgb`, `#rgba`,
 * `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` and `hsl()`/`hsla()` (commas or spaces, `/ alpha`),
 * `hwb()`, `transparent`, and any function whose alpha is zero (`oklch(… / 0)`, `rgb(from red r g b
 * / 0)`). What tki cannot compute is `unknown` (`color-mix()`, `var()`, `light-dark()`, relative
 * colours, system colours, whose value is the theme's): its callers fail closed on it.
 */
export interface Rgba {
  /** Channels 0–255, alpha 0–1. */
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** A colour value: computed, the text's own colour (`currentcolor`), inherited (`inherit` and the other wide keywords), or one tki cannot tell. */
export type Colour = Rgba | 'current' | 'inherit' | 'unknown';

export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
/** A browser's default page and text (no `color-scheme`: the light one in every theme). */
export const PAGE_BACKGROUND: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const DEFAULT_TEXT: Rgba = { r: 0, g: 0, b: 0, a: 1 };

/** The CSS named colours (CSS Color 4 §6.1), as six hex digits. */
const NAMED = new Map<string, string>(
  (
    'aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc bisque ffe4c4 black 000000 ' +
    'blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 ' +
    'chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b ' +
    'darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b darkmagenta 8b008b ' +
    'darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f ' +
    'darkslateblue 483d8b darkslategray 2f4f4f darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 ' +
    'deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 forestgreen 228b22 ' +
    'fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod daa520 gray 808080 green 008000 greenyellow adff2f ' +
    'grey 808080 honeydew f0fff0 hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa ' +
    'lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff ' +
    'lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a ' +
    'lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 ' +
    'lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa mediumblue 0000cd ' +
    'mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a ' +
    'mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 ' +
    'navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 ' +
    'palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 ' +
    'peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f ' +
    'royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee sienna a0522d ' +
    'silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa springgreen 00ff7f ' +
    'steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 ' +
    'white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32'
  )
    .split(' ')
    .reduce<[string, string][]>((pairs, word, index, words) => (index % 2 === 0 ? [...pairs, [word, words[index + 1] ?? '']] : pairs), []),
);

const WIDE_KEYWORDS: ReadonlySet<string> = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);
/** A function's last argument after `/` or `,` that is zero (`… / 0`, `…, 0%`): no alpha, whatever the rest computes to. */
const ZERO_ALPHA_ARGUMENT = /[,/]\s*[+-]?(?:0+\.?0*|\.0+)(?:e[+-]?\d+)?%?\s*\)$/;

/** System colours (CSS Color 4 §6.2, and the deprecated ones): the theme's, so `unknown`. */
const SYSTEM = new Set(
  'accentcolor accentcolortext activetext buttonborder buttonface buttontext canvas canvastext field fieldtext graytext highlight highlighttext linktext mark marktext selecteditem selecteditemtext visitedtext activeborder activecaption appworkspace background buttonhighlight buttonshadow captiontext inactiveborder inactivecaption inactivecaptiontext infobackground infotext menu menutext scrollbar threeddarkshadow threedface threedhighlight threedlightshadow threedshadow window windowframe windowtext'.split(' '),
);
/** Functions whose value is a colour. */
const COLOUR_FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark|device-cmyk|contrast-color)\(/;

/** Whether one token of a shorthand (`background: white url(x) no-repeat`) is a colour. */
export function isColourToken(token: string): boolean {
  return token.startsWith('#') || COLOUR_FUNCTION.test(token) || NAMED.has(token) || SYSTEM.has(token) || token === 'transparent' || token === 'currentcolor';
}

/** The colour a CSS value (lower-cased, escapes decoded) names. */
export function colourOf(value: string): Colour {
  const text = value.trim();
  if (text === 'transparent') return TRANSPARENT;
  if (text === 'currentcolor') return 'current';
  if (WIDE_KEYWORDS.has(text)) return 'inherit';
  const named = NAMED.get(text);
  if (named !== undefined) return fromHex(named);
  if (/^#[0-9a-f]+$/.test(text)) return [4, 5, 7, 9].includes(text.length) ? fromHex(text.slice(1)) : 'unknown';
  const call = /^([a-z-]+)\((.*)\)$/s.exec(text);
  if (call === null) return 'unknown';
  if (ZERO_ALPHA_ARGUMENT.test(text) && !/\b(?:var|calc|env|attr)\(/.test(text)) return TRANSPARENT;
  const [, name = '', args = ''] = call;
  if (/[a-z]\(|\bfrom\b/.test(args)) return 'unknown';
  const parts = args.includes(',') ? args.split(',').map((part) => part.trim()) : splitSpaced(args);
  if (parts === undefined) return 'unknown';
  if (name === 'rgb' || name === 'rgba') return fromRgb(parts);
  if (name === 'hsl' || name === 'hsla') return fromHue(parts, hslChannels);
  if (name === 'hwb') return fromHue(parts, hwbChannels);
  return 'unknown';
}

/** `a b c / d` as `[a, b, c, d]`; undefined when it is not three values and an optional alpha. */
function splitSpaced(args: string): string[] | undefined {
  const [channels = '', alpha, extra] = args.split('/');
  if (extra !== undefined) return undefined;
  const parts = channels.trim().split(/\s+/);
  if (parts.length !== 3) return undefined;
  return alpha === undefined ? parts : [...parts, alpha.trim()];
}

function fromHex(hex: string): Rgba {
  const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const channel = (at: number): number => Number.parseInt(digits.slice(at, at + 2), 16);
  return { r: channel(0), g: channel(2), b: channel(4), a: digits.length === 8 ? channel(6) / 255 : 1 };
}

/** A number, or a percentage of `full`; NaN when it is neither (`none` is 0, CSS Color 4). */
function numberOf(part: string, full: number): number {
  if (part === 'none') return 0;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/.exec(part);
  if (match === null) return Number.NaN;
  const number = Number(match[1]);
  return match[2] === '%' ? (number / 100) * full : number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function alphaOf(parts: readonly string[]): number {
  const alpha = parts[3];
  return alpha === undefined ? 1 : clamp(numberOf(alpha, 1), 0, 1);
}

function checked(colour: Rgba): Colour {
  return [colour.r, colour.g, colour.b, colour.a].some((channel) => Number.isNaN(channel)) ? 'unknown' : colour;
}

function fromRgb(parts: readonly string[]): Colour {
  if (parts.length < 3 || parts.length > 4) return 'unknown';
  const [r, g, b] = parts.slice(0, 3).map((part) => clamp(numberOf(part, 255), 0, 255));
  return checked({ r: r ?? Number.NaN, g: g ?? Number.NaN, b: b ?? Number.NaN, a: alphaOf(parts) });
}

/** A hue in degrees: a number, or `deg`, `grad`, `rad`, `turn`. */
function hueOf(part: string): number {
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(deg|grad|rad|turn)?$/.exec(part);
  if (part === 'none') return 0;
  if (match === null) return Number.NaN;
  const number = Number(match[1]);
  const perTurn = { deg: 360, grad: 400, rad: 2 * Math.PI, turn: 1 }[match[2] ?? 'deg'] ?? 360;
  return (((number / perTurn) * 360) % 360 + 360) % 360;
}

type HueChannels = (hue: number, first: number, second: number) => readonly [number, number, number];

/** CSS Color 4's hsl-to-rgb, channels 0–1. */
const hslChannels: HueChannels = (hue, saturation, lightness) => {
  const channel = (n: number): number => {
    const k = (n + hue / 30) % 12;
    const a = saturation * Math.min(lightness, 1 - lightness);
    return lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [channel(0), channel(8), channel(4)];
};

/** CSS Color 4's hwb-to-rgb: white and black mixed into the pure hue. */
const hwbChannels: HueChannels = (hue, white, black) => {
  if (white + black >= 1) {
    const grey = white / (white + black);
    return [grey, grey, grey];
  }
  const [r, g, b] = hslChannels(hue, 1, 0.5);
  const mixed = (channel: number): number => channel * (1 - white - black) + white;
  return [mixed(r), mixed(g), mixed(b)];
};

function fromHue(parts: readonly string[], channels: HueChannels): Colour {
  if (parts.length < 3 || parts.length > 4) return 'unknown';
  const hue = hueOf(parts[0] ?? '');
  const first = clamp(numberOf(parts[1] ?? '', 100) / 100, 0, 1);
  const second = clamp(numberOf(parts[2] ?? '', 100) / 100, 0, 1);
  const [r, g, b] = channels(hue, first, second);
  return checked({ r: r * 255, g: g * 255, b: b * 255, a: alphaOf(parts) });
}

/**
 * Text of colour `text` over `background` is unreadable when, composited over it, no channel differs
 * from it by more than NEAR (of 255): the same colour however spelled, and a faint one (black at 6 %
 * alpha on white). Fail closed: a colour tki cannot tell may be the background's.
 */
export const NEAR = 16;

/** Text whose alpha is below this is unreadable on any background (choices 92). */
export const FAINT_ALPHA = 0.1;

export function unreadableOn(text: Colour, background: Colour): boolean {
  if (typeof text === 'string' || typeof background === 'string') return true;
  if (text.a < FAINT_ALPHA) return true;
  const over = (channel: 'r' | 'g' | 'b'): number => text[channel] * text.a + background[channel] * (1 - text.a);
  return (['r', 'g', 'b'] as const).every((channel) => Math.abs(over(channel) - background[channel]) <= NEAR);
}
