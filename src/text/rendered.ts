import { decodeEntity } from './entities.js';
import { NEEDS_VISIBLE_FORM, visibleFormOf } from './visible-chars.js';

/**
 * The rendered text view (issue 13): what a reader of a Markdown text sees, which is what every
 * prose rule judges (pass assertions, claim cues, authority wording, claim coverage). One
 * implementation, in front of the one normalization (policy/text-normalize.ts):
 *   - a paragraph's soft line breaks (LF or CRLF) are spaces: the lines read as one sentence;
 *   - emphasis markers (`*`, `~`, `_` outside a word) are removed: `p**as**s` reads `pass`;
 *   - GFM strikethrough (`~~a~~`, `~a~`) has two readings, both judged: the struck text kept (a
 *     viewer without GFM, or a reader who reads what is crossed out) and removed (what GitHub's
 *     reader takes as said: `All tests ~~fail~~ pass.` reads "All tests pass."); the second is
 *     asked for by `struck: 'removed'`, and only a text with a `~` has it (hasStrikethrough);
 *   - code spans show their content: `` `pass` `` reads `pass`;
 *   - inline HTML tags and comments are removed (the comments are reported: hidden text);
 *   - entities are decoded (`&#112;`, `&#x70;`, `&nbsp;`); a named entity outside the decoded
 *     table becomes U+FFFD, which the prose scan reports as undecodable (fail closed);
 *   - backslash escapes show the character; link and image syntax shows the text;
 *   - visible-chars.ts: blanks, sharp s, small capitals and other scripts' digits.
 * Linear in the text: one pass, and a map of pieces (not one entry per character) back to offsets.
 */
export interface RenderedText {
  readonly text: string;
  /** HTML comments removed from the text (hidden from a reader, never classified). */
  readonly hidden: string[];
  /** The source offset of the character at `index` of `text`. */
  sourceOffset(index: number): number;
}

class Builder {
  readonly parts: string[] = [];
  length = 0;
  /** Piece starts: output offset and source offset; between two starts the output copies the source 1:1. */
  readonly outStarts: number[] = [];
  readonly sourceStarts: number[] = [];
  private nextSource = -1;

  emit(text: string, source: number, copy: boolean): void {
    if (text === '') return;
    if (!copy || source !== this.nextSource) {
      this.outStarts.push(this.length);
      this.sourceStarts.push(source);
    }
    this.parts.push(text);
    this.length += text.length;
    this.nextSource = copy ? source + text.length : -1;
  }

  /** Copy source[from, to) as a reader sees it, code point by code point only where visible-chars maps one. */
  copy(source: string, from: number, to: number): void {
    const slice = source.slice(from, to);
    if (!NEEDS_VISIBLE_FORM.test(slice)) {
      this.emit(slice, from, true);
      return;
    }
    // A code point shown as text of its own length (`٣` → `3`, U+2800 → ` `) keeps the offsets 1:1,
    // so it joins the run around it: one piece per run, not one per character (issue 13: a line
    // of 400,000 Arabic-Indic digits made 800,000 pieces and cost ≈ 1.2 CPU-s, 100× reading it).
    // Kept text between mapped code points is copied as slices of the source.
    let run: string[] = [];
    let runStart = from;
    let keptFrom = from;
    for (let offset = from; offset < to; ) {
      const code = source.charCodeAt(offset);
      if (code < 0x80) {
        offset += 1;
        continue;
      }
      const codePoint = source.codePointAt(offset) ?? code;
      const width = codePoint > 0xffff ? 2 : 1;
      const mapped = visibleFormOf(codePoint);
      if (mapped !== undefined) {
        if (keptFrom < offset) run.push(source.slice(keptFrom, offset));
        if (mapped.length === width) run.push(mapped);
        else {
          this.emit(run.join(''), runStart, true);
          run = [];
          this.emit(mapped, offset, false);
          runStart = offset + width;
        }
        keptFrom = offset + width;
      }
      offset += width;
    }
    if (keptFrom < to) run.push(source.slice(keptFrom, to));
    this.emit(run.join(''), runStart, true);
  }
}

const SPECIAL = /[\\`<&*_~[\]!]/g;
const TAG = /^<\/?[A-Za-z][A-Za-z0-9-]{0,63}(?:\s[^<>]{0,4096})?\/?>/;
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,4096}|[^\s<>@]{1,256}@[^\s<>]{1,256})>/;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const LINK_TARGET = /^\]\([^()\s]{0,4096}(?:\s+(?:"[^"]{0,1024}"|'[^']{0,1024}'))?\s*\)/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The index just past a run of `char` starting at `from`. */
function runEnd(source: string, from: number, char: string): number {
  let end = from;
  while (source[end] === char) end += 1;
  return end;
}

function codeSpan(source: string, start: number, builder: Builder): number {
  const open = runEnd(source, start, '`');
  const fence = source.slice(start, open);
  let close = source.indexOf(fence, open);
  while (close !== -1 && source[close + fence.length] === '`') close = source.indexOf(fence, runEnd(source, close, '`'));
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
}

const isSpace = (char: string | undefined): boolean => char === undefined || /\s/.test(char);

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
  if (state.struck === 'kept' || (length !== 1 && length !== 2) || isSpace(source[end])) return end;
  const close = nextCloser(source, end, length, state);
  return close === -1 ? end : close + length;
}

/** One inline step at a special character; returns the index after what it consumed. */
function special(source: string, index: number, state: InlineState): number {
  const { builder, hidden } = state;
  const char = source[index] ?? '';
  const rest = (): string => source.slice(index, index + 8192);
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
      if (source.startsWith('<!--', index)) {
        const end = source.indexOf('-->', index + 4);
        const stop = end === -1 ? source.length : end + 3;
        hidden.push(source.slice(index, stop));
        return stop;
      }
      const link = AUTOLINK.exec(rest());
      if (link !== null) {
        builder.copy(source, index + 1, index + 1 + (link[1]?.length ?? 0));
        return index + link[0].length;
      }
      const tag = TAG.exec(rest());
      if (tag !== null) {
        if (/^<br\b/i.test(tag[0])) builder.emit(' ', index, false);
        return index + tag[0].length;
      }
      builder.emit('<', index, true);
      return index + 1;
    }
    case '&': {
      const entity = ENTITY.exec(source.slice(index, index + 40));
      if (entity === null) {
        builder.emit('&', index, true);
        return index + 1;
      }
      const decoded = decodeEntity(entity[0]);
      const visible = [...decoded].map((part) => visibleFormOf(part.codePointAt(0) ?? 0) ?? part).join('');
      builder.emit(visible, index, false);
      return index + entity[0].length;
    }
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
    case '!':
      if (source[index + 1] === '[') return index + 1;
      builder.emit('!', index, true);
      return index + 1;
    case '[':
      return index + 1;
    case ']': {
      const target = LINK_TARGET.exec(rest());
      return index + (target === null ? 1 : target[0].length);
    }
    default:
      builder.emit(char, index, true);
      return index + 1;
  }
}

/** Whether a text has a strikethrough reading of its own (a `~` it could open with). */
export function hasStrikethrough(source: string): boolean {
  return source.includes('~');
}

/** The rendered view of Markdown inline text (one paragraph, or any text such as a claim or a record). */
export function renderedText(source: string, struck: StruckReading = 'kept'): RenderedText {
  const builder = new Builder();
  const hidden: string[] = [];
  const state: InlineState = { builder, hidden, struck, closers: [-2, -2] };
  let index = 0;
  SPECIAL.lastIndex = 0;
  while (index < source.length) {
    SPECIAL.lastIndex = index;
    const found = SPECIAL.exec(source);
    const stop = found === null ? source.length : found.index;
    if (stop > index) builder.copy(source, index, stop);
    if (found === null) break;
    index = special(source, stop, state);
  }
  // A soft line break (LF, or the CR and LF of CRLF) reads as a space: one for one, so no offset moves.
  const text = builder.parts.join('').replace(/[\r\n]/g, ' ');
  const { outStarts, sourceStarts } = builder;
  return {
    text,
    hidden,
    sourceOffset(at) {
      let low = 0;
      let high = outStarts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if ((outStarts[middle] ?? 0) <= at) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return found === -1 ? at : (sourceStarts[found] ?? 0) + (at - (outStarts[found] ?? 0));
    },
  };
}

/** The rendered text alone. */
export function renderedForm(source: string): string {
  return renderedText(source).text;
}

/** Only the visible-character step (visible-chars.ts): for code, which is shown as it is written. */
export function visibleForm(source: string): string {
  if (!NEEDS_VISIBLE_FORM.test(source)) return source;
  const builder = new Builder();
  builder.copy(source, 0, source.length);
  return builder.parts.join('');
}
