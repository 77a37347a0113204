import { browserReferenceAt, commonmarkReferenceAt, learnNamedReferences, type ReadReference } from './entities.js';
import { mathSpan, type MathClosers } from './math-spans.js';
import { browserMarkupAt, type BrowserTag } from './html-tokenizer.js';
import { documentTree, EMPTY_TREE, HtmlTreeDirection, VOID, type InheritedDirection, type TreeState } from './html-tree-direction.js';
import { ElementEnds, hidesContent } from './hidden-content.js';
import { browserCommentEnd, ForwardSearch, inlineRawHtml, rawTextEnd, rawTextKind, rawTextLayout, rawTextName, TAG } from './raw-html.js';
import { firstStrongLevel } from '../../policy/text-normalize-bidi.js';
import { NEEDS_VISIBLE_FORM, visibleFormOf } from './visible-chars.js';
import { pieceAt } from './sorted-starts.js';
import { TableColumns } from './table-columns.js';

/**
 * The rendered text view (issue 13): what a reader of a Markdown text sees, which is what every
 * prose rule judges (pass assertions, claim cues, authority wording, claim coverage). One
 * implementation, in front of the one normalization (policy/text-normalize.ts):
 *   - a paragraph's soft line breaks (LF or CRLF) are spaces: the lines read as one sentence;
 *   - emphasis markers (`*`, `~`, `_` outside a word) are removed: `p**as**s` reads `pass`;
 *   - GFM strikethrough (`~~a~~`, `~a~`) has two readings, both judged: the struck text kept (a
 *     viewer without GFM, or a reader who reads what is crossed out) and removed (what GitHub's
 *     reader takes as said: `All tests ~~fail~~ pass.` reads "All tests pass."); the second is
 *     asked for by `struck: 'removed'`, and only a text whose `struck` is true has it;
 *   - code spans show their content: `` `pass` `` reads `pass`;
 *   - a raw-text element's content (textarea, script, title, plaintext…: raw-html.ts's one table)
 *     is text up to its exact end tag: a `<!--` in it opens nothing; left open, it runs on past the
 *     text (`openRawText`), as a browser's does;
 *   - inline HTML tags and comments are removed (the comments are reported: hidden text); a line
 *     break or a block or table-cell edge reads as a space; a `<!--` that no `-->` closes in the
 *     text is literal, and a comment ends where a browser ends it (`--!>` too: raw-html.ts);
 *   - entities are decoded (`&#112;`, `&#x70;`, `&nbsp;`, every HTML5 name: entities.ts); a name
 *     outside HTML5 becomes U+FFFD, which the prose scan reports as undecodable (fail closed); in
 *     text a browser reads (an HTML block, RCDATA) as a browser decodes them: `&#112ass`, `&aacute`;
 *   - backslash escapes show the character; link and image syntax shows the text;
 *   - visible-chars.ts: blanks, sharp s, small capitals and other scripts' digits.
 * Linear in the text: one pass, and a map of pieces (not one entry per character) back to offsets.
 */
export interface RenderedText {
  readonly text: string;
  /** Whether the text holds a GFM strikethrough, so that its other reading (StruckReading) differs. */
  readonly struck: boolean;
  /** HTML comments removed from the text (hidden from a reader, never classified). */
  readonly hidden: string[];
  /** A raw-text element left open at the end of the text (its content runs on into what follows). */
  readonly openRawText?: string;
  /** The source offset of the character at `index` of `text`. */
  sourceOffset(index: number): number;
  /** The elements open at the end of the text, for the next (only when `context.tree` was given). */
  readonly treeAfter?: TreeState;
}

/** A soft line break (LF, or the CR and LF of CRLF) reads as a space: one unit for one, so no offset moves. */
const readAs = (code: number): number => (code === 0x0a || code === 0x0d ? 0x20 : code);

/**
 * The rendered text, written unit by unit into one growing buffer (issue 13, the unclosed-Markdown
 * cost: a piece per special character as its own string, joined at the end, was most of the time
 * and most of the garbage for a 6 MB paragraph of `<a ` or `*a_`).
 */
/** A run holding none of these is copied by one native write (a plain ASCII paragraph costs what a copy costs). */
const NEEDS_WALK = /[\r\n\u0080-\uffff]/;
const NATIVE_COPY_MIN = 64;
/** A text with none of these (no syntax, no line break, ASCII only) renders as itself. */
const RENDERS_DIFFERENTLY = /[\\`<&*_~[\]!$\r\n\u0080-\uffff]/;

class Builder {
  private out: Uint16Array<ArrayBuffer>;
  /** The same memory as bytes, for Buffer.write. */
  private bytes: Buffer;
  length = 0;
  /** Piece starts as pairs (output offset, source offset) in one typed array: a piece per special character allocates nothing. */
  pieces = new Int32Array(64);
  pieceCount = 0;
  private nextSource = -1;

  constructor(capacity: number) {
    this.out = new Uint16Array(Math.max(16, capacity));
    this.bytes = Buffer.from(this.out.buffer);
  }

  private room(extra: number): void {
    if (this.length + extra <= this.out.length) return;
    const grown = new Uint16Array(Math.max(this.out.length * 2, this.length + extra));
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
    this.bytes = Buffer.from(grown.buffer);
  }

  /** A piece starts here unless it continues the previous copy of the source. */
  private start(source: number, copy: boolean): void {
    if (copy && source === this.nextSource) return;
    this.addPiece(this.length, source);
  }

  private addPiece(output: number, source: number): void {
    if (this.pieceCount * 2 + 2 > this.pieces.length) {
      const grown = new Int32Array(this.pieces.length * 2);
      grown.set(this.pieces);
      this.pieces = grown;
    }
    this.pieces[this.pieceCount * 2] = output;
    this.pieces[this.pieceCount * 2 + 1] = source;
    this.pieceCount += 1;
  }

  emit(text: string, source: number, copy: boolean): void {
    if (text === '') return;
    this.start(source, copy);
    this.room(text.length);
    for (let index = 0; index < text.length; index += 1) this.out[this.length++] = readAs(text.charCodeAt(index));
    this.nextSource = copy ? source + text.length : -1;
  }

  /**
   * Copy source[from, to) as a reader sees it. A code point that visible-chars.ts shows as text of
   * its own length (`٣` → `3`, U+2800 → ` `) keeps the offsets 1:1, so it stays in the run around
   * it (a line of 400,000 Arabic-Indic digits is one piece); one shown longer or shorter is a piece.
   */
  copy(source: string, from: number, to: number): void {
    if (from >= to) return;
    this.room(to - from);
    this.start(from, true);
    if (to - from >= NATIVE_COPY_MIN) {
      const run = source.slice(from, to);
      if (!NEEDS_WALK.test(run)) {
        this.bytes.write(run, this.length * 2, 'utf16le');
        this.length += run.length;
        this.nextSource = to;
        return;
      }
    }
    const out = this.out;
    let offset = from;
    while (offset < to) {
      const code = source.charCodeAt(offset);
      if (code < 0x80) {
        out[this.length++] = readAs(code);
        offset += 1;
        continue;
      }
      const codePoint = source.codePointAt(offset) ?? code;
      const width = codePoint > 0xffff ? 2 : 1;
      const mapped = visibleFormOf(codePoint);
      if (mapped === undefined || mapped.length === width) {
        const shown = mapped ?? source;
        const at = mapped === undefined ? offset : 0;
        for (let unit = 0; unit < width; unit += 1) out[this.length++] = readAs(shown.charCodeAt(at + unit));
      } else {
        this.nextSource = offset;
        this.emit(mapped, offset, false);
        this.copy(source, offset + width, to);
        return;
      }
      offset += width;
    }
    this.nextSource = to;
  }

  /** U+FFFD: tki stopped reading exactly here (the prose scan reports an UNPARSED_REGION). */
  unread(): void {
    this.emit('\uFFFD', this.sourceAt(this.length), false);
  }

  /** The source offset of output offset `at` (its piece's source plus the distance into it). */
  private sourceAt(at: number): number {
    const piece = this.pieceIndexAt(at);
    return piece === -1 ? at : (this.pieces[piece * 2 + 1] as number) + (at - (this.pieces[piece * 2] as number));
  }

  /** The last piece starting at or before `at` (-1: none). */
  private pieceIndexAt(at: number): number {
    let low = 0;
    let high = this.pieceCount - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.pieces[middle * 2] as number) <= at) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  /**
   * Rewrites the text from `start` to its end as `ranges` (a permutation of that span) in their
   * order, each keeping the source offsets it had (table-columns.ts: a row's cells in display order).
   */
  reorder(start: number, ranges: readonly (readonly [number, number])[]): void {
    const moved = ranges.map(([from, to]) => {
      const units = this.out.slice(from, to);
      const pieces: number[] = [0, this.sourceAt(from)];
      for (let piece = this.pieceIndexAt(from) + 1; piece < this.pieceCount && (this.pieces[piece * 2] as number) < to; piece += 1) {
        pieces.push((this.pieces[piece * 2] as number) - from, this.pieces[piece * 2 + 1] as number);
      }
      return { units, pieces };
    });
    this.pieceCount = this.pieceIndexAt(start - 1) + 1;
    this.length = start;
    for (const { units, pieces } of moved) {
      if (units.length === 0) continue;
      for (let at = 0; at < pieces.length; at += 2) this.addPiece(this.length + (pieces[at] as number), pieces[at + 1] as number);
      this.out.set(units, this.length);
      this.length += units.length;
    }
    this.nextSource = -1;
  }

  text(): string {
    return Buffer.from(this.out.buffer, 0, this.length * 2).toString('utf16le');
  }
}

/** MathML's token elements and space: each is a box of its own in the row (`<mtext>All</mtext><mtext>tests</mtext>` is two words). */
const MATH_TOKENS = ['mi', 'mn', 'mo', 'ms', 'mtext', 'mspace'];
/** The characters that start inline syntax, by code (a table read per character, no match object per special character). */
const SPECIAL_CODES = Uint8Array.from({ length: 128 }, (_, code) => ('\\`<&*_~[]!$'.includes(String.fromCharCode(code)) ? 1 : 0));
// Sticky (`y`), run at the special character's index: no slice of the text per attempt. Every
// quantifier is bounded, so one attempt reads at most a few kilobytes.
/**
 * Tags a browser shows as a break between words: a line break, and the edges of blocks and table
 * cells (`<td>All tests</td><td>pass.</td>` reads "All tests pass.", not "All testspass.", issue 13, round 9),
 * and of a button (an inline block: its content is laid out in its own box, round 15).
 */
const BREAKING_TAGS: ReadonlySet<string> = new Set([...MATH_TOKENS, 'br', 'button', 'xmp', 'listing', 'plaintext', 'td', 'th', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'details', 'summary']);
/** Breaking tags read as a space whatever the direction: a line break, and a table cell's edges (a row is one line). */
const LINE_BREAKS: ReadonlySet<string> = new Set(['br', 'td', 'th', ...MATH_TOKENS]);
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,4096}|[^\s<>@]{1,256}@[^\s<>]{1,256})>/y;
const LINK_TARGET = /\]\([^()\s]{0,4096}(?:\s+(?:"[^"]{0,1024}"|'[^']{0,1024}'))?\s*\)/y;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_CHAR.test(char);
}

/** A sticky pattern's match at `index`, or null. */
function matchAt(pattern: RegExp, source: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(source);
}

/** The index just past a run of `char` starting at `from`. */
function runEnd(source: string, from: number, char: string): number {
  let end = from;
  while (source[end] === char) end += 1;
  return end;
}

/** Where the code span opened by the backtick run at `start` closes (a run of the same length), or -1. */
function codeSpanClose(source: string, start: number): number {
  const open = runEnd(source, start, '`');
  const fence = source.slice(start, open);
  let close = source.indexOf(fence, open);
  while (close !== -1 && source[close + fence.length] === '`') close = source.indexOf(fence, runEnd(source, close, '`'));
  return close;
}

function codeSpan(source: string, start: number, builder: Builder): number {
  const open = runEnd(source, start, '`');
  const fence = source.slice(start, open);
  const close = codeSpanClose(source, start);
  if (close === -1) {
    builder.emit(fence, start, true);
    return open;
  }
  // The content as it is (no escapes, no entities), line endings as spaces, one padding space stripped.
  const content = source.slice(open, close);
  const strip = /^[ \n]/.test(content) && /[ \n]$/.test(content) && content.trim() !== '';
  const from = open + (strip ? 1 : 0);
  const to = close - (strip ? 1 : 0);
  let segment = from;
  for (let index = from; index < to; index += 1) {
    const code = source.charCodeAt(index);
    if (code !== 0x0a && code !== 0x0d) continue;
    builder.copy(source, segment, index);
    if (code === 0x0a) builder.emit(' ', index, false);
    segment = index + 1;
  }
  builder.copy(source, segment, to);
  return close + fence.length;
}

/** How struck text (GFM strikethrough) is read: kept with its markers removed, or removed with them. */
export type StruckReading = 'kept' | 'removed';

interface InlineState {
  readonly builder: Builder;
  readonly hidden: string[];
  readonly struck: StruckReading;
  /** The next closing `~` run of length 1 and 2 at or after a position (-1: none up to the end): one forward walk per length in all. */
  readonly closers: [number, number];
  /** Whether a strikethrough closed (then the other reading can differ). */
  struckFound: boolean;
  /** Closing dollar runs found so far (math-spans.ts). */
  readonly math: MathClosers;
  /** The next closing tag of each striking tag name at or after the last opener (-1: none up to the end). */
  readonly tagClosers: Map<string, number>;
  /** Closers of raw HTML (`-->`, `--!>`, `?>`, `]]>`, `>`) found so far (raw-html.ts). */
  readonly rawHtml: ForwardSearch;
  /** How a reference is read here: CommonMark's text (`;` required) or text a browser reads as HTML. */
  readonly referenceAt: (source: string, index: number) => ReadReference | undefined;
  /** A raw-text element whose end tag is not in the text. */
  openRawText?: string;
  /** HTML a browser reads (an HTML block's lines): a `<` is read by the HTML5 tokenizer (html-tokenizer.ts). */
  readonly browserHtml: boolean;
  /** The elements a browser's tree builder has open, which decide the text's direction (html-tree-direction.ts). */
  readonly tree: HtmlTreeDirection;
  /** The `]` that ends the image whose alt text is open (its text is isolated: no text for `dir="auto"`). */
  imageClose: number;
  /** The next ruby tag at or after a position (-1: none), remembered: the 'removed' reading skips annotations. */
  rubyNext: number;
  /** Where hidden elements end (hidden-content.ts), made when the 'removed' reading first skips one. */
  elementEnds?: ElementEnds;
  /** The closed `<select>` open here (its options but the shown one are hidden text), if any. */
  select?: ClosedSelect;
  /** Raw-text content a browser does not show in the line: read after the text, each as a paragraph of its own. */
  readonly deferred: ({ readonly from: number; readonly to: number; readonly name: string; readonly isolate?: string } | { readonly from: number; readonly shown: string })[];
}

/** One reference at an `&` (or a literal `&`), shown as visible-chars.ts shows its characters; returns the index after it. */
function reference(source: string, index: number, builder: Builder, referenceAt: InlineState['referenceAt']): number {
  const read = referenceAt(source, index);
  if (read === undefined) {
    builder.emit('&', index, true);
    return index + 1;
  }
  const visible = [...read.decoded].map((part) => visibleFormOf(part.codePointAt(0) ?? 0) ?? part).join('');
  builder.emit(visible, index, false);
  return index + read.length;
}

/**
 * The content of raw-text element `name` from `from`: text up to its end tag (the tag itself is
 * read next, as a tag), with references decoded as a browser decodes RCDATA's; no markup in it.
 * Unclosed, it runs to the end of the text and stays open (`openRawText`). Content a browser does
 * not show in the line (rawTextLayout: hidden, or in a box) is read all the same, as a paragraph of
 * its own after the text (`deferred`), so it can add a finding and never joins the words around it
 * (`All tests <script>x</script>pass` reads "pass"; `<textarea></span></textarea>pass` keeps "pass"
 * a word, round 15). In its place: a space for a box, and for `dir="auto"` an invisible mark of the
 * content's first strong direction where `dir="auto"` reads the content.
 */
function rawTextContent(source: string, from: number, name: string, state: InlineState): number {
  const end = rawTextEnd(source, from, name, !state.browserHtml);
  const to = end === -1 ? source.length : end;
  if (end === -1) state.openRawText = name;
  const layout = rawTextLayout(name);
  if (end === -1 || layout.shown === 'inline') {
    rawTextCopy(source, from, to, name, state.builder);
    return to;
  }
  const mark = layout.autoReads ? strongMarkOf(source.slice(from, to)) : '';
  state.builder.emit(mark + (layout.shown === 'box' ? ' ' : ''), from, false);
  // A box lays its text out at the element's own direction or the one it inherits (round 16: a
  // `<textarea dir="rtl">`, one with CSS `direction: rtl`, one inside a `<span dir="rtl">`).
  state.deferred.push({ from, to, name, ...(layout.shown === 'box' ? { isolate: isolateOf(state.tree.carriedComputed()) } : {}) });
  return to;
}

/** A raw-text element's content as text (RCDATA's references decoded). */
function rawTextCopy(source: string, from: number, to: number, name: string, builder: Builder): void {
  if (rawTextKind(name) !== 'rcdata') {
    builder.copy(source, from, to);
    return;
  }
  // The `&`s are looked for inside the content only: a search to the end of the text per element
  // made a paragraph of 100,000 short textareas quadratic.
  let index = from;
  for (let at = from; at < to; at += 1) {
    if (source.charCodeAt(at) !== 0x26 || at < index) continue;
    builder.copy(source, index, at);
    index = Math.min(to, reference(source, at, builder, browserReferenceAt));
  }
  builder.copy(source, index, to);
}

const RLM = '\u200F';
const LRM = '\u200E';

/** An invisible mark of a text's first strong direction (UAX #9 P2), or '' when it has no strong character. */
function strongMarkOf(text: string): string {
  if (firstStrongLevel(text, 0, true) === 1) return RLM;
  // With a right-to-left letter after it, a text without a strong character of its own reads right to left.
  return firstStrongLevel(`${text}\u05D0`, 0, true) === 0 ? LRM : '';
}

const isSpace = (char: string | undefined): boolean => char === undefined || (char.charCodeAt(0) < 0x80 ? char === ' ' || (char >= '\t' && char <= '\r') : /\s/.test(char));

/**
 * The index of the next run of exactly `length` tildes at or after `from` that can close a
 * strikethrough (not preceded by white space), or -1. Memoized per length: the openers are met in
 * text order, so a closer found (or the end reached) serves every opener before it, and a dossier
 * of a million unclosed `~a` costs one walk, not one per opener.
 */
function nextCloser(source: string, from: number, length: 1 | 2, state: InlineState): number {
  const known = state.closers[length - 1] ?? -2;
  if (known === -1 || known >= from) return known;
  let at = source.indexOf('~', from);
  while (at !== -1) {
    const end = runEnd(source, at, '~');
    if (end - at === length && !isSpace(source[at - 1])) break;
    at = source.indexOf('~', end);
  }
  state.closers[length - 1] = at;
  return at;
}

/** A `~` run at `index`: markers dropped; in the 'removed' reading a closed strikethrough drops its text too. */
function tildes(source: string, index: number, state: InlineState): number {
  const end = runEnd(source, index, '~');
  const length = end - index;
  if ((length !== 1 && length !== 2) || isSpace(source[end])) return end;
  const close = nextCloser(source, end, length, state);
  if (close === -1) return end;
  state.struckFound = true;
  return state.struck === 'kept' ? end : close + length;
}

/** Tags a browser shows as struck text, as GFM shows `~~…~~` (issue 13, round 11). */
const STRIKING_TAGS: ReadonlySet<string> = new Set(['del', 's', 'strike']);

/**
 * After an open tag that strikes its text (`<del>`, `<s>`, `<strike>`) with a closing tag later on:
 * the struck text is a strikethrough, read both ways as `~~…~~` is (kept, or removed with its tags).
 * Returns where the walk goes on. The next closing tag of each name is memoized as tildes' closers
 * are, so a paragraph of a million unclosed `<del>` costs one search per name, not one per opener.
 */
function struckByTag(source: string, after: number, name: string, state: InlineState): number {
  if (!STRIKING_TAGS.has(name)) return after;
  let close = state.tagClosers.get(name) ?? -2;
  if (close !== -1 && close < after) {
    const closing = new RegExp(`</${name}\\s*>`, 'gi');
    closing.lastIndex = after;
    close = closing.exec(source)?.index ?? -1;
    state.tagClosers.set(name, close);
  }
  if (close === -1) return after;
  state.struckFound = true;
  return state.struck === 'kept' ? after : close;
}

/** The tokenizer reads a tag here, never a comment (CommonMark's raw HTML has been read already). */
const noComment = (): number => -1;

/** An image's alt text is isolated (FSI … PDI): no text for `dir="auto"`. */
const FSI = '\u2068';
const PDI = '\u2069';

/** Ruby annotations (`rt`) and their fallback parentheses (`rp`): shown above the base text, not in it. */
const RUBY_ANNOTATIONS: ReadonlySet<string> = new Set(['rt', 'rp']);
const RUBY_TAG = /<\/?(?:rt|rp|ruby)(?=[\t\n\f\r />])/gi;

/**
 * A ruby annotation's tag (issue 13, round 13). Two readings, as struck text has: the annotation kept
 * as words of their own (`pass<rt>ok</rt>` reads "pass ok": the tags are breaks), and removed (the
 * base text joined as it is shown: `pa<rt>x</rt>ss` reads "pass"). Returns where the walk goes on.
 */
function rubyAnnotation(source: string, end: number, tag: BrowserTag, index: number, state: InlineState): number {
  state.struckFound = true;
  if (state.struck === 'kept') {
    state.builder.emit(' ', index, false);
    return end;
  }
  if (tag.endTag) return end;
  // The annotation ends at the next ruby tag (`</rt>`, another `<rt>`, `</ruby>`): remembered, queries go forward.
  if (state.rubyNext !== -1 && state.rubyNext < end) {
    RUBY_TAG.lastIndex = end;
    state.rubyNext = RUBY_TAG.exec(source)?.index ?? -1;
  }
  return state.rubyNext === -1 ? source.length : state.rubyNext;
}

/** A tag read at `index` (ending at `end`): what it does to the text a reader sees; returns where the walk goes on. */
function tagRead(source: string, index: number, end: number, tag: BrowserTag, state: InlineState): number {
  if (RUBY_ANNOTATIONS.has(tag.name)) return rubyAnnotation(source, end, tag, index, state);
  // A box whose edges CSS draws apart (css-spacing.ts) reads as spaced from its neighbours in the other reading, joined in the first.
  const spacedEdge = state.struck === 'removed' && tag.endTag && state.tree.closesSpaced(tag.name);
  if (spacedEdge) state.builder.emit(' ', index, false);
  if (tag.endTag) state.tree.endTag(tag, index);
  else state.tree.startTag(tag, index);
  if (state.struck === 'removed' && !tag.endTag && state.tree.openedSpaced(tag)) state.builder.emit(' ', index, false);
  // A block's edge is a break between words; once a direction is set, the edge of a bidi paragraph (html-tree-direction.ts).
  // A cell's edge is a space: the cells of a row are read as one line, in the order they display (table-columns.ts).
  if (BREAKING_TAGS.has(tag.name)) state.builder.emit(LINE_BREAKS.has(tag.name) ? ' ' : state.tree.blockEdge(), index, false);
  // SVG text placed at a position of its own is a word of its own.
  else if (!tag.endTag && state.tree.currentForeign && tag.attributes.has('x')) state.builder.emit(' ', index, false);
  if (tag.name === 'select') state.select = tag.endTag ? undefined : closedSelect(end, tag, state.rawHtml);
  if (tag.endTag) return end;
  if (tag.name === 'option' && state.select !== undefined && !optionShown(state.select, tag)) {
    state.struckFound = true;
    if (state.struck === 'removed') return optionEnd(source, end, state.rawHtml);
  }
  // Content a browser hides (hidden-content.ts): kept in one reading, removed in the other, as struck text is.
  const place = { enclosing: () => state.tree.enclosingTags(tag), recoloured: () => recoloured(source, index, end, tag.name, state), foreign: state.tree.currentForeign };
  if (hidesContent(tag, state.tree.sheet, place)) {
    state.struckFound = true;
    if (state.struck === 'removed') return hiddenContentEnd(source, index, end, tag, state);
  }
  if (!state.tree.currentForeign) attributeText(tag, index, state);
  // In svg and math no element's content is raw text.
  const rawText = state.tree.currentForeign ? undefined : rawTextName(tag.name);
  if (rawText !== undefined) return rawTextContent(source, end, rawText, state);
  return struckByTag(source, end, tag.name, state);
}

/**
 * A closed `<select>` (no `multiple`, a `size` of 1 or none) shows one option: the last one marked
 * `selected`, else the first (round 19). The others are hidden text, read both ways as hidden content
 * is. Whether any option up to the `</select>` is marked is found by forward searches (remembered:
 * a text of many selects costs one walk).
 */
interface ClosedSelect {
  /** Options marked `selected` lie ahead. */
  readonly marked: boolean;
  options: number;
}

const SELECT_END = /<\/select(?=[\t\n\f\r />])/gi;
const MARKED_OPTION = /<option(?=[\t\n\f\r />])[^>]*[\t\n\f\r "'/]selected(?=[\t\n\f\r =/>])/gi;
const OPTION_BOUNDARY = /<\/?(?:option|optgroup|select|hr)(?=[\t\n\f\r />])/gi;

function closedSelect(after: number, tag: BrowserTag, search: ForwardSearch): ClosedSelect | undefined {
  const size = tag.attributes.get('size');
  if (tag.attributes.has('multiple') || (size !== undefined && Number.parseInt(size, 10) > 1)) return undefined;
  const close = search.nextMatch(SELECT_END, after);
  const marked = search.nextMatch(MARKED_OPTION, after);
  return { marked: marked !== -1 && (close === -1 || marked < close), options: 0 };
}

function optionShown(select: ClosedSelect, tag: BrowserTag): boolean {
  select.options += 1;
  return select.marked ? tag.attributes.has('selected') : select.options === 1;
}

/** Where a hidden option's text ends: the next option, optgroup or select tag (an option's end tag may be left out). */
function optionEnd(source: string, after: number, search: ForwardSearch): number {
  const at = search.nextMatch(OPTION_BOUNDARY, after);
  return at === -1 ? source.length : at;
}

/** How far into an element's content a colour of its own is looked for; past that, none is taken to be (the element hides: fail closed). */
const RECOLOUR_LOOKAHEAD = 4096;
const SETS_A_COLOUR = /color\s*[:=]|<mark(?=[\t\n\f\r />])/gi;

/** Whether the content of the element whose start tag is at `index` (ending at `end`) may give its text a colour (css-paint.ts): one forward search, remembered. */
function recoloured(source: string, index: number, end: number, name: string, state: InlineState): boolean {
  const next = state.rawHtml.nextMatch(SETS_A_COLOUR, end);
  if (next === -1 || next >= end + RECOLOUR_LOOKAHEAD) return false;
  state.elementEnds ??= new ElementEnds(source);
  return next < state.elementEnds.endOf(name, index);
}

/** Where the 'removed' reading goes on after a hidden element's start tag: its end tag (read next, as a tag), or the text's end. */
function hiddenContentEnd(source: string, index: number, end: number, tag: BrowserTag, state: InlineState): number {
  if (VOID.has(tag.name)) return end;
  // `<x/>` in svg or math is closed at once (and so are `<svg/>` and `<math/>` themselves).
  if (tag.selfClosing === true && (state.tree.currentForeign || tag.name === 'svg' || tag.name === 'math')) return end;
  const rawText = state.tree.currentForeign ? undefined : rawTextName(tag.name);
  if (rawText !== undefined) {
    const close = rawTextEnd(source, end, rawText);
    return close === -1 ? source.length : close;
  }
  state.elementEnds ??= new ElementEnds(source);
  return Math.max(end, state.elementEnds.endOf(tag.name, index));
}

/** Input types whose box shows the `value` (or, empty, the `placeholder`) as text; no `type` is `text`. */
const INPUT_SHOWS_VALUE: ReadonlySet<string> = new Set(['text', 'search', 'tel', 'url', 'email', 'button', 'submit', 'reset']);
const LRI = '\u2066';
const RLI = '\u2067';

/**
 * Text a browser shows from an attribute (round 16; docs/choices.md 65). A broken `<img>` shows its
 * `alt` in the line (GitHub keeps both): read there, isolated as Markdown's image alt is. An
 * `<input>`'s `value` and `placeholder` and a `<textarea>`'s `placeholder` are shown in a box of the
 * element's own (GitHub strips them; a browser showing CommonMark's HTML does not): read as a
 * paragraph of their own after the text, as a textarea's content is (choices 45), at the element's
 * direction. Both are read whether or not the value would be shown (fail closed: a loaded image
 * hides its alt, a typed value hides the placeholder).
 */
function attributeText(tag: BrowserTag, index: number, state: InlineState): void {
  const { name, attributes } = tag;
  const alt = name === 'img' ? attributes.get('alt') : undefined;
  if (alt !== undefined && alt !== '') state.builder.emit(FSI + visibleForm(alt) + PDI, index, false);
  const srcdoc = name === 'iframe' ? attributes.get('srcdoc') : undefined;
  if (srcdoc !== undefined && srcdoc.trim() !== '') {
    const document = srcdocText(srcdoc, state.struck);
    state.deferred.push({ from: index, shown: FSI + document.text + PDI });
    // The document's text goes through the rules the page's does (session 18): what it hides or
    // strikes gives the paragraph its other reading, and its comments are hidden text, as the page's.
    state.struckFound ||= document.struck;
    state.hidden.push(...document.hidden);
  }
  if (name !== 'input' && name !== 'textarea') return;
  const type = (attributes.get('type') ?? 'text').toLowerCase();
  const shownTexts = [name === 'input' && INPUT_SHOWS_VALUE.has(type) ? attributes.get('value') : undefined, attributes.get('placeholder')];
  const isolate = isolateOf(state.tree.directionInside(tag));
  for (const shown of shownTexts) {
    if (shown === undefined || shown.trim() === '') continue;
    state.deferred.push({ from: index, shown: isolate + visibleForm(shown) + PDI });
  }
}

/** How deep srcdoc documents are read as HTML; deeper ones are read as written (markup and all: more text, never less). */
const MAX_SRCDOC_DEPTH = 4;
let srcdocDepth = 0;

/**
 * An `<iframe srcdoc>`'s document (round 16, choices 65): a page of its own, shown in the frame's box,
 * read as HTML a browser reads (its own tree: nothing around the frame reaches into it) and, as a
 * box's text, as a paragraph of its own. Nested frames are read as HTML to MAX_SRCDOC_DEPTH, which
 * keeps the cost linear in the text times that depth. Its other reading (hidden or struck content
 * removed) and its comments are the caller's to carry to the paragraph.
 */
function srcdocText(srcdoc: string, struck: StruckReading): Pick<RenderedText, 'text' | 'struck' | 'hidden'> {
  if (srcdocDepth >= MAX_SRCDOC_DEPTH) return { text: visibleForm(srcdoc), struck: false, hidden: [] };
  srcdocDepth += 1;
  try {
    return renderedText(srcdoc, struck, { browserHtml: true, tree: documentTree(srcdoc) });
  } finally {
    srcdocDepth -= 1;
  }
}

/** The isolate a box's text is laid out in at its direction (`auto`: its first strong character). */
function isolateOf(direction: InheritedDirection): string {
  return direction === 'rtl' ? RLI : direction === 'ltr' ? LRI : FSI;
}

/**
 * A `<` in HTML a browser reads (an HTML block's lines): the HTML5 tokenizer decides (html-tokenizer.ts).
 * Its comments were cut out line by line (raw-html.ts); a bogus comment is read as written, as
 * before; a tag the text ends inside hides the rest, as a browser does.
 */
function browserLessThan(source: string, index: number, state: InlineState): number {
  const markup = browserMarkupAt(source, index, (text, start) => browserCommentEnd(text, start, state.rawHtml), state.tree.foreign);
  switch (markup.kind) {
    case 'comment': {
      const raw = inlineRawHtml(source, index, state.rawHtml);
      if (raw?.comment === true) {
        state.hidden.push(source.slice(index, raw.end));
        return raw.end;
      }
      state.builder.emit('<', index, true);
      return index + 1;
    }
    case 'bogus':
    case 'cdata':
      state.builder.copy(source, index, markup.end);
      return markup.end;
    case 'nothing':
      return markup.end;
    case 'tag':
      return markup.tag === undefined || markup.continuation !== undefined ? markup.end : tagRead(source, index, markup.end, markup.tag, state);
    default:
      state.builder.emit('<', index, true);
      return index + 1;
  }
}

/**
 * `![` at `index`: an image whose alt text closes at the first `]` with a link target after it. The
 * alt text is shown only when the image is not, and is no text for `dir="auto"` (HTML: an attribute,
 * not a text node): it is isolated (FSI … PDI), so UAX #9 P2 skips it when it looks for the first
 * strong character (issue 13, round 13).
 */
function imageStart(source: string, index: number, state: InlineState): number {
  const close = state.rawHtml.next(']', index + 2);
  if (close !== -1 && close > state.imageClose && matchAt(LINK_TARGET, source, close) !== null) {
    state.imageClose = close;
    state.builder.emit(FSI, index, false);
  }
  return index + 1;
}

/** One inline step at a special character; returns the index after what it consumed. */
function special(source: string, index: number, state: InlineState): number {
  const { builder, hidden } = state;
  const char = source[index] ?? '';
  switch (char) {
    case '\\': {
      const next = source[index + 1];
      if (next === '\n') builder.emit(' ', index, false);
      else if (next !== undefined && ASCII_PUNCTUATION.test(next)) builder.emit(next, index + 1, true);
      else builder.emit('\\', index, true);
      return index + (next === '\n' || (next !== undefined && ASCII_PUNCTUATION.test(next)) ? 2 : 1);
    }
    case '`':
      return codeSpan(source, index, builder);
    case '<': {
      if (state.browserHtml) return browserLessThan(source, index, state);
      const link = matchAt(AUTOLINK, source, index);
      if (link !== null) {
        builder.copy(source, index + 1, index + 1 + (link[1]?.length ?? 0));
        return index + link[0].length;
      }
      // A comment closed in this text is hidden up to where the browser ends it (raw-html.ts); a
      // processing instruction, declaration or CDATA section is read as written, and nothing in it
      // opens a comment; an unclosed `<!--` is text (CommonMark 0.31, 6.6; issue 13, round 12).
      const raw = inlineRawHtml(source, index, state.rawHtml);
      if (raw !== undefined) {
        if (raw.comment) hidden.push(source.slice(index, raw.end));
        else builder.copy(source, index, raw.end);
        return raw.end;
      }
      const tag = matchAt(TAG, source, index);
      const read = tag === null ? undefined : browserMarkupAt(source, index, noComment).tag;
      if (tag !== null && read !== undefined) return tagRead(source, index, index + tag[0].length, read, state);
      builder.emit('<', index, true);
      return index + 1;
    }
    case '&':
      return reference(source, index, builder, state.referenceAt);
    case '_': {
      const end = runEnd(source, index, '_');
      // Intraword underscores are literal (CommonMark): snake_case stays as it is.
      if (isWordChar(source[index - 1]) && isWordChar(source[end])) builder.emit(source.slice(index, end), index, true);
      return end;
    }
    case '*':
      return runEnd(source, index, char);
    case '~':
      return tildes(source, index, state);
    case '$': {
      const end = mathSpan(source, index, builder, state.math);
      if (end !== -1) return end;
      const dollars = runEnd(source, index, '$');
      builder.emit(source.slice(index, dollars), index, true);
      return dollars;
    }
    case '!':
      if (source[index + 1] === '[') return imageStart(source, index, state);
      builder.emit('!', index, true);
      return index + 1;
    case '[':
      return index + 1;
    case ']': {
      const target = matchAt(LINK_TARGET, source, index);
      if (index === state.imageClose && target !== null) builder.emit(PDI, index, false);
      return index + (target === null ? 1 : target[0].length);
    }
    default:
      builder.emit(char, index, true);
      return index + 1;
  }
}

/**
 * Where a text sits in the document: in HTML a browser reads (an HTML block's lines: references need
 * no `;`), and inside a raw-text element left open before it (its content goes on here).
 */
export interface TextContext {
  readonly browserHtml?: boolean;
  readonly rawText?: string;
  /**
   * The elements the texts before this one left open (html-tree-direction.ts): a Markdown block
   * inside a `<div dir="rtl">`, or after a `<b dir="rtl">` left open, is read in their direction.
   * The text's own state at its end is `treeAfter`.
   */
  readonly tree?: TreeState;
}

const BLANK_RUN = /^[\t\n\f\r ]*$/;
/** U+2029: what follows is a bidi paragraph of its own (UAX #9 P1). */
const PARAGRAPH_SEPARATOR = '\u2029';

/** The rendered view of Markdown inline text (one paragraph, or any text such as a claim or a record). */
export function renderedText(source: string, struck: StruckReading = 'kept', context: TextContext = {}): RenderedText {
  const carried = context.tree ?? EMPTY_TREE;
  // Nothing to render (plain ASCII prose, one line): the text is the source, offsets 1:1.
  if (context.rawText === undefined && HtmlTreeDirection.isEmpty(carried) && !RENDERS_DIFFERENTLY.test(source)) {
    return { text: source, hidden: [], struck: false, sourceOffset: (at) => at, ...(context.tree === undefined ? {} : { treeAfter: carried }) };
  }
  // The text's named references are decoded together before the walk reads them one by one.
  learnNamedReferences(source);
  const builder = new Builder(source.length);
  const hidden: string[] = [];
  const referenceAt = context.browserHtml === true ? browserReferenceAt : commonmarkReferenceAt;
  const browserHtml = context.browserHtml === true;
  const emit = (controls: string, at: number): void => builder.emit(controls, at, false);
  // A Markdown block is a `<p>` to the tree builder (CommonMark writes one; a list item's or a heading's tags place it alike).
  const markdownBlock = context.tree !== undefined && !browserHtml;
  // A block with no tag does to the tree what every such block does after the same state: that is
  // computed once per state (html-tree-direction.ts), and the walk runs with an empty tree.
  const tagFree = markdownBlock && context.rawText === undefined && source.length > 0 && !HtmlTreeDirection.isEmpty(carried) && !source.includes('<') ? HtmlTreeDirection.tagFreeBlock(carried, struck === 'removed') : undefined;
  for (const controls of tagFree?.before ?? []) emit(controls, 0);
  const tree = tagFree === undefined ? HtmlTreeDirection.resumed(carried, emit, struck === 'removed') : new HtmlTreeDirection(emit, struck === 'removed');
  if (markdownBlock && tagFree === undefined) tree.startMarkdownBlock(0);
  const columns = new TableColumns(builder, source.length);
  tree.tableLayout = columns;
  const state: InlineState = { builder, hidden, struck, closers: [-2, -2], struckFound: false, math: new Map(), tagClosers: new Map(), rawHtml: new ForwardSearch(source), referenceAt, browserHtml, tree, imageClose: -1, rubyNext: -2, deferred: [] };
  // One walk: plain characters are copied in runs, each special character starts an inline step.
  let index = context.rawText === undefined ? 0 : rawTextContent(source, 0, context.rawText, state);
  let runStart = index;
  const copyRun = (to: number): void => {
    if (to <= runStart) return;
    const from = runStart;
    tree.beforeText(from, () => BLANK_RUN.test(source.slice(from, to)));
    builder.copy(source, from, to);
    tree.afterText(to);
  };
  while (index < source.length) {
    const code = source.charCodeAt(index);
    if (code >= 0x80 || SPECIAL_CODES[code] !== 1) {
      index += 1;
      continue;
    }
    copyRun(index);
    if (code === 0x3c) index = special(source, index, state);
    else {
      tree.beforeText(index, () => false);
      const at = index;
      index = special(source, index, state);
      tree.afterText(at);
    }
    runStart = index;
  }
  copyRun(source.length);
  columns.finish();
  tree.tableLayout = undefined;
  if (markdownBlock && tagFree === undefined) tree.endMarkdownBlock(source.length);
  for (const controls of tagFree?.after ?? []) emit(controls, source.length);
  for (const paragraph of state.deferred) {
    builder.emit(PARAGRAPH_SEPARATOR, paragraph.from, false);
    if ('shown' in paragraph) builder.emit(paragraph.shown, paragraph.from, false);
    else {
      builder.emit(paragraph.isolate ?? '', paragraph.from, false);
      rawTextCopy(source, paragraph.from, paragraph.to, paragraph.name, builder);
      if (paragraph.isolate !== undefined) builder.emit(PDI, paragraph.to, false);
    }
  }
  state.struckFound ||= tree.unsure || tagFree?.unsure === true;
  const text = builder.text();
  const { pieces, pieceCount } = builder;
  return {
    text,
    hidden,
    ...(state.openRawText === undefined ? {} : { openRawText: state.openRawText }),
    struck: state.struckFound,
    ...(context.tree === undefined ? {} : { treeAfter: tagFree?.state ?? tree.state() }),
    sourceOffset(at) {
      let low = 0;
      let high = pieceCount - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if ((pieces[middle * 2] ?? 0) <= at) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return found === -1 ? at : (pieces[found * 2 + 1] ?? 0) + (at - (pieces[found * 2] ?? 0));
    },
  };
}

/**
 * A GFM table row (issue 13, round 13): each cell's inlines are parsed alone, so nothing opened in
 * one cell (a comment, a code span, a strikethrough) runs into the next; `| <!-- | All tests pass. |
 * --> |` shows its `<!--` and `-->` as text. Cells are split at each `|` not escaped by a backslash
 * (GFM splits before inline parsing, in code spans too) and joined with their `|` between them.
 * A cell that leaves a raw-text element open runs on into the rest of the row, as a browser reads
 * it: the row is then read whole, as before.
 */
export function renderedRow(source: string, struck: StruckReading = 'kept', context: TextContext = {}): RenderedText {
  const pipes: number[] = [];
  for (let index = 0; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if (code === 0x5c) index += 1;
    else if (code === 0x7c) pipes.push(index);
  }
  if (pipes.length === 0) return renderedText(source, struck, context);
  const read: { readonly cell: RenderedText; readonly from: number; readonly pipe: number }[] = [];
  let from = 0;
  for (const pipe of [...pipes, source.length]) {
    // Each cell is read alone, inside the elements open around the table (a cell inherits their
    // direction, choices 31); what a cell opens ends with it (a `</td>` closes it), so no cell's
    // state is carried into the next, nor past the row.
    const cell = renderedText(source.slice(from, pipe), struck, read.length === 0 ? context : { ...context, rawText: undefined });
    if (cell.openRawText !== undefined) return renderedText(source, struck, context);
    read.push({ cell, from, pipe });
    from = pipe + 1;
  }
  // A table inside a right-to-left direction shows its first cell rightmost: the row is read in the
  // order its cells display (table-columns.ts, choices 70).
  const columns = context.tree === undefined ? undefined : HtmlTreeDirection.carriedColumns(context.tree, struck === 'removed');
  if (columns?.rtl === true) read.reverse();
  const textStarts: number[] = [];
  const sourceStarts: number[] = [];
  const cellPipes: number[] = [];
  const cells: RenderedText[] = [];
  const parts: string[] = [];
  const hidden: string[] = [];
  let length = 0;
  let found = columns?.unsure === true;
  for (const { cell, from: cellFrom, pipe } of read) {
    textStarts.push(length);
    sourceStarts.push(cellFrom);
    cellPipes.push(pipe);
    cells.push(cell);
    parts.push(cell.text);
    hidden.push(...cell.hidden);
    found ||= cell.struck;
    length += cell.text.length + 1;
  }
  return {
    // Cells are joined by a space (a reader reads the row's cells in a row); a `|` is left for the cells' own text, where it may stand for a letter.
    text: parts.join(' '),
    hidden,
    struck: found,
    sourceOffset(at) {
      const low = pieceAt(textStarts, at);
      const inCell = at - (textStarts[low] as number);
      const cell = cells[low] as RenderedText;
      // The space after a cell stands for the source's `|`.
      return inCell >= cell.text.length ? (cellPipes[low] ?? source.length) : (sourceStarts[low] as number) + cell.sourceOffset(inCell);
    },
  };
}

/** The rendered text alone. */
export function renderedForm(source: string): string {
  return renderedText(source).text;
}

/** The rendered text and, when it has one that differs, its other reading (hidden text removed, boxes drawn apart: StruckReading). */
export function renderedForms(source: string): string[] {
  const kept = renderedText(source);
  if (!kept.struck) return [kept.text];
  const removed = renderedText(source, 'removed').text;
  return removed === kept.text ? [kept.text] : [kept.text, removed];
}

/** Only the visible-character step (visible-chars.ts): for code, which is shown as it is written. */
export function visibleForm(source: string): string {
  if (!NEEDS_VISIBLE_FORM.test(source)) return source;
  const builder = new Builder(source.length);
  builder.copy(source, 0, source.length);
  return builder.text();
}
