import { allHits, type TextRulePattern } from '../../policy/text-normalize-pattern.js';
import { toMatchingText } from '../../policy/text-normalize.js';

/**
 * Packet strings are hostile input. Before one reaches a sink it is escaped for that sink:
 *
 * - Terminal (escapeControlChars): every character that is invisible or acts on the display is
 *   shown as a visible `\u{…}` escape: controls (C0, DEL, C1), format characters (bidi marks and
 *   embeddings, U+061C, zero-width space/joiners, U+FEFF, interlinear annotations U+FFF9–FFFB, tag
 *   characters U+E0000–E007F, soft hyphen, …), other default-ignorable code points (variation
 *   selectors, Hangul fillers, U+034F), line and paragraph separators, and lone surrogates. A packet
 *   can neither move the cursor nor reorder, hide or smuggle what a reviewer reads.
 * - Markdown inline text (escapeMarkdown): the same escapes, then a backslash before every ASCII
 *   punctuation character that CommonMark could read as syntax (including `&` for entities), and
 *   before what GitHub's autolink extension would read as the start of a link.
 * - Markdown code spans (markdownCode): backslash escapes do not work inside a code span, so the
 *   span's fence is one backtick longer than the longest run of backticks in the value, with a
 *   space of padding where CommonMark would otherwise strip or merge one.
 */
const UNSAFE_CHARS = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE_CHARS, codePointEscape);
}

/** One character as the `\u{…}` escape tki shows: a reader decodes it, no grep or rule finds it. */
export function codePointEscape(char: string): string {
  return `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`;
}

/** tki's escape notation, as a reader decodes it. */
const CODE_POINT_ESCAPE = /\\u\{([0-9a-fA-F]{1,6})\}/g;
/** A backslash of the value's own that a reader could take for the start of tki's notation. */
const OWN_NOTATION = /\\(?=[uU])/g;
const HAS_OWN_NOTATION = /\\[uU]/;

/**
 * Packet text put into tki's notation (choices 33, 82): its own backslashes before `u` shown as
 * `\u{5c}`, so every `\u{…}` left in it, and every one a sink adds later for a control character, is
 * tki's, and decoding the escapes once gives exactly the packet's text. Applied once per value, where
 * the packet's text enters a report: to a quote by the wording lint (report.json and from there
 * report.md), to other free packet text by report.md's own sink. Never to text already in notation.
 */
export function ownNotationEscaped<T extends string | null | undefined>(text: T): T {
  return typeof text === 'string' && HAS_OWN_NOTATION.test(text) ? (text.replace(OWN_NOTATION, codePointEscape) as T) : text;
}

/** Whether `ownNotationEscaped` changes the text. */
export function hasOwnNotation(text: string): boolean {
  return HAS_OWN_NOTATION.test(text);
}

/** The text with tki's `\u{…}` escapes decoded, as the report tells its reader to (a value out of range stays as written). */
export function decodedCodePointEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(CODE_POINT_ESCAPE, (all, hex: string) => {
    const value = Number.parseInt(hex, 16);
    return value > 0x10ffff ? all : String.fromCodePoint(value);
  });
}

/**
 * The text with every character of what the rules hit (on its matching form, in any order a reader
 * may see it) shown as its `\u{…}` escape: the words are still there for a reader who decodes them,
 * and no rule or grep reads them (a verdict-like word on a terminal line, global-absence wording in
 * a quote of the packet: docs/choices.md 33). `ownNotation`: the text is the packet's own, so a
 * backslash of it before `u` is shown as `\u{5c}` too: decoding the escapes once then gives back
 * exactly what the packet wrote, and a packet that writes the notation itself (`\u{64}`) neither
 * reads as tki's escape nor decodes to what it never wrote (round 15).
 */
export function withHitsEscaped(text: string, rules: readonly TextRulePattern[], ownNotation = false): { text: string; changed: boolean } {
  const hits = allHits(toMatchingText(text), rules);
  if (hits.length === 0 && !(ownNotation && HAS_OWN_NOTATION.test(text))) return { text, changed: false };
  const own = (part: string): string => (ownNotation ? ownNotationEscaped(part) : part);
  let result = '';
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start < cursor) continue;
    result += own(text.slice(cursor, hit.start)) + Array.from(text.slice(hit.start, hit.end), codePointEscape).join('');
    cursor = hit.end;
  }
  return { text: result + own(text.slice(cursor)), changed: true };
}

/** ASCII punctuation with a meaning somewhere in CommonMark inline syntax or a table row. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>()#+!|~&]/g;

/**
 * GitHub-flavoured Markdown turns bare `https://…`, `www.…` and `name@host.tld` into links (the
 * autolink extension, which reads one text node at a time). A backslash before the `:` of `://`, the
 * `.` after `www` and every `@` splits the text node and shows the same characters: a packet string
 * such as `https://evil.example/login` reads as it is, never as a link.
 */
const GFM_AUTOLINK_TRIGGER = /:(?=\/)|(?<=\bwww)\.|@/gi;

/** Escape for a Markdown table cell or inline text: invisible characters first, then Markdown syntax. */
export function escapeMarkdown(text: string): string {
  return escapeControlChars(text)
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(GFM_AUTOLINK_TRIGGER, (char) => `\\${char}`);
}

/** A CommonMark code span that shows `text` exactly (after the terminal escapes), whatever backticks it holds. */
export function markdownCode(text: string): string {
  const visible = escapeControlChars(text);
  if (visible === '') return '—';
  let longest = 0;
  for (const run of visible.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const edgeBacktick = visible.startsWith('`') || visible.endsWith('`');
  const strippable = visible.startsWith(' ') && visible.endsWith(' ') && visible.trim() !== '';
  const pad = edgeBacktick || strippable ? ' ' : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}

/**
 * A packet-supplied value in report.md or a checkpoint (issue 13, sinks): the one way such a value
 * is shown there, shortened to `maxLength`, control and format characters as escapes, a missing
 * value as an em dash. Inline (a list item, the verdict block) it is a code span, so it is visibly
 * quoted and never reads as tki's own words (a `revision` of "1 · tki verdict: READ_LEVEL_ACCEPTABLE"
 * stays inside its quotes). In a table cell the cell's borders quote it, and it is escaped text: a
 * `|` inside a code span would still end a GFM cell, and the `\|` that GFM reads inside a span shows
 * its backslash to a CommonMark reader, where `\|` in text reads `|` to both.
 */
export function markdownValue(text: string | null | undefined, maxLength: number, place: 'inline' | 'table-cell' = 'inline'): string {
  if (text === null || text === undefined || text === '') return '—';
  const shortened = truncate(text, maxLength);
  return place === 'table-cell' ? escapeMarkdown(shortened) : markdownCode(shortened);
}

/** One `\u{…}` escape at the start of a text (sticky: run at an index). */
const ESCAPE_AT = /\\u\{[0-9a-fA-F]{1,6}\}/y;

/**
 * Shorten long input for one-line displays; the full value stays in report.json. Never splits a
 * surrogate pair, nor a `\u{…}` escape (round 15: a cell cut inside one decodes to what the packet
 * never wrote), and an escape counts as the one character it shows, so escaped wording does not
 * leave a seventh of the value shown.
 */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const shown = Math.max(0, maxLength - 1);
  let end = 0;
  for (let count = 0; count < shown && end < text.length; count += 1) {
    ESCAPE_AT.lastIndex = end;
    end = text.charCodeAt(end) === 0x5c && ESCAPE_AT.test(text) ? ESCAPE_AT.lastIndex : end + 1;
  }
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}
