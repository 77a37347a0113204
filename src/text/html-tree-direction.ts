import { browserMarkupAt, type BrowserTag } from './html-tokenizer.js';
import { boxOrderOf } from './css-box-order.js';
import { spacedBox, spacesItems } from './css-spacing.js';
import { cssDirectionOf } from './css-direction.js';
import { hidingSheetOf, type HidingSheet } from './style-sheet.js';

/**
 * Which element a run of text is in, hence its direction, as HTML5's tree builder decides it
 * (issue 13, round 14; docs/choices.md 31). End tags alone do not decide: a `<div>` closes an open
 * `<p>` (implied end tags), a second `<li>` the first, `</p>` pops a `<b>` that is then
 * reconstructed around the next text with the same attributes (active formatting elements), and
 * text directly in a `<table>` is moved before it (foster parenting). The parts of the "in body"
 * rules that decide the stack of open elements are modelled with the spec's lists; what is
 * simplified is written in choices 31. Each element's direction is written into the rendered text
 * as controls (RLI/LRI/FSI … PDI, RLO/LRO … PDF for `bdo`): the stack's pushes and pops emit them,
 * so the controls always nest.
 * Linear: each element is pushed and popped once (a reconstruction or a fostered element's return
 * re-opens a bounded number), and every scope test reads floors kept per stack entry.
 */

/** Controls a browser's layout gives an element's content (HTML's `dir` and `bdo`, CSS `direction`, as UAX #9 controls). */
const RLI = '\u2067';
const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';
const LRO = '\u202D';
const RLE = '\u202B';
const LRE = '\u202A';
const PDF = '\u202C';

/** The controls an element's start and end give its content. */
export interface ElementDirection {
  readonly open: string;
  readonly close: string;
}

const NO_DIRECTION: ElementDirection = { open: '', close: '' };
const NO_DIRECTION_SURE: TagDirection = { ...NO_DIRECTION, unsure: false };

/** Elements a browser lays out as blocks: a CSS `direction` on one sets its paragraphs' direction. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  'address article aside blockquote body caption center details dialog dir div dl dd dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li listing main menu nav ol p pre search section summary table td th ul xmp plaintext'.split(' '),
);

/** An element's direction; `unsure`: its style declares a direction tki cannot tell (then both readings differ). */
export interface TagDirection extends ElementDirection {
  readonly unsure: boolean;
}

/**
 * The `direction` an element's content inherits: left to right or right to left, or `auto`: set by
 * an ancestor's first strong character (`dir="auto"`, `bdi`), which tki does not resolve ahead of
 * the content, so an element that uses it is read both ways (fail closed).
 */
export type InheritedDirection = 'ltr' | 'rtl' | 'auto';

/** An element's controls, and the `direction` its children inherit (CSS `direction` is inherited whatever `unicode-bidi` is). */
export interface ElementDirectionOf extends TagDirection {
  readonly computed: InheritedDirection;
}

/**
 * The direction an element gives what it holds (issue 13, rounds 13–15): `dir="rtl"`, `"ltr"` or
 * `"auto"` isolate its content at that direction (HTML's rendering section maps `dir` to CSS
 * `unicode-bidi: isolate`); `bdi` is `dir="auto"` without one; `bdo` is `isolate-override` with or
 * without a valid `dir` (HTML's rendering rules), at its own direction, else at the one it inherits;
 * with `dir="auto"` its first strong character's. An inline `style`'s `direction` and `unicode-bidi`
 * (css-direction.ts) override what the attributes give, as author CSS overrides the UA's (choices
 * 32); `direction` is inherited (`inherited`) by every element, so a child's `unicode-bidi` isolates,
 * embeds or overrides at it; `direction` alone sets a block's paragraphs, and does nothing on an
 * inline element. A direction tki cannot tell (a value it does not know, an `auto` it does not
 * resolve ahead of the content) is read both ways: left to right, and (`otherReading`) right to left.
 */
export function directionOf(tag: BrowserTag, otherReading = false, inherited: InheritedDirection = 'ltr'): ElementDirectionOf {
  // A template's contents are no children of it (a document fragment): `dir="auto"` never reads them, and they are laid out nowhere.
  if (tag.name === 'template') return { open: FSI, close: PDI, unsure: false, computed: inherited };
  if (tag.attributes.size === 0 && tag.name !== 'bdi' && tag.name !== 'bdo') return { ...NO_DIRECTION_SURE, computed: inherited };
  const dir = tag.attributes.get('dir')?.toLowerCase();
  const attributeDirection = dir === 'rtl' || dir === 'ltr' ? dir : undefined;
  // `dir="auto"` and `bdi` (without a valid `dir`) take their content's first strong character's direction.
  const ownAuto = attributeDirection === undefined && (dir === 'auto' || tag.name === 'bdi');
  const isolated = attributeDirection !== undefined || ownAuto;
  const attributeBidi = tag.name === 'bdo' ? 'isolate-override' : isolated ? 'isolate' : undefined;
  const style = tag.attributes.get('style');
  const css = style === undefined ? undefined : cssDirectionOf(style);
  let unsure = css?.unsureDirection === true || css?.unsureUnicodeBidi === true;
  const cssDirection = css?.unsureDirection === true && otherReading ? 'rtl' : css?.direction;
  const cssBidi = css?.unsureUnicodeBidi === true && otherReading ? 'isolate-override' : css?.unicodeBidi;
  const computed: InheritedDirection = cssDirection ?? attributeDirection ?? (ownAuto ? 'auto' : inherited);
  let bidi = cssBidi ?? attributeBidi;
  if ((bidi === undefined || bidi === 'normal') && cssDirection !== undefined && BLOCK_ELEMENTS.has(tag.name)) bidi = 'isolate';
  if (bidi === undefined || bidi === 'normal') return { ...NO_DIRECTION, unsure, computed };
  // An isolate of its own `auto` (or `plaintext`) takes the first strong character (FSI); an override needs a side.
  const firstStrong = bidi === 'plaintext' || (cssDirection === undefined && ownAuto);
  if (computed === 'auto' && (!firstStrong || bidi === 'isolate-override')) unsure = true;
  const rtl = computed === 'rtl' || (computed === 'auto' && otherReading);
  const isolate = firstStrong ? FSI : rtl ? RLI : LRI;
  switch (bidi) {
    case 'embed':
      return { open: rtl ? RLE : LRE, close: PDF, unsure, computed };
    case 'bidi-override':
      return { open: rtl ? RLO : LRO, close: PDF, unsure, computed };
    case 'isolate-override':
      return { open: isolate + (rtl ? RLO : LRO), close: PDF + PDI, unsure, computed };
    default:
      return { open: isolate, close: PDI, unsure, computed };
  }
}

/**
 * SVG's `direction` and `unicode-bidi` presentation attributes are CSS declarations of the element
 * (an inline `style` wins over them): read as if written first in its style (round 16).
 */
function withPresentationStyle(tag: BrowserTag): BrowserTag {
  const direction = tag.attributes.get('direction');
  const bidi = tag.attributes.get('unicode-bidi');
  if (direction === undefined && bidi === undefined) return tag;
  const declared = `${direction === undefined ? '' : `direction:${direction};`}${bidi === undefined ? '' : `unicode-bidi:${bidi};`}`;
  return { ...tag, attributes: new Map(tag.attributes).set('style', declared + (tag.attributes.get('style') ?? '')) };
}

/** One element on the stack of open elements. */
interface OpenElement {
  readonly name: string;
  readonly tag: BrowserTag;
  /** Controls its start emitted and its end emits ('' once an adoption took its direction away). */
  direction: ElementDirection;
  /** The `direction` its children inherit. */
  readonly computed: InheritedDirection;
  readonly index: number;
  onStack: boolean;
  /** Foster-parented out of the table at this index (-1: not): its content is outside that table's direction. */
  readonly fosterTable: number;
  /** In svg or math (foreign content). */
  readonly foreign: boolean;
  /** The nearest element below this one that was opened with a direction (-1: none). */
  readonly directedBelow: number;
  /** The index of the nearest element at or below this one that bounds each scope (-1: none). */
  readonly floors: Floors;
  /** A row of boxes (TableLayoutListener), and a cell of one. */
  layoutRow?: boolean;
  layoutCell?: boolean;
  /** Its items are drawn apart (a flex or grid gap), and its own edges are (a margin, padding or border): css-spacing.ts. */
  spacesItems?: boolean;
  spaced?: boolean;
}

interface Floors {
  readonly scope: number;
  readonly button: number;
  readonly listItem: number;
  readonly table: number;
  readonly special: number;
  /** The nearest `li`, or special element other than address, div and p (the `<li>` start tag's loop). */
  readonly liStop: number;
  readonly ddStop: number;
}

const NO_FLOORS: Floors = { scope: -1, button: -1, listItem: -1, table: -1, special: -1, liStop: -1, ddStop: -1 };

const set = (names: string): ReadonlySet<string> => new Set(names.split(' '));

/** HTML5 13.2.4.2: the "special" category. */
const SPECIAL = set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc',
);
/** The elements that bound "has an element in scope" (in svg `title` as well; html's `title` is special, not a bound). */
const SCOPE_BOUNDS = set('applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc');
const TABLE_SCOPE_BOUNDS = set('html table template');
/** Start tags that close a `p` in button scope ("in body"). */
const CLOSES_P = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form table hr xmp plaintext li dd dt',
);
/** End tags that pop to their element when it is in scope. */
const BLOCK_END = set(
  'address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul form applet marquee object table caption tbody tfoot thead tr td th',
);
const HEADINGS = set('h1 h2 h3 h4 h5 h6');
/** HTML5's formatting elements: kept in the list of active formatting elements and reconstructed. */
const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
/** Elements that put a marker on the list of active formatting elements. */
const MARKERS = set('applet marquee object td th caption template');
/** Elements with no content and no end tag (exported for hidden-content.ts's readers). */
export const VOID = set('area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr');
/** The current node in which text and other elements are foster-parented out of the table. */
const TABLE_CONTEXT = set('table tbody tfoot thead tr');
/** Start tags a table takes itself (never foster-parented). */
const TABLE_TAGS = set('caption col colgroup tbody td tfoot th thead tr table style script template input form');
const TABLE_PARTS = set('tbody tfoot thead tr td th caption col colgroup');
/** HTML start tags that leave foreign content (13.2.6.5). */
const BREAKOUT = set(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var',
);
/** Elements in svg and math whose content is HTML again (integration points). */
const INTEGRATION_POINTS = set('foreignobject desc title mi mo mn ms mtext');
/**
 * Noah's Ark (HTML5 13.2.4.3): at most this many identical entries (same name and attributes) after
 * the last marker; the earliest goes.
 */
const NOAHS_ARK = 3;
/**
 * Distinct entries after the last marker are unbounded in HTML; tki keeps this many for cost (a
 * reconstruction re-opens each one). Past it the earliest goes, and the text is marked unread
 * (UNREAD_TREE): an UNPARSED_REGION, never an element dropped silently (choices 31).
 */
const MAX_FORMATTING_ENTRIES = 64;
/** Written into the text where tki stopped following the tree: the prose scan reports the paragraph as undecodable, an UNPARSED_REGION (fail closed). */
const UNREAD_TREE = '\uFFFD';
/** The open directions a block's edge writes again after its paragraph separator (choices 31). */
const EDGE_REOPENED = 8;
/** A carried stack keeps its innermost entries (choices 31). */
const MAX_CARRIED_DEPTH = 64;

/**
 * How deep in svg and math a tag leaves the tokenizer, for the line reading of an HTML block
 * (raw-html.ts), where only `<![CDATA[` depends on it: `<svg>`/`<math>` go in (not `<svg/>`), their
 * end tags go out, and an HTML breakout tag leaves foreign content altogether.
 */
export function foreignDepthAfter(tag: BrowserTag, depth: number): number {
  const { name } = tag;
  if (name === 'svg' || name === 'math') return tag.endTag ? Math.max(0, depth - 1) : tag.selfClosing === true ? depth : depth + 1;
  return depth > 0 && !tag.endTag && BREAKOUT.has(name) ? 0 : depth;
}

type FormattingEntry = { readonly marker: true } | { readonly marker: false; readonly tag: BrowserTag; element: OpenElement };

/** What the tree holds at the end of a text, for the next text of the document (an HTML block, a Markdown paragraph). */
export interface TreeState {
  readonly stack: readonly BrowserTag[];
  readonly formatting: readonly (BrowserTag | undefined)[];
  /** Which formatting entries were on the stack: the index of their element in `stack` (-1: not). */
  readonly formattingOnStack: readonly number[];
  /** Elements with a direction were left out past the bound: what follows is not read exactly. */
  readonly unread?: boolean;
  /** The document's `<style>` rules that may hide an element (style-sheet.ts): read once per document, carried as it is. */
  readonly sheet?: HidingSheet;
}

export const EMPTY_TREE: TreeState = { stack: [], formatting: [], formattingOnStack: [] };

const BODY_OR_HTML = /<(?:body|html)(?=[\t\n\f\r />])/gi;
/** A `<body>` or `<html>` tag is read within this many characters (an unclosed one costs no more). */
const ROOT_TAG_READ = 4096;
const NO_COMMENT = (): number => -1;

/**
 * The state a document starts in (issue 13, round 14): a `<body>` or `<html>` tag anywhere adds the
 * attributes its element lacks to the one body or html element (HTML's "in body" rules), so its
 * `dir` holds every block, before it too. Read wherever the text holds such a tag (in code as well:
 * Latin text laid out right to left reads as before, and the left-to-right layout is judged too).
 */
export function documentTree(text: string): TreeState {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(BODY_OR_HTML)) {
    const read = browserMarkupAt(text.slice(match.index, match.index + ROOT_TAG_READ), 0, NO_COMMENT).tag;
    for (const [name, value] of read?.attributes ?? []) if ((name === 'dir' || name === 'style') && !attributes.has(name)) attributes.set(name, value);
  }
  const sheet = hidingSheetOf(text);
  if (attributes.size === 0) return sheet === undefined ? EMPTY_TREE : { ...EMPTY_TREE, sheet };
  return { stack: [{ name: 'body', endTag: false, attributes }], formatting: [], formattingOnStack: [], ...(sheet === undefined ? {} : { sheet }) };
}

const MARKDOWN_BLOCK: BrowserTag = { name: 'p', endTag: false, attributes: new Map() };
const GITHUB_BLOCK: BrowserTag = { name: 'p', endTag: false, attributes: new Map([['dir', 'auto']]) };
const MARKDOWN_BLOCK_END: BrowserTag = { name: 'p', endTag: true, attributes: new Map() };

/** Noah's Ark's "same element": the same name and the same attributes with the same values, in any order. */
function sameElement(a: BrowserTag, b: BrowserTag): boolean {
  if (a.name !== b.name || a.attributes.size !== b.attributes.size) return false;
  for (const [name, value] of a.attributes) if (b.attributes.get(name) !== value) return false;
  return true;
}

/** What a tag-free Markdown block's tree writes and leaves (HtmlTreeDirection.tagFreeBlock). */
export interface TagFreeBlock {
  /** Controls written at the block's start, one string per write (each its own piece of the text). */
  readonly before: readonly string[];
  /** Controls written at its end. */
  readonly after: readonly string[];
  readonly unsure: boolean;
  readonly state: TreeState;
}

const CARRIED_COLUMNS = new WeakMap<TreeState, [{ rtl: boolean; unsure: boolean } | undefined, { rtl: boolean; unsure: boolean } | undefined]>();
const TAG_FREE_BLOCKS = new WeakMap<TreeState, [TagFreeBlock | undefined, TagFreeBlock | undefined]>();

/** Work counted, not timed (tests): elements pushed, and tag-free block effects computed. */
export const treeWork = { pushes: 0, tagFreeBlocksComputed: 0, tagDirectionsRead: 0 };

/** The same carried state: the same tags (by identity: a state's tags are the tags it was resumed with) and the same list. */
function sameState(a: TreeState, b: TreeState): boolean {
  const sameList = <T>(x: readonly T[], y: readonly T[]): boolean => x.length === y.length && x.every((value, index) => value === y[index]);
  return a.unread === b.unread && a.sheet === b.sheet && sameList(a.stack, b.stack) && sameList(a.formatting, b.formatting) && sameList(a.formattingOnStack, b.formattingOnStack);
}

/**
 * Whether an element can give its content a direction: a `dir` or a `style` (CSS `direction` is
 * inherited even where it lays nothing out). Formatting elements are never `bdi` or `bdo`.
 */
function setsDirection(tag: BrowserTag): boolean {
  return directionsOf(tag).setsDirection;
}

/** An element's direction split as the stack keeps it: the controls, and what its children inherit. */
interface SplitDirection {
  readonly direction: TagDirection;
  readonly computed: InheritedDirection;
}

/** What a tag's attributes decide, read once per tag object (its attributes never change once read). */
interface TagDirections {
  readonly setsDirection: boolean;
  /** By reading (0, 1) × inherited direction (ltr, rtl, auto). */
  readonly split: (SplitDirection | undefined)[];
  /** Its element off the stack (a carried formatting entry), by reading: never changed once made, so shared. */
  readonly detached: (OpenElement | undefined)[];
}

const INHERITED_SLOT: Readonly<Record<InheritedDirection, number>> = { ltr: 0, rtl: 1, auto: 2 };
const TAG_DIRECTIONS = new WeakMap<BrowserTag, TagDirections>();

/**
 * Round 17: a block holding one tag after a full formatting list re-read the attributes and styles of
 * every carried entry three times (resumed, reconstructed, Noah's Ark), ~100× a plain block. The
 * carried tags are the same objects from block to block, so what they decide is kept with them.
 */
function directionsOf(tag: BrowserTag): TagDirections {
  let known = TAG_DIRECTIONS.get(tag);
  if (known === undefined) {
    const style = tag.attributes.get('style');
    known = { setsDirection: tag.attributes.has('dir') || (style !== undefined && cssDirectionOf(style) !== undefined), split: [], detached: [] };
    TAG_DIRECTIONS.set(tag, known);
  }
  return known;
}

/** directionOf, split and kept per tag object (directionsOf). */
function splitDirectionOf(tag: BrowserTag, otherReading: boolean, inherited: InheritedDirection): SplitDirection {
  const { split } = directionsOf(tag);
  const slot = (otherReading ? 3 : 0) + INHERITED_SLOT[inherited];
  let found = split[slot];
  if (found === undefined) {
    const { computed, ...direction } = directionOf(tag, otherReading, inherited);
    treeWork.tagDirectionsRead += 1;
    found = { direction, computed };
    split[slot] = found;
  }
  return found;
}

/**
 * Told where rows of boxes and their cells open and close in the text (table-columns.ts reads a row
 * in the order its cells display). A row is a `tr`, a `table` whose cells sit in it directly (the row
 * a browser implies), a container CSS reorders (choices 70), or MathML's `dir="rtl"` row; a cell is a
 * `td`/`th` of a table row, or a direct child of another row.
 */
export interface TableLayoutListener {
  /** `reversed`: the cells show in reverse order; `sorted`: by their keys (an `order`, an SVG `x`), before any reversal. */
  openedRow(reversed: boolean, sorted: boolean): void;
  openedCell(key: number): void;
  closed(kind: 'row' | 'cell'): void;
}

const TABLE_ROWS = new Set(['table', 'tr']);
const TABLE_CELLS = new Set(['td', 'th']);
const MATH_ROWS = new Set(['math', 'mrow', 'mstyle']);

export class HtmlTreeDirection {
  private readonly stack: OpenElement[] = [];
  /** Set by the reader that lays table rows out (rendered.ts); never during a resume. */
  tableLayout: TableLayoutListener | undefined;
  private readonly byName = new Map<string, number[]>();
  private formatting: FormattingEntry[] = [];
  /** Text was foster-parented: the table's direction is re-opened after it. */
  private fosteredText = -1;

  /** An element's style declared a direction tki cannot tell: the text's other reading differs. */
  unsure = false;
  /** An element with a direction was opened in this text (or carried into it). */
  private directed = false;
  /** The state this text resumed was `unread`: so is the one it carries on. */
  private carriedUnread = false;
  /** The document's hiding rules, carried from the state this text resumed (hidden-content.ts asks them). */
  sheet: HidingSheet | undefined;

  /**
   * `emit(controls, at)`: write controls into the rendered text at source offset `at`.
   * `otherReading`: the reading in which a direction tki cannot tell is right to left (css-direction.ts).
   */
  constructor(
    private emit: (controls: string, at: number) => void,
    private readonly otherReading = false,
  ) {}

  /** Starts from a state carried from the text before: the controls of the innermost element with a direction are written first. */
  static resumed(state: TreeState, emit: (controls: string, at: number) => void, otherReading = false): HtmlTreeDirection {
    const tree = new HtmlTreeDirection(() => undefined, otherReading);
    const elements = state.stack.map((tag) => tree.push(tag, -1));
    tree.formatting = state.formatting.map((tag, at) => {
      if (tag === undefined) return { marker: true } as const;
      const onStack = state.formattingOnStack[at] ?? -1;
      const element = elements[onStack] ?? tree.detached(tag);
      return { marker: false, tag, element };
    });
    // The innermost open directions are written first, as after a block's edge.
    emit(
      tree
        .innermostDirections()
        .reverse()
        .map((element) => element.direction.open)
        .join(''),
      0,
    );
    tree.emit = emit;
    tree.sheet = state.sheet;
    if (state.unread === true) {
      tree.carriedUnread = true;
      tree.unread(0);
    }
    return tree;
  }

  /**
   * The state to carry into the next text, bounded: its innermost MAX_CARRIED_DEPTH entries, and
   * below them the innermost MAX_CARRIED_DEPTH elements with a direction (the others below set
   * nothing the next text inherits). Past that, the state says `unread`: the next texts are an
   * UNPARSED_REGION, never read as if the outer direction had closed (choices 31).
   */
  state(): TreeState {
    const from = Math.max(0, this.stack.length - MAX_CARRIED_DEPTH);
    const keptIndices: number[] = [];
    let unread = this.carriedUnread;
    for (let at = from - 1; at >= 0; at -= 1) {
      if ((this.stack[at] as OpenElement).direction.open === '') continue;
      if (keptIndices.length === MAX_CARRIED_DEPTH) {
        unread = true;
        break;
      }
      keptIndices.push(at);
    }
    keptIndices.reverse();
    for (let at = from; at < this.stack.length; at += 1) keptIndices.push(at);
    const carriedIndex = new Map(keptIndices.map((index, carried) => [index, carried]));
    return {
      stack: keptIndices.map((index) => (this.stack[index] as OpenElement).tag),
      formatting: this.formatting.map((entry) => (entry.marker ? undefined : entry.tag)),
      formattingOnStack: this.formatting.map((entry) => (entry.marker || !entry.element.onStack ? -1 : (carriedIndex.get(entry.element.index) ?? -1))),
      ...(unread ? { unread } : {}),
      ...(this.sheet === undefined ? {} : { sheet: this.sheet }),
    };
  }

  /**
   * What the tree does to a Markdown block with no tag in it, resumed from `state`: the controls it
   * writes before the block's text (the carried directions, the `<p>`, the formatting elements
   * reconstructed around the first text) and after it (the `</p>`), whether a reading differs, and
   * the state after. It depends on the state alone, so it is computed once per state and reading
   * (round 16: a block after 64 formatting entries or 64 carried directions re-did 64 pushes,
   * ~40× a plain block); a state such a block leaves unchanged is the very object it resumed, so
   * every later block like it costs what a plain block costs.
   */
  static tagFreeBlock(state: TreeState, otherReading: boolean): TagFreeBlock {
    const cached = TAG_FREE_BLOCKS.get(state)?.[otherReading ? 1 : 0];
    if (cached !== undefined) return cached;
    const before: string[] = [];
    const after: string[] = [];
    const tree = HtmlTreeDirection.resumed(state, (controls) => before.push(controls), otherReading);
    tree.startMarkdownBlock(0);
    tree.beforeText(0, () => false);
    tree.afterText(0);
    tree.emit = (controls) => after.push(controls);
    tree.endMarkdownBlock(0);
    const next = tree.state();
    const effect: TagFreeBlock = {
      before: before.filter((controls) => controls !== ''),
      after: after.filter((controls) => controls !== ''),
      unsure: tree.unsure,
      state: sameState(next, state) ? state : next,
    };
    const readings = TAG_FREE_BLOCKS.get(state) ?? [undefined, undefined];
    readings[otherReading ? 1 : 0] = effect;
    TAG_FREE_BLOCKS.set(state, readings);
    treeWork.tagFreeBlocksComputed += 1;
    return effect;
  }

  /**
   * Whether a GFM table read inside `state` lays its columns out right to left (its cells inherit the
   * direction open around it: a `<div dir="rtl">`, a `<body dir="rtl">`); `unsure`: inherited from
   * `dir="auto"`, right to left in the other reading only. Once per state and reading.
   */
  static carriedColumns(state: TreeState, otherReading: boolean): { readonly rtl: boolean; readonly unsure: boolean } {
    if (HtmlTreeDirection.isEmpty(state)) return { rtl: false, unsure: false };
    const cached = CARRIED_COLUMNS.get(state)?.[otherReading ? 1 : 0];
    if (cached !== undefined) return cached;
    const tree = HtmlTreeDirection.resumed(state, () => undefined, otherReading);
    const computed = tree.carriedComputed();
    const columns = { rtl: computed === 'rtl' || (computed === 'auto' && otherReading), unsure: computed === 'auto' };
    const readings = CARRIED_COLUMNS.get(state) ?? [undefined, undefined];
    readings[otherReading ? 1 : 0] = columns;
    CARRIED_COLUMNS.set(state, readings);
    return columns;
  }

  /** Whether the carried state is empty (then a text without tags renders as before). */
  static isEmpty(state: TreeState): boolean {
    return state.stack.length === 0 && state.formatting.length === 0 && state.unread !== true;
  }

  /** Whether the current node is in svg or math: there `<![CDATA[` is a CDATA section. */
  get foreign(): boolean {
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top.foreign && !INTEGRATION_POINTS.has(top.name);
  }

  /** The innermost open elements with a direction (EDGE_REOPENED at most), innermost first. */
  private innermostDirections(): OpenElement[] {
    const directed: OpenElement[] = [];
    for (let at = this.stack.length - 1; at >= 0 && directed.length < EDGE_REOPENED; ) {
      const element = this.stack[at] as OpenElement;
      if (element.direction.open !== '') directed.push(element);
      at = element.directedBelow;
    }
    return directed;
  }

  /**
   * What a block's edge writes into the text: a space, as before, until an element has set a
   * direction; from then on a paragraph separator (U+2029: a browser lays each block out as a bidi
   * paragraph of its own, so the text after a `<div>` is not laid out with the line before it), with
   * the innermost open directions (EDGE_REOPENED of them) closed before it and opened again after it,
   * so the controls stay balanced (an isolate lays its content out on its own: the outer ones matter
   * only where text leaves the inner ones, as fostered text leaves its table's).
   */
  blockEdge(): string {
    if (!this.directed) return ' ';
    const directed = this.innermostDirections();
    return directed.map((element) => element.direction.close).join('') + '\u2029' + directed.reverse().map((element) => element.direction.open).join('');
  }

  /**
   * The direction an element's own box lays its text out in, were it opened here (its `dir` or CSS
   * `direction`, else the one it inherits): for text a browser shows from its attributes (rendered.ts).
   */
  directionInside(tag: BrowserTag): InheritedDirection {
    const top = this.stack[this.stack.length - 1];
    // A textarea was just pushed (the top is the element itself); a void element never is.
    if (top?.tag === tag) return top.computed;
    return directionOf(tag, this.otherReading, top?.computed ?? 'ltr').computed;
  }

  /**
   * Rows and cells of boxes (choices 70). A table row shows its cells right to left when its table's
   * direction is right to left, in both readings (as displayed), and so does MathML's `dir="rtl"` row.
   * CSS that reorders boxes (css-box-order.ts) and SVG glyph positions (`x` on a `text`'s children)
   * are not laid out: they fail closed, read in source order and, in the other reading, in the order
   * they would show (`order` and `x` sorted, a reversed flex or right floats reversed).
   */
  private openLayout(element: OpenElement, parent: OpenElement | undefined, listener: TableLayoutListener): void {
    const { name, tag, foreign } = element;
    const x = foreign ? tag.attributes.get('x') : undefined;
    const order = foreign ? undefined : boxOrderOf(tag.attributes.get('style'));
    const key = x !== undefined ? Number.parseFloat(x) : (order?.key ?? 0);
    if (!foreign && TABLE_CELLS.has(name)) {
      if (this.lastIndex('table') !== -1) this.cellOf(element, listener, 0);
    } else if (x !== undefined && parent?.foreign === true && parent.name === 'text') this.placedIn(parent, element, listener, key, 'sorted');
    else if (order?.placed === true && parent !== undefined) this.placedIn(parent, element, listener, key, order.floats ? 'reversed' : 'sorted');
    else if (parent?.layoutRow === true && !(TABLE_ROWS.has(parent.name) && !parent.foreign)) this.cellOf(element, listener, key);
    if (!foreign && TABLE_ROWS.has(name)) this.rowOf(element, listener, this.columnsRightToLeft(name === 'table' ? element : undefined), false);
    else if (foreign && MATH_ROWS.has(name) && tag.attributes.get('dir')?.toLowerCase() === 'rtl') this.rowOf(element, listener, true, false);
    else if (order?.reverses === true) {
      this.unsure = true;
      this.rowOf(element, listener, this.otherReading, false);
    }
  }

  private rowOf(element: OpenElement, listener: TableLayoutListener, reversed: boolean, sorted: boolean): void {
    element.layoutRow = true;
    listener.openedRow(reversed, sorted);
  }

  private cellOf(element: OpenElement, listener: TableLayoutListener, key: number): void {
    element.layoutCell = true;
    listener.openedCell(key);
  }

  /** A box placed by a key or a float: its parent becomes a row from here on (fail closed: the other reading only). */
  private placedIn(parent: OpenElement, element: OpenElement, listener: TableLayoutListener, key: number, how: 'sorted' | 'reversed'): void {
    this.unsure = true;
    if (parent.layoutRow !== true) this.rowOf(parent, listener, how === 'reversed' && this.otherReading, how === 'sorted' && this.otherReading);
    this.cellOf(element, listener, key);
  }

  /**
   * Whether the innermost table (`table`, about to be pushed, else the one on the stack) lays its
   * columns out right to left: its computed direction (CSS 2.1 17.5: the table's `direction` orders
   * its columns). A direction inherited from `dir="auto"` is right to left in the other reading.
   */
  private columnsRightToLeft(table?: OpenElement): boolean {
    const computed = (table ?? this.stack[this.lastIndex('table')])?.computed ?? this.carriedComputed();
    if (computed === 'auto') this.unsure = true;
    return computed === 'rtl' || (computed === 'auto' && this.otherReading);
  }

  /** The tags of the open elements around `tag` (just opened, or void), innermost first: what they paint decides its colours (css-paint.ts). */
  *enclosingTags(tag: BrowserTag): Generator<BrowserTag> {
    let at = this.stack.length - 1;
    if (this.stack[at]?.tag === tag) at -= 1;
    for (; at >= 0; at -= 1) yield (this.stack[at] as OpenElement).tag;
  }

  /** Whether a box's edges are drawn apart from its neighbours (css-spacing.ts): then the text's other reading differs. */
  private spacing(element: OpenElement, parent: OpenElement | undefined): void {
    const style = element.tag.attributes.get('style');
    if (spacesItems(style)) element.spacesItems = true;
    if (parent?.spacesItems === true || spacedBox(style)) {
      element.spaced = true;
      this.unsure = true;
    }
  }

  /** Whether the element `tag` just opened is a box whose edges a browser draws apart (its start reads as a space in the other reading). */
  openedSpaced(tag: BrowserTag): boolean {
    const top = this.stack[this.stack.length - 1];
    return top?.tag === tag && top.spaced === true;
  }

  /** Whether the end tag `name` closes such a box (the innermost open element of that name). */
  closesSpaced(name: string): boolean {
    const last = this.lastIndex(name);
    return last !== -1 && this.stack[last]?.spaced === true;
  }

  /** The direction the current node's children inherit. */
  carriedComputed(): InheritedDirection {
    return this.stack[this.stack.length - 1]?.computed ?? 'ltr';
  }

  /** Whether the current node itself is in svg or math (its content is never raw text). */
  get currentForeign(): boolean {
    return this.stack[this.stack.length - 1]?.foreign === true;
  }

  /** Before a run of text at `at` (`blank`: white space only): formatting elements are reconstructed, text in a table is fostered out. */
  beforeText(at: number, blank: () => boolean): void {
    if (this.foreign) return;
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && TABLE_CONTEXT.has(top.name)) {
      if (blank()) return;
      const table = this.lastIndex('table');
      if (table === -1) return;
      this.closeDown(table, at);
      this.fosteredText = table;
      return;
    }
    this.reconstruct(at);
  }

  /** After that run: a table's direction that fostered text left is opened again. */
  afterText(at: number): void {
    if (this.fosteredText === -1) return;
    this.reopenFrom(this.fosteredText, this.stack.length, at);
    this.fosteredText = -1;
  }

  /**
   * A Markdown block's start: CommonMark writes `<p>`; GitHub writes its blocks with `dir="auto"`.
   * Inside an open direction the two differ, and both are read (the other reading is GitHub's).
   */
  startMarkdownBlock(at: number): void {
    const directed = this.innermostDirections().length > 0;
    this.unsure ||= directed;
    this.startTag(directed && this.otherReading ? GITHUB_BLOCK : MARKDOWN_BLOCK, at);
  }

  endMarkdownBlock(at: number): void {
    this.endTag(MARKDOWN_BLOCK_END, at);
  }

  startTag(tag: BrowserTag, at: number): void {
    const { name } = tag;
    if (this.foreign) {
      if (!BREAKOUT.has(name)) {
        if (tag.selfClosing !== true) this.push(tag, at);
        return;
      }
      // An HTML element leaves foreign content: svg and math are popped down to HTML or an integration point.
      while (this.foreign) this.pop(at);
    }
    if (name === 'html' || name === 'body' || name === 'head') return;
    if (TABLE_PARTS.has(name)) {
      this.tablePart(tag, at);
      return;
    }
    // A nested `<form>` is ignored (the form element pointer is set; modelled by a form on the stack outside a template).
    if (name === 'form' && this.lastIndex('form') !== -1 && this.lastIndex('template') === -1) return;
    // A `<button>` closes an open button in scope (HTML5 "in body"), then is inserted as any element.
    if (name === 'button' && this.inScope('button', 'scope')) this.popUntil('button', at);
    if (name === 'li') this.closeListItem('li', at);
    else if (name === 'dd' || name === 'dt') this.closeListItem('dd', at);
    if (CLOSES_P.has(name)) {
      // Without a doctype (quirks mode) `<table>` leaves an open `p` open: both are read.
      const quirks = name === 'table' && this.inScope('p', 'button');
      this.unsure ||= quirks;
      if (!(quirks && this.otherReading)) this.closeP(at);
      if (HEADINGS.has(name) && HEADINGS.has(this.stack[this.stack.length - 1]?.name ?? '')) this.pop(at);
      if (!VOID.has(name)) this.push(tag, at);
      return;
    }
    if (name === 'a') {
      const open = this.formattingEntry('a');
      if (open !== undefined) {
        this.adoption(open, at);
        this.removeFormatting(open);
      }
    }
    this.reconstruct(at);
    if (VOID.has(name)) return;
    const element = this.push(tag, at);
    if (FORMATTING.has(name)) this.addFormatting(tag, element, at);
    else if (MARKERS.has(name)) this.formatting.push({ marker: true });
  }

  endTag(tag: BrowserTag, at: number): void {
    const { name } = tag;
    if (name === 'p') {
      if (this.inScope('p', 'button')) this.popUntil('p', at);
      return;
    }
    if (name === 'li') {
      if (this.inScope('li', 'listItem')) this.popUntil('li', at);
      return;
    }
    if (name === 'dd' || name === 'dt') {
      if (this.inScope(name, 'scope')) this.popUntil(name, at);
      return;
    }
    if (HEADINGS.has(name)) {
      const heading = Math.max(...[...HEADINGS].map((heading) => this.lastIndex(heading)));
      if (heading !== -1 && heading >= this.floor('scope')) this.popTo(heading, at);
      return;
    }
    if (name === 'body' || name === 'html' || name === 'br') return;
    if (BLOCK_END.has(name)) {
      if (!this.inScope(name, TABLE_PARTS.has(name) || name === 'table' ? 'table' : 'scope')) return;
      this.popUntil(name, at);
      if (MARKERS.has(name)) this.clearFormattingToMarker();
      return;
    }
    if (FORMATTING.has(name)) {
      const entry = this.formattingEntry(name);
      if (entry !== undefined) {
        this.adoption(entry, at);
        return;
      }
    }
    // Any other end tag: the innermost element of its name, unless a special element is inside it.
    const last = this.lastIndex(name);
    if (last !== -1 && last >= this.floor('special')) this.popTo(last, at);
  }

  /** HTML5's "close a p element" when one is in button scope. */
  private closeP(at: number): void {
    if (this.inScope('p', 'button')) this.popUntil('p', at);
  }

  /** The `<li>` (or `<dd>`/`<dt>`) start tag's loop: an open item closes, unless a special element other than address, div or p is inside it. */
  private closeListItem(kind: 'li' | 'dd', at: number): void {
    const stop = this.floor(kind === 'li' ? 'liStop' : 'ddStop');
    const element = this.stack[stop];
    if (element === undefined) return;
    if (element.name === 'li' || element.name === 'dd' || element.name === 'dt') this.popTo(stop, at);
  }

  /** Table parts: a cell closes the open cell, a row the open row; outside a table they are ignored ("in body"). */
  private tablePart(tag: BrowserTag, at: number): void {
    if (this.lastIndex('table') === -1) return;
    const { name } = tag;
    if (name === 'td' || name === 'th' || name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const cell = Math.max(this.lastIndex('td'), this.lastIndex('th'));
      if (cell !== -1 && cell >= this.floor('table')) {
        this.popTo(cell, at);
        this.clearFormattingToMarker();
      }
    }
    if (name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const row = this.lastIndex('tr');
      if (row !== -1 && row >= this.floor('table')) this.popTo(row, at);
    }
    if (name === 'col') return;
    this.push(tag, at);
    if (MARKERS.has(name)) this.formatting.push({ marker: true });
  }

  /**
   * HTML5's adoption agency, simplified (choices 31): with no special element inside the formatting
   * element, it and what is inside it are popped. With one (the furthest block), the text after the
   * end tag is outside the formatting element but still inside the elements that were in it: its
   * direction is closed and the others' re-opened, and it stays on the stack without one.
   */
  private adoption(entry: FormattingEntry & { marker: false }, at: number): void {
    const { element } = entry;
    if (!element.onStack) {
      this.removeFormatting(entry);
      return;
    }
    if (element.index < this.floor('scope')) return;
    this.removeFormatting(entry);
    if (this.floor('special') < element.index) {
      this.popTo(element.index, at);
      return;
    }
    if (element.direction.open === '') return;
    this.closeDown(element.index, at);
    element.direction = NO_DIRECTION;
    this.reopenFrom(element.index + 1, this.stack.length, at);
  }

  /** HTML5's "reconstruct the active formatting elements": entries whose element was popped are opened again, same attributes, in order. */
  private reconstruct(at: number): void {
    const last = this.formatting[this.formatting.length - 1];
    if (last === undefined || last.marker || last.element.onStack) return;
    let first = this.formatting.length - 1;
    while (first > 0) {
      const before = this.formatting[first - 1] as FormattingEntry;
      if (before.marker || before.element.onStack) break;
      first -= 1;
    }
    for (let entry = first; entry < this.formatting.length; entry += 1) {
      const formatting = this.formatting[entry] as FormattingEntry & { marker: false };
      formatting.element = this.push(formatting.tag, at);
    }
  }

  /** The newest entry of `name` after the last marker. */
  private formattingEntry(name: string): (FormattingEntry & { marker: false }) | undefined {
    for (let entry = this.formatting.length - 1; entry >= 0; entry -= 1) {
      const formatting = this.formatting[entry] as FormattingEntry;
      if (formatting.marker) return undefined;
      if (formatting.tag.name === name) return formatting;
    }
    return undefined;
  }

  /**
   * HTML5's "push onto the list of active formatting elements", Noah's Ark included. Past
   * MAX_FORMATTING_ENTRIES the earliest entry that sets no direction goes (its reconstruction
   * changes no text's direction, so every reading keeps what a browser shows: round 16); only a
   * list whose entries all set one drops a directed entry, and that text is marked unread and read
   * both ways: one reading drops the earliest, the other keeps it (the outermost direction, which
   * holds every reconstructed element) and drops the one after it, so a flag either shows is kept.
   */
  private addFormatting(tag: BrowserTag, element: OpenElement, at: number): void {
    let identical = 0;
    let earliestIdentical = -1;
    let earliest = -1;
    let earliestUndirected = -1;
    for (let entry = this.formatting.length - 1; entry >= 0; entry -= 1) {
      const formatting = this.formatting[entry] as FormattingEntry;
      if (formatting.marker) break;
      earliest = entry;
      if (!setsDirection(formatting.tag)) earliestUndirected = entry;
      if (!sameElement(formatting.tag, tag)) continue;
      identical += 1;
      earliestIdentical = entry;
    }
    if (identical >= NOAHS_ARK) this.formatting.splice(earliestIdentical, 1);
    else if (earliest !== -1 && this.formatting.length - earliest >= MAX_FORMATTING_ENTRIES) {
      const keepOutermost = this.otherReading && this.formatting.length - earliest > 1;
      this.formatting.splice(earliestUndirected !== -1 ? earliestUndirected : keepOutermost ? earliest + 1 : earliest, 1);
      if (earliestUndirected === -1) this.unread(at);
    }
    this.formatting.push({ marker: false, tag, element });
  }

  /** tki stops following the tree exactly here (a bound for cost): the text is an UNPARSED_REGION, and read both ways. */
  private unread(at: number): void {
    this.unsure = true;
    this.emit(UNREAD_TREE, at);
  }

  private removeFormatting(entry: FormattingEntry): void {
    const at = this.formatting.lastIndexOf(entry);
    if (at !== -1) this.formatting.splice(at, 1);
  }

  private clearFormattingToMarker(): void {
    for (let entry = this.formatting.pop(); entry !== undefined && !entry.marker; entry = this.formatting.pop());
  }

  private inScope(name: string, scope: keyof Floors): boolean {
    const last = this.lastIndex(name);
    return last !== -1 && last >= this.floor(scope);
  }

  private floor(scope: keyof Floors): number {
    return (this.stack[this.stack.length - 1]?.floors ?? NO_FLOORS)[scope];
  }

  private lastIndex(name: string): number {
    const indices = this.byName.get(name);
    return indices === undefined || indices.length === 0 ? -1 : (indices[indices.length - 1] as number);
  }

  private detached(tag: BrowserTag): OpenElement {
    const { computed, direction } = this.directionOf(tag, 'ltr');
    const known = directionsOf(tag).detached;
    const slot = this.otherReading ? 1 : 0;
    let element = known[slot];
    if (element === undefined) {
      element = { name: tag.name, tag, direction, computed, index: -1, onStack: false, fosterTable: -1, foreign: false, directedBelow: -1, floors: NO_FLOORS };
      known[slot] = element;
    }
    return element;
  }

  private directionOf(tag: BrowserTag, inherited: InheritedDirection): SplitDirection {
    const split = splitDirectionOf(tag, this.otherReading, inherited);
    this.unsure ||= split.direction.unsure;
    return split;
  }

  private push(tag: BrowserTag, at: number): OpenElement {
    treeWork.pushes += 1;
    const index = this.stack.length;
    const below = this.stack[index - 1];
    const { name } = tag;
    const foreign = name === 'svg' || name === 'math' || (below !== undefined && below.foreign && !INTEGRATION_POINTS.has(below.name));
    const special = SPECIAL.has(name);
    const was = below?.floors ?? NO_FLOORS;
    // Most elements (every formatting element) bound no scope: they share the floors below them.
    const floors: Floors = !special && !SCOPE_BOUNDS.has(name) && !TABLE_SCOPE_BOUNDS.has(name) && name !== 'button' && name !== 'ol' && name !== 'ul' && name !== 'li' && name !== 'dd' && name !== 'dt' ? was : {
      scope: SCOPE_BOUNDS.has(name) ? index : was.scope,
      button: SCOPE_BOUNDS.has(name) || name === 'button' ? index : was.button,
      listItem: SCOPE_BOUNDS.has(name) || name === 'ol' || name === 'ul' ? index : was.listItem,
      table: TABLE_SCOPE_BOUNDS.has(name) ? index : was.table,
      special: special ? index : was.special,
      liStop: name === 'li' || (special && name !== 'address' && name !== 'div' && name !== 'p') ? index : was.liStop,
      ddStop: name === 'dd' || name === 'dt' || (special && name !== 'address' && name !== 'div' && name !== 'p') ? index : was.ddStop,
    };
    const fosterTable = below !== undefined && TABLE_CONTEXT.has(below.name) && !TABLE_TAGS.has(name) ? this.lastIndex('table') : -1;
    if (fosterTable !== -1) this.closeDown(fosterTable, at);
    const directedBelow = below === undefined ? -1 : below.direction.open !== '' ? below.index : below.directedBelow;
    const { computed, direction } = this.directionOf(foreign ? withPresentationStyle(tag) : tag, below?.computed ?? 'ltr');
    const element: OpenElement = { name, tag, direction, computed, index, onStack: true, fosterTable, foreign, directedBelow, floors };
    this.directed ||= element.direction.open !== '';
    if (!foreign) this.spacing(element, below);
    if (this.tableLayout !== undefined) this.openLayout(element, below, this.tableLayout);
    this.emit(element.direction.open, at);
    this.stack.push(element);
    const indices = this.byName.get(name);
    if (indices === undefined) this.byName.set(name, [index]);
    else indices.push(index);
    return element;
  }

  private pop(at: number): OpenElement | undefined {
    const element = this.stack.pop();
    if (element === undefined) return undefined;
    element.onStack = false;
    this.byName.get(element.name)?.pop();
    // A row's own controls hold its cells in place: the row is laid out before they close.
    if (element.layoutRow === true) this.tableLayout?.closed('row');
    this.emit(element.direction.close, at);
    if (element.fosterTable !== -1) this.reopenFrom(element.fosterTable, element.index, at);
    if (element.layoutCell === true) this.tableLayout?.closed('cell');
    return element;
  }

  private popUntil(name: string, at: number): void {
    const last = this.lastIndex(name);
    if (last !== -1) this.popTo(last, at);
  }

  /** Pops the element at `index` and every one inside it. */
  private popTo(index: number, at: number): void {
    while (this.stack.length > index) this.pop(at);
  }

  /** Closes the directions of the elements from the current node down to `index` (they stay open). */
  private closeDown(index: number, at: number): void {
    for (let element = this.stack.length - 1; element >= index; element -= 1) this.emit((this.stack[element] as OpenElement).direction.close, at);
  }

  /** Opens again the directions of the elements from `from` up to (not including) `to`. */
  private reopenFrom(from: number, to: number, at: number): void {
    for (let element = from; element < to; element += 1) this.emit((this.stack[element] as OpenElement).direction.open, at);
  }
}
