import { styleHides } from './css-hiding.js';
import { paintAround, paintHides, paints, tagPaint } from './css-paint.js';
import type { BrowserTag } from './html-tokenizer.js';
import { sheetMatches, type HidingSheet } from './style-sheet.js';

/**
 * Elements whose content a browser does not show (issue 13, round 17; docs/choices.md 22, amended).
 * Read into the line, a hidden word breaks the phrase a reader sees: `All tests <span hidden>never</span>
 * pass.` shows "All tests pass.", and reading "All tests never pass." lost the flag. So the content is
 * read both ways, as struck text is (rendered.ts): kept (a viewer that ignores the attribute or the
 * style: GitHub strips both) and removed (what a browser showing CommonMark's HTML shows).
 *   - the `hidden` attribute, any value (`until-found` is hidden until a search finds it);
 *   - an inline style that may hide the text, by one declaration or several (css-hiding.ts: `display:
 *     none`, `font-size: 0`, `position: absolute`, `clip-path`, `height: 0; overflow: hidden`, …);
 *   - a rule of the document's `<style>` elements whose selector may match the element (style-sheet.ts);
 *   - elements whose content is never rendered: `template`, `datalist`, a `dialog` without `open`,
 *     and fallback content where the element is supported: `audio`, `video`, `canvas` (scripting on),
 *     `progress`, `meter`; an `<object data>`'s fallback (shown only when the resource does not load);
 *   - a closed `<select>`'s options but the one it shows (rendered.ts, session 20);
 *   - a `popover` (any value), and in svg and math the elements never rendered and SVG presentation
 *     attributes read as their CSS properties (round 20, below).
 * Not read: linked or imported style sheets, and what a script does (docs/caveats.md).
 */
const NEVER_RENDERED: ReadonlySet<string> = new Set(['template', 'datalist', 'audio', 'video', 'canvas', 'progress', 'meter']);

/**
 * In svg and math (round 20; docs/choices.md 95): SVG 2's never-rendered elements (§ 5.9: `clipPath`,
 * `defs`, `hatch`, `linearGradient`, `marker`, `mask`, `meshgradient`, `metadata`, `pattern`,
 * `radialGradient`, `script`, `style`, `symbol`, `title`), its other descriptive element `desc`, a
 * `filter`'s and a `view`'s content (no text is drawn there). MathML's `mphantom` takes space but shows
 * nothing, and a `semantics`' annotations (`annotation`, `annotation-xml`) are not shown (only its first
 * child is; another element there is read as shown: docs/choices.md 95).
 * Names as the tokenizer gives them, lower case.
 */
const NEVER_RENDERED_FOREIGN: ReadonlySet<string> = new Set([
  'clippath',
  'defs',
  'hatch',
  'lineargradient',
  'marker',
  'mask',
  'meshgradient',
  'metadata',
  'pattern',
  'radialgradient',
  'script',
  'style',
  'symbol',
  'title',
  'desc',
  'filter',
  'view',
  'mphantom',
  'annotation',
  'annotation-xml',
]);

/**
 * SVG presentation attributes that may hide text, read as the same CSS property by the one style
 * reader (css-hiding.ts). They come before the `style` attribute: a declaration there wins, as a
 * presentation attribute's specificity is below any author rule.
 */
const PRESENTATION_ATTRIBUTES: readonly string[] = [
  'display',
  'visibility',
  'opacity',
  'fill-opacity',
  'fill',
  'font-size',
  'transform',
  'clip-path',
  'clip',
  'mask',
  'filter',
  'overflow',
  'letter-spacing',
  'color',
];

/** What the colour check asks of the element's place (css-paint.ts); none given, the element is on the default page with plain content. */
export interface PaintContext {
  /** The tags of the elements around it, innermost first. */
  enclosing(): Iterable<BrowserTag>;
  /** Whether its content may give its text a colour of its own (`<td bgcolor=black><font color=white>`). */
  recoloured(): boolean;
  /** Whether the element is in svg or math (foreign content): its own never-rendered elements and presentation attributes count. */
  readonly foreign?: boolean;
}

const ON_THE_PAGE: PaintContext = { enclosing: () => [], recoloured: () => false };

/** The declarations an element's presentation attributes (in foreign content) and its `style` make, in that order. */
function declaredStyle(tag: BrowserTag, foreign: boolean): string | undefined {
  const style = tag.attributes.get('style');
  if (!foreign) return style;
  const presented = PRESENTATION_ATTRIBUTES.flatMap((name) => {
    const value = tag.attributes.get(name);
    return value === undefined ? [] : [`${name}:${value};`];
  });
  if (presented.length === 0) return style;
  return `${presented.join('')}${style ?? ''}`;
}

/**
 * Whether a browser shows none of what this start tag's element holds (its content, and for
 * `img`/`input` its attribute text).
 */
export function hidesContent(tag: BrowserTag, sheet?: HidingSheet, place: PaintContext = ON_THE_PAGE): boolean {
  if (tag.endTag) return false;
  if (NEVER_RENDERED.has(tag.name)) return true;
  if (tag.name === 'dialog' && !tag.attributes.has('open')) return true;
  const foreign = place.foreign === true;
  if (foreign && NEVER_RENDERED_FOREIGN.has(tag.name)) return true;
  // An `<object>` that names its resource shows it, not its fallback, once it loads (round 19): fail closed, both ways.
  if (tag.name === 'object' && tag.attributes.has('data')) return true;
  if (sheet !== undefined && sheetMatches(sheet, tag)) return true;
  if (tag.attributes.size === 0) return false;
  // A popover is `display: none` until a script or a button shows it (round 20).
  if (tag.attributes.has('hidden') || tag.attributes.has('popover')) return true;
  const style = declaredStyle(tag, foreign);
  if (style !== undefined && styleHides(style, null)) return true;
  const own = tagPaint(tag);
  if (!paints(own)) return false;
  // A background in the colour of the text it inherits hides that text, not text its content colours otherwise.
  if (own.text === undefined && place.recoloured()) return false;
  return paintHides(paintAround(place.enclosing()), own);
}

/**
 * Where the element whose start tag ends at `after` ends: the start of its matching end tag (the
 * same name, nested ones counted), or the end of the text when none closes it (a browser closes it
 * with the paragraph). Tags are found by their `<name` and `</name` alone, an approximation that
 * only moves the end of the hidden reading. One walk per name and text: the matches are paired once
 * (a stack), so a text of many hidden openers costs one pass, not one search to its end per opener.
 */
export class ElementEnds {
  private readonly ends = new Map<string, Map<number, number>>();

  constructor(private readonly source: string) {}

  endOf(name: string, tagStart: number): number {
    let paired = this.ends.get(name);
    if (paired === undefined) {
      paired = pairedTags(this.source, name);
      this.ends.set(name, paired);
    }
    return paired.get(tagStart) ?? this.source.length;
  }
}

function pairedTags(source: string, name: string): Map<number, number> {
  const escaped = name.replace(/[^a-z0-9-]/gi, '');
  const tags = new RegExp(`<(/?)${escaped}(?=[\\t\\n\\f\\r />])`, 'gi');
  const open: number[] = [];
  const paired = new Map<number, number>();
  for (const match of source.matchAll(tags)) {
    if (match[1] === '') open.push(match.index);
    else {
      const start = open.pop();
      if (start !== undefined) paired.set(start, match.index);
    }
  }
  return paired;
}
