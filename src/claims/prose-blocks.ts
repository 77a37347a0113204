import { commentCloserEnd, htmlBlockStart, OUTSIDE_HTML, rawHtmlLine, type HtmlBlockEnd, type RawHtmlState } from '../text/raw-html.js';
import { renderedRow, renderedText, visibleForm, type RenderedText } from '../text/rendered.js';
import { documentTree, type TreeState } from '../text/html-tree-direction.js';
import { visibleFormOf } from '../text/visible-chars.js';
import { firstStrongLevel } from '../../policy/text-normalize-bidi.js';
import { Bidi, bidiClassOf } from '../../policy/text-normalize-bidi-class.js';
import { hasPipeInAWord, pipesAsSpaces, sentencesOf } from './claim-index.js';
import { pieceAt } from '../text/sorted-starts.js';

/**
 * Pass 1 of the prose scan: the dossier's Markdown source cut into what a reader reads. Lines are
 * read once; HTML comments are cut out of them (and reported: hidden text is never classified);
 * the lines of one paragraph are joined (a soft line break is a space, so "All tests\npass." is one
 * sentence) and rendered (text/rendered.ts); fenced code is read line by line, as it is shown.
 */
export interface ProseFinding {
  readonly line: number;
  readonly excerpt: string;
  readonly why: string;
}

/**
 * The packet's own text for a span of a rendered sentence (offsets in the sentence; the whole
 * sentence without them). Rules read the rendered, normalized form; a finding quotes what the
 * packet wrote (`exit ٥`, never the `exit 0` the rules read), so a reviewer finds it in the dossier.
 */
export type SourceQuote = (from?: number, to?: number) => string;

/** A dossier finding, or one rendered sentence to classify, in text order. */
export type ScanStep = { readonly finding: ProseFinding } | SentenceStep;

/**
 * `paragraphLevel` 1: the block the sentence is read in (a Markdown paragraph, list item, heading,
 * code line) starts with a right-to-left character, so GitHub's `dir="auto"` lays it out right to
 * left, and the sentence with it (UAX #9 P2–P3; issue 13, round 11).
 */
export interface SentenceStep {
  readonly line: number;
  readonly sentence: string;
  readonly inFence: boolean;
  readonly paragraphLevel: number;
  readonly quote: SourceQuote;
  /** What a reader sees of a span of the sentence (never hidden text between its words): shownOf. */
  readonly shown: SourceQuote;
}

/** A reading of a source (rendered, or shown as is) and where each of its offsets comes from. */
interface Reading {
  readonly text: string;
  sourceOffset(index: number): number;
  /** Offsets are not kept (a code line shown with characters of another length): a quote is the whole source. */
  readonly opaque?: boolean;
}

/** Quotes of one sentence that starts at `at` in a reading of `source`. */
function quoteOf(source: string, reading: Reading, at: number, length: number): SourceQuote {
  if (reading.opaque === true || at === -1) return (from = 0, to = length) => capped(source.trim(), to - from);
  // A sentence that opens its reading quotes the markup before it too (`~~Some~~ All tests pass.`).
  const startOf = (index: number): number => (index === 0 ? 0 : Math.min(source.length, reading.sourceOffset(index)));
  const endOf = (index: number): number => (index >= reading.text.length ? source.length : Math.min(source.length, reading.sourceOffset(index)));
  return (from = 0, to = length) => {
    const start = startOf(at + from);
    return capped(source.slice(start, Math.max(start, endOf(at + to))).trim(), to - from);
  };
}

/**
 * What a reader sees of a span of one sentence that starts at `at` in a reading: the reading's own
 * characters (a comment, struck text or a tag's attribute between the words is not in it), each
 * shown as the packet wrote it where the reading only changed its form (`exit ٠`, not the `exit 0`
 * the rules read; visible-chars.ts), else as rendered (`&#112;` is `p`). Issue 13, round 13: a
 * pass finding's `why` quoted the source span, hidden text included.
 */
function shownOf(source: string, reading: Reading, at: number, sentence: string): SourceQuote {
  if (reading.opaque === true || at === -1) return (from = 0, to = sentence.length) => sentence.slice(from, to);
  return (from = 0, to = sentence.length) => {
    let shown = '';
    for (let index = at + from; index < at + to && index < reading.text.length; ) {
      const rendered = String.fromCodePoint(reading.text.codePointAt(index) ?? 0);
      const written = source.codePointAt(reading.sourceOffset(index));
      const asWritten = written === undefined ? undefined : String.fromCodePoint(written);
      shown += asWritten !== undefined && (asWritten === rendered || (written !== undefined && visibleFormOf(written) === rendered)) ? asWritten : rendered;
      index += rendered.length;
    }
    return shown;
  };
}

/** A quote is at most twice what it quotes (markup around it), so a paragraph cannot be echoed per sentence. */
function capped(quote: string, quotedLength: number): string {
  const max = Math.max(2 * quotedLength, 256);
  return quote.length <= max ? quote : `${quote.slice(0, max)}…`;
}

/** A reading whose offsets are the source's when the two are the same text, else one span: the whole source. */
function readingAsShown(source: string, text: string): Reading {
  return text === source ? { text, sourceOffset: (index) => index } : { text, sourceOffset: () => 0, opaque: true };
}

/** Longer sentences are not classified (no pattern ever sees them whole): an UNPARSED_REGION. */
export const MAX_CLASSIFIED_SENTENCE = 10_000;

/** U+FFFD and the control characters (C0 but tab and line ends; DEL; C1, U+0080–U+009F, as C0: round 11). */
const UNDECODABLE = /[\uFFFD\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * A fence line (CommonMark 4.5): three or more backticks or tildes after at most three spaces. A
 * backtick fence's info string holds no backtick: "``` All tests pass. ```" is a paragraph with a
 * code span, not a fence (issue 13, round 9).
 */
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** A closing fence: the opening's character, at least as many, then only spaces or tabs. */
const FENCE_CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens (its marker run), or undefined. */
function fenceOpened(line: string): string | undefined {
  const match = FENCE_OPENING.exec(line);
  if (match === null) return undefined;
  const marker = match[1] ?? '';
  return marker.startsWith('`') && (match[2] ?? '').includes('`') ? undefined : marker;
}

function closesFence(line: string, opening: string): boolean {
  const marker = FENCE_CLOSING.exec(line)?.[1];
  return marker !== undefined && marker[0] === opening[0] && marker.length >= opening.length;
}
/**
 * GFM tables (GFM 4.10, issue 13, round 14): a table is a header row, then a delimiter row with as
 * many cells, then body rows up to a blank line or the start of another block. Leading and trailing
 * pipes are optional, an escaped `\|` splits nothing, and a table sits inside block quotes and list
 * items (their markers stripped). Each row's cells are read alone (rendered.ts renderedRow).
 */
interface TableRowLine {
  /** Block quote markers in front of it. */
  readonly depth: number;
  /** Inside a list item: its first line (a marker) or a continuation (indented). */
  readonly inItem: boolean;
  readonly marker: boolean;
  /** The line without its container prefixes. */
  readonly content: string;
}

const QUOTE_MARKER = /^ {0,3}> ?/;
const ITEM_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/** A line with its block quote and list item prefixes stripped (CommonMark 5.1, 5.2; a continuation is indented). */
function containedLine(line: string, inList: boolean): TableRowLine {
  let content = line;
  let depth = 0;
  for (let marker = QUOTE_MARKER.exec(content); marker !== null; marker = QUOTE_MARKER.exec(content)) {
    content = content.slice(marker[0].length);
    depth += 1;
  }
  const item = ITEM_MARKER.exec(content);
  if (item !== null) return { depth, inItem: true, marker: true, content: content.slice(item[0].length) };
  if (inList && INDENTED.test(content)) return { depth, inItem: true, marker: false, content: content.trimStart() };
  return { depth, inItem: false, marker: false, content };
}

/** The cells of a row: split at each `|` not escaped by a backslash, a leading and a trailing one opening and closing no cell. */
function cellCount(content: string): number {
  const row = content.trim();
  let pipes = 0;
  let trailing = false;
  for (let index = 0; index < row.length; index += 1) {
    const code = row.charCodeAt(index);
    if (code === 0x5c) index += 1;
    else if (code === 0x7c) {
      pipes += 1;
      trailing = index === row.length - 1;
    }
  }
  return pipes + 1 - (row.startsWith('|') ? 1 : 0) - (trailing && row.length > 1 ? 1 : 0);
}

/** A delimiter row: cells of `-` with optional `:` at either end; one `|` at least (`---` alone is a setext underline or a break). */
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

function isDelimiterRow(content: string): boolean {
  const row = content.trim();
  return row.includes('|') && DELIMITER_ROW.test(row);
}

/** Where a table's body rows must be: the same block quote depth, the same list item (a continuation line). */
interface OpenTable {
  readonly depth: number;
  readonly inItem: boolean;
}

/** Starts another block (GFM: the table ends there). A `|` line is a row; a block quote or list item marker is judged by containedLine. */
const STARTS_OTHER_BLOCK = /^ {0,3}(?:#{1,6}(?:\s|$)|(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$)/;

/** The content of a body row of `table`, or undefined when the line ends the table. */
function bodyRowOf(line: string, table: OpenTable, inList: boolean): string | undefined {
  const row = containedLine(line, inList);
  if (row.depth !== table.depth || row.inItem !== table.inItem || row.marker || row.content.trim() === '') return undefined;
  if (STARTS_OTHER_BLOCK.test(row.content) || fenceOpened(row.content) !== undefined || QUOTE_MARKER.test(row.content)) return undefined;
  return row.content;
}

/** A line that starts a block of its own: list item, quote, heading, table row, thematic break. */
const BLOCK_START = /^\s{0,3}(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|#{1,6}(?:\s|$)|\|)/;
/** A table row (GFM 4.10): one line of its own (ONE_LINE_BLOCK), its cells read apart. */
const TABLE_ROW = /^\s{0,3}\|/;
/** Lines that are a whole block: a heading, a table row, a setext underline. */
const ONE_LINE_BLOCK = /^\s{0,3}(?:#{1,6}(?:\s|$)|\||(?:=+|-+)\s*$)/;

interface Paragraph {
  readonly firstLine: number;
  readonly lines: string[];
  /** Lines of raw HTML (an HTML block, or what a raw-text element holds): a browser reads them, references need no `;`. */
  html?: boolean;
  /** The raw-text element the paragraph starts inside (raw-html.ts), left open before it. */
  readonly rawText?: string;
  /** A table row: each cell's inlines are read alone (rendered.ts renderedRow). */
  tableRow?: boolean;
}

const UNDECODABLE_ALL = new RegExp(UNDECODABLE.source, 'g');
/** The control characters among them (not U+FFFD, which a reader sees as a glyph). */
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Characters two windows of an over-long sentence share, so a phrase on the cut is read whole. */
const WINDOW_OVERLAP = 256;

/**
 * A run of blanks or invisible characters that a reader sees as one space (white space) or as nothing
 * (zero-width characters). Bidi controls are kept: they change the order a reader sees.
 */
const COLLAPSIBLE_RUN = /(?:(?![\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])[\s\p{Default_Ignorable_Code_Point}]){2,}/gu;
const HAS_SPACE = /\s/u;

/** An over-long sentence with its blank and invisible runs collapsed, and where each of its offsets comes from. */
function collapsedRuns(sentence: string): { text: string; sourceOffset: (index: number) => number } {
  const starts: number[] = [0];
  const sources: number[] = [0];
  let text = '';
  let last = 0;
  for (const match of sentence.matchAll(COLLAPSIBLE_RUN)) {
    text += sentence.slice(last, match.index);
    const shown = HAS_SPACE.test(match[0]) ? ' ' : '';
    starts.push(text.length);
    sources.push(match.index);
    text += shown;
    last = match.index + match[0].length;
    starts.push(text.length);
    sources.push(last);
  }
  text += sentence.slice(last);
  const sourceOffset = (index: number): number => {
    const low = pieceAt(starts, index);
    return (sources[low] as number) + (index - (starts[low] as number));
  };
  return { text, sourceOffset };
}

interface ClassifiedPart {
  readonly text: string;
  /** The sentence offset of an offset in the part. */
  sourceOffset(index: number): number;
}

/**
 * A sentence as the rules read it: whole, or an over-long one (already an UNPARSED_REGION) in
 * overlapping windows of MAX_CLASSIFIED_SENTENCE characters, so a pass assertion inside it is still
 * found (issue 13, round 7) and no pattern runs over more than one window (linear cost). The windows
 * are cut after runs of blanks and zero-width characters are collapsed, as a reader sees them: 2,000
 * of them inside "All tests pass" cannot put the phrase in no window (round 9).
 */
function classifiedParts(sentence: string): ClassifiedPart[] {
  if (sentence.length <= MAX_CLASSIFIED_SENTENCE) return [{ text: sentence, sourceOffset: (index) => index }];
  const collapsed = collapsedRuns(sentence);
  const parts: ClassifiedPart[] = [];
  for (let start = 0; start < collapsed.text.length; start += MAX_CLASSIFIED_SENTENCE - WINDOW_OVERLAP) {
    parts.push({ text: collapsed.text.slice(start, start + MAX_CLASSIFIED_SENTENCE), sourceOffset: (index) => collapsed.sourceOffset(start + index) });
    if (start + MAX_CLASSIFIED_SENTENCE >= collapsed.text.length) break;
  }
  return parts;
}

function excerptOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}

/** The paragraph's sentences and findings; returns the raw-text element it leaves open (its content runs on), if any. */
function sentenceSteps(paragraph: Paragraph, steps: ScanStep[], carried: { tree: TreeState }): string | undefined {
  const source = paragraph.lines.join('\n');
  // The elements the blocks before left open (a `<div dir="rtl">`, a `<b dir="rtl">`) hold this one (html-tree-direction.ts).
  const context = { browserHtml: paragraph.html === true, tree: carried.tree, ...(paragraph.rawText === undefined ? {} : { rawText: paragraph.rawText }) };
  const render = paragraph.tableRow === true ? renderedRow : renderedText;
  const rendered = render(source, 'kept', context);
  carried.tree = rendered.treeAfter ?? carried.tree;
  // The paragraph's own comments (closed in it, CommonMark's inline raw HTML): hidden text, reported.
  if (rendered.hidden.length > 0) steps.push({ finding: { line: paragraph.firstLine, excerpt: excerptOf(source), why: HIDDEN_TEXT } });
  if (UNDECODABLE.test(rendered.text)) {
    steps.push({ finding: { line: paragraph.firstLine, excerpt: excerptOf(source), why: 'undecodable or control characters (or an HTML entity the inspector does not decode)' } });
    // The visible text around the bad characters is still read (issue 13, round 7): one bad
    // character must not hide a pass assertion; the paragraph stays an UNPARSED_REGION as well.
    const said = undecodableReadingSteps(source, rendered, paragraph.firstLine, steps);
    // Failing closed keeps every flag the text could carry (round 16): the other reading (the
    // struck text removed, a direction tki cannot tell read right to left) is read here too.
    if (rendered.struck) undecodableReadingSteps(source, render(source, 'removed', context), paragraph.firstLine, steps, said);
    return rendered.openRawText;
  }
  const said = readingSteps(source, rendered, paragraph.firstLine, steps);
  // GFM strikethrough's other reading (text/rendered.ts): the struck text removed. Its sentences
  // that the first reading does not have are judged too.
  if (!rendered.struck) return rendered.openRawText;
  const removed = render(source, 'removed', context);
  if (removed.text !== rendered.text && !UNDECODABLE.test(removed.text)) readingSteps(source, removed, paragraph.firstLine, steps, said);
  return rendered.openRawText;
}

/**
 * The visible text around a paragraph's bad characters, still read (issue 13, round 7): one bad
 * character must not hide a pass assertion; the paragraph stays an UNPARSED_REGION as well. A
 * control inside a word (`pa\u0080ss`) shows as nothing there: the text is read once more with the
 * controls as zero-width spaces (removed for matching, offsets 1:1), and the sentences that reading
 * adds are judged too, so a control neither splits nor hides a word (round 12).
 */
function undecodableReadingSteps(source: string, rendered: RenderedText, line: number, steps: ScanStep[], saidBefore: ReadonlySet<string> = new Set()): Set<string> {
  const visible = rendered.text.replace(UNDECODABLE_ALL, ' ');
  const said = new Set([...saidBefore, ...readingSteps(source, { text: visible, sourceOffset: (index) => rendered.sourceOffset(index) }, line, steps, saidBefore)]);
  const joined = rendered.text.replace(CONTROL_ALL, '\u200B').replace(UNDECODABLE_ALL, ' ');
  if (joined !== visible) readingSteps(source, { text: joined, sourceOffset: (index) => rendered.sourceOffset(index) }, line, steps, said);
  return said;
}

function pushSentence(steps: ScanStep[], line: number, sentence: string, quote: SourceQuote, shown: SourceQuote, inFence: boolean, paragraphLevel: number): void {
  if (sentence.length > MAX_CLASSIFIED_SENTENCE) steps.push({ finding: { line, excerpt: `${quote(0, 200)}…`, why: `a sentence longer than ${MAX_CLASSIFIED_SENTENCE} characters is not classified` } });
  const parts = classifiedParts(sentence);
  for (const part of parts) {
    const whole = parts.length === 1 && part.text === sentence;
    const inPart = (spanOf: SourceQuote): SourceQuote => (whole ? spanOf : (from = 0, to = part.text.length) => spanOf(part.sourceOffset(from), part.sourceOffset(to)));
    steps.push({ line, sentence: part.text, inFence, paragraphLevel, quote: inPart(quote), shown: inPart(shown) });
  }
}

/**
 * The direction a sentence starts in (issue 13, round 13): the innermost isolate, embedding or
 * override open where it starts (HTML's `dir` and `bdo` written as controls by rendered.ts, or the
 * packet's own), else its paragraph's. A later sentence of a `<div dir="rtl">` has no RLI of its
 * own, and is laid out right to left all the same. An FSI (`dir="auto"`) takes the direction of the
 * next strong character after it (one backward pass, made when the first FSI is met: nested
 * isolates are not skipped, an approximation of P2 that keeps the walk linear). One forward walk
 * over the reading: sentences are asked for in text order.
 */
class OpenDirections {
  private readonly open: number[] = [];
  private walked = 0;
  /** Per offset, the direction of the next strong character from it (0 when none): built for the first FSI. */
  private nextStrong: Uint8Array | undefined;

  constructor(
    private readonly text: string,
    readonly paragraphLevel: number,
  ) {}

  levelAt(position: number): number {
    // Closing controls that lead the sentence (an element's end right before its first word) end before it starts.
    let start = position;
    while (start < this.text.length && (this.text.charCodeAt(start) === 0x2069 || this.text.charCodeAt(start) === 0x202c)) start += 1;
    for (; this.walked < start && this.walked < this.text.length; this.walked += 1) {
      const code = this.text.charCodeAt(this.walked);
      if (code === 0x2067 || code === 0x202b || code === 0x202e) this.open.push(1);
      else if (code === 0x2066 || code === 0x202a || code === 0x202d) this.open.push(0);
      else if (code === 0x2068) this.open.push(this.strongAfter(this.walked + 1));
      else if (code === 0x2069 || code === 0x202c) this.open.pop();
    }
    return this.open.length === 0 ? this.paragraphLevel : (this.open[this.open.length - 1] as number);
  }

  private strongAfter(from: number): number {
    if (this.nextStrong === undefined) {
      const next = new Uint8Array(this.text.length + 1);
      for (let index = this.text.length - 1; index >= 0; index -= 1) {
        const type = bidiClassOf(this.text.codePointAt(index) ?? 0);
        next[index] = type === Bidi.L ? 0 : type === Bidi.R || type === Bidi.AL ? 1 : (next[index + 1] as number);
      }
      this.nextStrong = next;
    }
    return this.nextStrong[from] ?? 0;
  }
}

/**
 * The sentences of one reading, each at its line and with its quote of the source; returns them
 * (for the other reading's comparison). Sentences in `skip` (the first reading's) are not pushed again.
 */
function readingSteps(source: string, reading: Reading, firstLine: number, steps: ScanStep[], skip?: ReadonlySet<string>, inFence = false): Set<string> {
  const said = new Set<string>();
  const directions = new OpenDirections(reading.text, firstStrongLevel(reading.text, 0, true));
  readingPass(source, reading, firstLine, steps, { said, directions, inFence, pipesInWords: false, ...(skip === undefined ? {} : { skip }) });
  // A `|` between two letters may be one (`EX|ST`) or a border (`pass|fail`): its sentences are read the second way too, as struck text is.
  if (hasPipeInAWord(reading.text)) readingPass(source, reading, firstLine, steps, { said, directions, inFence, pipesInWords: true, skip: new Set([...(skip ?? []), ...said]) });
  return said;
}

interface SentencePass {
  readonly said: Set<string>;
  readonly directions: OpenDirections;
  readonly inFence: boolean;
  readonly pipesInWords: boolean;
  readonly skip?: ReadonlySet<string>;
}

function readingPass(source: string, reading: Reading, firstLine: number, steps: ScanStep[], pass: SentencePass): void {
  const { said, directions, inFence, pipesInWords, skip } = pass;
  // sentencesOf reads a `|` as a space: sentences are searched for in the text read the same way.
  const searchable = pipesAsSpaces(reading.text, pipesInWords);
  // Line numbers advance with the sentences: each newline of the source is counted once, and the next
  // newline is looked up only when a sentence has passed it. Looked up per sentence, a paragraph of
  // one line cost a scan to its end per sentence: quadratic in the sentence count (issue 13, round 11).
  let cursor = 0;
  let line = firstLine;
  let nextNewline = source.indexOf('\n');
  for (const sentence of sentencesOf(reading.text, pipesInWords)) {
    said.add(sentence);
    const start = sentence.slice(0, 16);
    // Sentences are substrings of the reading in order: each is searched for after the one before it.
    const at = start === '' ? -1 : searchable.indexOf(start, cursor);
    if (at !== -1) cursor = at + sentence.length;
    const upTo = reading.sourceOffset(at === -1 ? cursor : at);
    while (nextNewline !== -1 && nextNewline < upTo) {
      line += 1;
      nextNewline = source.indexOf('\n', nextNewline + 1);
    }
    if (skip?.has(sentence) === true) continue;
    // Not found (a reading that moved its words): the quote is the whole source the sentence comes from.
    const level = at === -1 ? directions.paragraphLevel : directions.levelAt(at);
    pushSentence(steps, line, sentence, quoteOf(source, reading, at, sentence.length), shownOf(source, reading, at, sentence), inFence, level);
  }
}

/** A line indented by four columns or more, not blank (a tab counts to the next multiple of four). */
const INDENTED_CODE = /^(?: {4}| {0,3}\t)\s*\S/;
const INDENTED = /^\s/;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/** One line of a code block, shown as it is written: no inline rendering, the visible characters only. */
function codeLineSteps(rawLine: string, line: number, steps: ScanStep[]): void {
  if (rawLine.length > MAX_CLASSIFIED_SENTENCE || UNDECODABLE.test(rawLine)) steps.push({ finding: { line, excerpt: excerptOf(rawLine), why: 'a code line that cannot be classified (too long, undecodable or control characters)' } });
  else readingSteps(rawLine, readingAsShown(rawLine, visibleForm(rawLine)), line, steps, undefined, true);
}

/** A paragraph's line (or a `|` line) that a delimiter row on the next line would make a table's header row. */
interface HeaderCandidate {
  readonly text: string;
  readonly inList: boolean;
  readonly line: number;
  /** Still a line of the open paragraph (a `|` line was read as a row already). */
  readonly inParagraph: boolean;
}

/**
 * The header row `line` makes of the line before it, when `line` is a delimiter row with as many
 * cells in the same container. Most lines hold no `-` and `|`: they are answered by two scans.
 */
function headerOpenedBy(line: string, previous: HeaderCandidate, inList: boolean): TableRowLine | undefined {
  if (!line.includes('|') || !line.includes('-')) return undefined;
  const delimiter = containedLine(line, inList);
  if (delimiter.marker || !isDelimiterRow(delimiter.content)) return undefined;
  const header = containedLine(previous.text, previous.inList);
  if (delimiter.depth !== header.depth || delimiter.inItem !== header.inItem) return undefined;
  return cellCount(delimiter.content) === cellCount(header.content) ? header : undefined;
}

/** A link reference definition (CommonMark 4.7): not shown, and no raw HTML (its title's `<!--` opens nothing). */
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.){1,999}\]:/;

const HIDDEN_TEXT = 'hidden text (an HTML comment) cannot be classified';

export function scanSteps(text: string): ScanStep[] {
  const steps: ScanStep[] = [];
  /** The open fence's marker run (undefined: not in a fence). */
  let fence: string | undefined;
  /** The browser's state in raw HTML (an open comment, a textarea's text), and the HTML block a line is in. */
  let browser: RawHtmlState = OUTSIDE_HTML;
  let htmlBlock: HtmlBlockEnd | undefined;
  let inList = false;
  let paragraph: Paragraph | undefined;
  /** The GFM table whose body rows are being read, and the line before this one when it may be a table's header row. */
  let table: OpenTable | undefined;
  let headerCandidate: HeaderCandidate | undefined;
  const carried = { tree: documentTree(text) };
  const flush = (): void => {
    const open = paragraph === undefined ? undefined : sentenceSteps(paragraph, steps, carried);
    // A raw-text element a paragraph's inline HTML left open holds what follows, as a browser reads
    // it (`a <plaintext>`, an unclosed `<textarea>`): a later `<!--` is text there. Raw HTML's lines
    // carry their own state (rawHtmlLine), which reads the same table.
    if (open !== undefined && paragraph?.html !== true && !browser.inComment) browser = { inComment: false, rawText: open };
    paragraph = undefined;
  };
  let line = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const rawLine = text.slice(lineStart, text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd);
    lineStart = lineEnd + 1;
    line += 1;
    const previous = headerCandidate;
    headerCandidate = undefined;
    if (fence !== undefined) {
      if (closesFence(rawLine, fence)) fence = undefined;
      else codeLineSteps(rawLine, line, steps);
      continue;
    }
    // An indented code block (CommonMark 4.4): it cannot interrupt a paragraph, and inside a list an
    // indented line continues the item. Shown as written, so a `<!--` in it opens no comment (round 11).
    if (!browser.inComment && htmlBlock === undefined && paragraph === undefined && !inList && INDENTED_CODE.test(rawLine)) {
      table = undefined;
      codeLineSteps(rawLine, line, steps);
      continue;
    }
    // Raw HTML (an HTML block's lines, CommonMark 4.6) is read as a browser reads it: its comments are
    // cut out, and one left open hides what follows until a `-->` or `--!>`, even past the block. A
    // paragraph's own comments are its inline text's (rendered.ts): closed in the paragraph or literal.
    let visible = rawLine;
    if (htmlBlock === undefined && !browser.inComment && browser.rawText === undefined) {
      htmlBlock = htmlBlockStart(rawLine, paragraph !== undefined);
      // An HTML block interrupts a paragraph: its text is never joined to the paragraph's.
      if (htmlBlock !== undefined) flush();
    }
    const raw = htmlBlock !== undefined || browser.rawText !== undefined;
    /** The raw-text element this line starts inside (a paragraph that starts here starts inside it). */
    const rawTextBefore = browser.rawText;
    if (raw) {
      const cut = rawHtmlLine(rawLine, browser);
      browser = cut.state;
      visible = cut.visible;
      if (cut.hidden) steps.push({ finding: { line, excerpt: excerptOf(rawLine), why: HIDDEN_TEXT } });
    } else if (browser.inComment) {
      // A comment that raw HTML left open hides paragraph lines too, up to a closer.
      steps.push({ finding: { line, excerpt: excerptOf(rawLine), why: HIDDEN_TEXT } });
      const end = commentCloserEnd(rawLine, 0);
      browser = end === -1 ? browser : OUTSIDE_HTML;
      visible = end === -1 ? '' : rawLine.slice(end);
    }
    // Types 1–5 end on the line holding their end condition, types 6 and 7 at a blank line (4.6).
    const htmlBlockEnds = htmlBlock !== undefined && (htmlBlock === 'blank' ? rawLine.trim() === '' : htmlBlock.test(rawLine));
    if (htmlBlockEnds) htmlBlock = undefined;
    // A tag or bogus comment the block left open is not carried into Markdown that follows: that text is read.
    if (htmlBlockEnds && browser.inMarkup !== undefined) browser = OUTSIDE_HTML;
    if (raw) {
      table = undefined;
      if (visible.trim() === '') flush();
      else {
        paragraph ??= { firstLine: line, lines: [], ...(rawTextBefore === undefined ? {} : { rawText: rawTextBefore }) };
        paragraph.html = true;
        paragraph.lines.push(visible);
      }
      if (htmlBlockEnds) flush();
      continue;
    }
    if (table !== undefined) {
      const row = bodyRowOf(visible, table, inList);
      if (row !== undefined) {
        paragraph = { firstLine: line, lines: [row], tableRow: true };
        flush();
        continue;
      }
      table = undefined;
    }
    const header = previous === undefined ? undefined : headerOpenedBy(visible, previous, inList);
    if (previous !== undefined && header !== undefined) {
      // The line before is the header row: out of its paragraph (the lines before it stay one), read as a row.
      if (previous.inParagraph && paragraph !== undefined && paragraph.html !== true) {
        paragraph.lines.pop();
        if (paragraph.lines.length === 0) paragraph = undefined;
        flush();
        paragraph = { firstLine: previous.line, lines: [header.content], tableRow: true };
        flush();
      }
      table = { depth: header.depth, inItem: header.inItem };
      continue;
    }
    if (paragraph === undefined && REFERENCE_DEFINITION.test(visible)) {
      // Its own paragraph: read as text (a title is shown as a tooltip), and no comment spans out of it.
      paragraph = { firstLine: line, lines: [visible] };
      flush();
      continue;
    }
    const opened = fenceOpened(visible);
    if (opened !== undefined) {
      flush();
      fence = opened;
      continue;
    }
    if (visible.trim() === '') {
      flush();
      continue;
    }
    if (BLOCK_START.test(visible) || ONE_LINE_BLOCK.test(visible)) flush();
    if (paragraph === undefined) {
      paragraph = { firstLine: line, lines: [] };
      // A block at the margin ends any list; a list item starts one.
      if (LIST_ITEM.test(visible)) inList = true;
      else if (!INDENTED.test(visible)) inList = false;
    }
    paragraph.lines.push(visible);
    if (TABLE_ROW.test(visible) && paragraph.lines.length === 1) paragraph.tableRow = true;
    const oneLine = ONE_LINE_BLOCK.test(visible);
    // A paragraph's last line, or a `|` line (already read as a row), may be the header of a table.
    if (!oneLine || paragraph.tableRow === true) headerCandidate = { text: visible, inList, line, inParagraph: !oneLine };
    if (oneLine) flush();
  }
  flush();
  // A comment's finding is pushed when its line is read, a paragraph's sentences when it ends: text order again.
  const lineOf = (step: ScanStep): number => ('finding' in step ? step.finding.line : step.line);
  return steps.every((step, index) => index === 0 || lineOf(steps[index - 1] as ScanStep) <= lineOf(step)) ? steps : steps.sort((a, b) => lineOf(a) - lineOf(b));
}
