import { browserMarkupAt, continuedMarkup, scriptDataEnd, type MarkupContinuation, type ScriptEscape } from './html-tokenizer.js';
import { foreignDepthAfter } from './html-tree-direction.js';

/**
 * Raw HTML as CommonMark 0.31 passes it through (6.6, and the HTML blocks of 4.6) and as a browser's
 * HTML5 tokenizer then reads it: where a comment opens, and where it ends (issue 13, rounds 9–12).
 * A `<!--` opens a comment only where CommonMark reads raw HTML: not inside a code span, a link
 * destination or title, a tag's attribute value, a processing instruction, a CDATA section, a
 * declaration or a raw-text element (RAW_TEXT_KINDS); and inline, only when a `-->` closes it in its paragraph (else it is
 * literal text). Once open, the browser ends it at the first `-->` or `--!>` (HTML5's incorrectly
 * closed comment), and shows what follows: that text is read.
 */

/**
 * An open or closing tag as CommonMark 0.31 (6.6) reads one: attribute values quoted or not, so a `<`
 * or `<!--` inside a quoted value is part of the tag (`<a title="<!--">` opens no comment, issue 13,
 * round 11). Bounded (names, values, attribute count) so one attempt reads a few kilobytes at most.
 * Sticky: run at the `<`.
 */
const ATTRIBUTE = `\\s+[A-Za-z_:][A-Za-z0-9_.:-]{0,63}(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]{1,1024}|'[^']{0,1024}'|"[^"]{0,1024}"))?`;
export const TAG = new RegExp(`<(?:[A-Za-z][A-Za-z0-9-]{0,63}(?:${ATTRIBUTE}){0,64}\\s*\\/?|\\/[A-Za-z][A-Za-z0-9-]{0,63}\\s*)>`, 'y');

/**
 * The next index of a needle at or after `from` (-1: none to the end), remembered per needle: the
 * inline walk asks in text order, so a paragraph of a million unclosed `<!--` costs one search, not
 * one to the end per opener. Queries must go forward.
 */
export class ForwardSearch {
  private readonly known = new Map<string | RegExp, number>();

  constructor(private readonly source: string) {}

  /** The same for a pattern (global): the index of its next match at or after `from`, or -1. */
  nextMatch(pattern: RegExp, from: number): number {
    const known = this.known.get(pattern);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    pattern.lastIndex = from;
    const at = pattern.exec(this.source)?.index ?? -1;
    this.known.set(pattern, at);
    return at;
  }

  next(needle: string, from: number): number {
    const known = this.known.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = this.source.indexOf(needle, from);
    this.known.set(needle, at);
    return at;
  }
}

/** Where a browser ends the comment whose `<!--` is at `start`: after `<!-->`, `<!--->`, or the first `-->` or `--!>` (-1: not in `source`). */
export function browserCommentEnd(source: string, start: number, search: ForwardSearch = new ForwardSearch(source)): number {
  if (source.startsWith('<!-->', start)) return start + 5;
  if (source.startsWith('<!--->', start)) return start + 6;
  const dashes = search.next('-->', start + 4);
  const bang = search.next('--!>', start + 4);
  if (bang !== -1 && (dashes === -1 || bang < dashes)) return bang + 4;
  return dashes === -1 ? -1 : dashes + 3;
}

/** What an inline `<` starts (CommonMark 0.31, 6.6), besides a tag: its extent, and whether a browser hides it as a comment. */
export interface InlineRawHtml {
  readonly end: number;
  /** A comment: hidden from a reader up to `end` (the browser's end; CommonMark's own `-->` may come later, and what is between is shown). */
  readonly comment: boolean;
}

const DECLARATION = /<![A-Za-z]/y;

/**
 * The comment, processing instruction, CDATA section or declaration that CommonMark reads at `index`
 * of a paragraph, or undefined (then the `<` is a tag, an autolink or text). An inline comment needs
 * a `-->` in the paragraph (CommonMark), which `<!-->` and `<!--->` are; unclosed, it is literal text.
 */
export function inlineRawHtml(source: string, index: number, search: ForwardSearch): InlineRawHtml | undefined {
  if (source.startsWith('<!--', index)) {
    const closed = source.startsWith('<!-->', index) || source.startsWith('<!--->', index) || search.next('-->', index + 4) !== -1;
    return closed ? { end: browserCommentEnd(source, index, search), comment: true } : undefined;
  }
  const closer = source.startsWith('<?', index) ? '?>' : source.startsWith('<![CDATA[', index) ? ']]>' : matchesAt(DECLARATION, source, index) ? '>' : undefined;
  if (closer === undefined) return undefined;
  const close = search.next(closer, index + 2);
  return close === -1 ? undefined : { end: close + closer.length, comment: false };
}

function matchesAt(pattern: RegExp, source: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(source);
}

/**
 * How a browser's HTML5 tokenizer reads an element's content: RCDATA (text, references decoded),
 * RAWTEXT or script data (text as written), or PLAINTEXT (everything after the tag, to the end of
 * the document). Scripting on, a browser's default: `<noscript>` is RAWTEXT. A `<!--` inside any of
 * them opens no comment. THE one table, for HTML blocks (rawHtmlLine) and inline HTML (rendered.ts)
 * alike (issue 13, rounds 12 and 12b). Their content is read as text, even where a browser hides
 * it (script, style, title): read, it can add a finding, never hide one.
 */
export type RawTextKind = 'rcdata' | 'rawtext' | 'plaintext';

const RAW_TEXT_KINDS: ReadonlyMap<string, RawTextKind> = new Map<string, RawTextKind>([
  ['textarea', 'rcdata'],
  ['title', 'rcdata'],
  ['script', 'rawtext'],
  ['style', 'rawtext'],
  ['xmp', 'rawtext'],
  ['iframe', 'rawtext'],
  ['noembed', 'rawtext'],
  ['noframes', 'rawtext'],
  ['noscript', 'rawtext'],
  ['plaintext', 'plaintext'],
]);

/**
 * How a browser shows a raw-text element's content beside the text around it (HTML's rendering
 * section, round 15): `hidden` (`display: none`: script, style, title, noembed, noframes, and
 * noscript with scripting on, as RAW_TEXT_KINDS assumes), `box` (a replaced or widget box the
 * content is shown in or behind: textarea, iframe), or `inline` (xmp, plaintext: text as shown).
 * `autoReads`: whether `dir="auto"` reads it for the first strong character (HTML's "contained text
 * auto directionality" skips script, style and textarea).
 */
export interface RawTextLayout {
  readonly shown: 'hidden' | 'box' | 'inline';
  readonly autoReads: boolean;
}

const RAW_TEXT_LAYOUT: ReadonlyMap<string, RawTextLayout> = new Map<string, RawTextLayout>([
  ['script', { shown: 'hidden', autoReads: false }],
  ['style', { shown: 'hidden', autoReads: false }],
  ['title', { shown: 'hidden', autoReads: true }],
  ['noscript', { shown: 'hidden', autoReads: true }],
  ['noembed', { shown: 'hidden', autoReads: true }],
  ['noframes', { shown: 'hidden', autoReads: true }],
  ['textarea', { shown: 'box', autoReads: false }],
  ['iframe', { shown: 'box', autoReads: true }],
]);
const INLINE_LAYOUT: RawTextLayout = { shown: 'inline', autoReads: true };

export function rawTextLayout(name: string): RawTextLayout {
  return RAW_TEXT_LAYOUT.get(name) ?? INLINE_LAYOUT;
}

const OPEN_TAG_NAME = /^<([A-Za-z][A-Za-z0-9-]*)/;

/** The raw-text element (lower-case name) an open tag starts, or undefined. */
export function rawTextElement(tag: string): string | undefined {
  const name = OPEN_TAG_NAME.exec(tag)?.[1]?.toLowerCase();
  return name === undefined ? undefined : rawTextName(name);
}

/** The name (lower case) when it is a raw-text element's. */
export function rawTextName(name: string): string | undefined {
  return RAW_TEXT_KINDS.has(name) ? name : undefined;
}

export function rawTextKind(name: string): RawTextKind {
  return RAW_TEXT_KINDS.get(name) ?? 'rawtext';
}

/**
 * Where the content of raw-text element `name` ends at or after `from`: at its end tag, which must
 * be exact (`</textarea` then a blank, `/`, `>` or the end of the text: `</textareax>` ends nothing,
 * HTML5's appropriate end tag). -1: not in `source` (PLAINTEXT never ends).
 */
export function rawTextEnd(source: string, from: number, name: string, commonmark = false): number {
  if (rawTextKind(name) === 'plaintext') return -1;
  let at = from;
  let escape: ScriptEscape = 'data';
  for (;;) {
    // Script data has escaped states: `<!--<script>` makes the next `</script>` end nothing (html-tokenizer.ts).
    let end: number;
    if (name === 'script') ({ end, escape } = scriptDataEnd(source, at, escape));
    else {
      const endTag = new RegExp(`</${name}(?=[\t\n\f\r />]|$)`, 'gi');
      endTag.lastIndex = at;
      end = endTag.exec(source)?.index ?? -1;
    }
    if (end === -1 || !commonmark || isCommonmarkClosingTag(source, end + 2 + name.length)) return end;
    // In a Markdown paragraph CommonMark passes only `</name>` (blanks before `>`) through as a tag; it
    // writes `</name title="…">` or `</name/>` out as text (`&lt;/name…`), so the browser's raw text goes on.
    at = end + 2;
  }
}

const CLOSING_TAG_REST = /[\t\n\f\r ]*>/y;

/** CommonMark's closing tag (6.6) ends at `from` (after `</name`): optional blanks, then `>`. */
function isCommonmarkClosingTag(source: string, from: number): boolean {
  CLOSING_TAG_REST.lastIndex = from;
  return CLOSING_TAG_REST.test(source);
}

/** The browser's state between lines of raw HTML. */
export interface RawHtmlState {
  readonly inComment: boolean;
  /** The element whose content is raw text, up to `</name` (lower case). */
  readonly rawText?: string;
  /** Inside a script: its escape state (html-tokenizer.ts). */
  readonly scriptEscape?: ScriptEscape;
  /** A tag, bogus comment or CDATA section the line before ended in (html-tokenizer.ts): a `<!--` in it opens nothing. */
  readonly inMarkup?: MarkupContinuation;
  /** How deep in svg and math the block is (html-tree-direction.ts): there `<![CDATA[` runs to `]]>`. */
  readonly foreign?: number;
}

export const OUTSIDE_HTML: RawHtmlState = { inComment: false };

/** Where raw text ends in a line, and (a script) the escape state it leaves. */
function rawTextEndInLine(line: string, from: number, name: string, escape: ScriptEscape): { end: number; escape: ScriptEscape } {
  return name === 'script' ? scriptDataEnd(line, from, escape) : { end: rawTextEnd(line, from, name), escape: 'data' };
}

/**
 * One line of raw HTML (an HTML block's, CommonMark 4.6) as a browser's tokenizer reads it
 * (html-tokenizer.ts): comments cut out, everything else kept for the inline reading, which reads
 * the same markup with the same tokenizer (rendered.ts). A tag is read to its `>` (its attributes
 * quoted or not), a bogus comment (`<?…>`, `<!x…>`, `</ …>`) to the first `>`, across lines when a
 * line ends inside one: a `<!--` inside either opens nothing. Bogus comments are kept as text, as
 * before: what they hold is read, which can add a finding, never hide one.
 */
export function rawHtmlLine(line: string, state: RawHtmlState): { visible: string; hidden: boolean; state: RawHtmlState } {
  let visible = '';
  let hidden = state.inComment;
  let inComment = state.inComment;
  let rawText = state.rawText;
  let escape: ScriptEscape = state.scriptEscape ?? 'data';
  let foreign = state.foreign ?? 0;
  const inForeign = (): { foreign?: number } => (foreign === 0 ? {} : { foreign });
  let index = 0;
  // One search per line, whatever the number of comments in it.
  const search = new ForwardSearch(line);
  const commentEnd = (source: string, start: number): number => browserCommentEnd(source, start, search);
  if (state.inMarkup !== undefined) {
    const rest = continuedMarkup(line, state.inMarkup);
    visible += line.slice(0, rest.end);
    if (rest.continuation !== undefined) return { visible, hidden, state: { inComment: false, inMarkup: rest.continuation, ...inForeign() } };
    index = rest.end;
  }
  for (;;) {
    if (inComment) {
      const end = commentCloserEnd(line, index);
      if (end === -1) return { visible, hidden: true, state: { inComment: true, ...inForeign() } };
      index = end;
      inComment = false;
    }
    if (rawText !== undefined) {
      const close = rawTextEndInLine(line, index, rawText, escape);
      if (close.end === -1) return { visible: visible + line.slice(index), hidden, state: { inComment: false, rawText, ...(rawText === 'script' ? { scriptEscape: close.escape } : {}) } };
      visible += line.slice(index, close.end);
      index = close.end;
      rawText = undefined;
      escape = 'data';
    }
    const open = line.indexOf('<', index);
    if (open === -1) return { visible: visible + line.slice(index), hidden, state: foreign === 0 ? OUTSIDE_HTML : { inComment: false, foreign } };
    visible += line.slice(index, open);
    const markup = browserMarkupAt(line, open, commentEnd, foreign > 0);
    if (markup.kind === 'comment') {
      hidden = true;
      if (markup.end >= line.length && commentEnd(line, open) === -1) return { visible, hidden: true, state: { inComment: true, ...inForeign() } };
      index = markup.end;
      continue;
    }
    visible += line.slice(open, markup.end);
    if (markup.tag !== undefined) foreign = foreignDepthAfter(markup.tag, foreign);
    if (markup.continuation !== undefined) return { visible, hidden, state: { inComment: false, inMarkup: markup.continuation, ...inForeign() } };
    // In svg and math no element's content is raw text.
    if (markup.tag !== undefined && !markup.tag.endTag && foreign === 0) rawText = rawTextName(markup.tag.name);
    index = markup.end;
  }
}

/** The end of the first `-->` or `--!>` at or after `from` in a line (-1: none): where an open comment ends. */
export function commentCloserEnd(line: string, from: number): number {
  const dashes = line.indexOf('-->', from);
  const bang = line.indexOf('--!>', from);
  if (bang !== -1 && (dashes === -1 || bang < dashes)) return bang + 4;
  return dashes === -1 ? -1 : dashes + 3;
}

/** CommonMark 4.6, type 6: a block-level element's tag opens an HTML block, which a blank line ends. */
const BLOCK_TAG_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

/** An HTML block's start condition and how it ends (CommonMark 4.6): at a line holding `end`, or before a blank line. */
const HTML_BLOCK_STARTS: ReadonlyArray<{ readonly start: RegExp; readonly end: RegExp | 'blank'; readonly interrupts: boolean }> = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interrupts: true },
  { start: /^ {0,3}<!--/, end: /-->/, interrupts: true },
  { start: /^ {0,3}<\?/, end: /\?>/, interrupts: true },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, interrupts: true },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  { start: new RegExp(`^ {0,3}</?(?:${BLOCK_TAG_NAMES})(?=[\\s>]|/>|$)`, 'i'), end: 'blank', interrupts: true },
];

/** Type 7: a whole open or closing tag alone on its line (not one of type 1's names); it cannot interrupt a paragraph. */
const TAG_ALONE = new RegExp(`^ {0,3}${TAG.source}\\s*$`);
const TYPE_1_NAME = /^ {0,3}<\/?(?:script|pre|style|textarea)\b/i;

/** How an HTML block that a line starts ends, or undefined: the line starts none. */
export type HtmlBlockEnd = RegExp | 'blank';

export function htmlBlockStart(line: string, inParagraph: boolean): HtmlBlockEnd | undefined {
  for (const block of HTML_BLOCK_STARTS) if (block.start.test(line) && (block.interrupts || !inParagraph)) return block.end;
  if (!inParagraph && TAG_ALONE.test(line) && !TYPE_1_NAME.test(line)) return 'blank';
  return undefined;
}
