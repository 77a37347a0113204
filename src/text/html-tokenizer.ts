/**
 * The few states of the WHATWG HTML tokenizer that decide where a comment or a raw text begins and
 * ends in HTML a browser reads (an HTML block's lines, which CommonMark passes through as written;
 * issue 13, round 13). At a `<` in the data state: `<!--` opens a comment; `<!` and `<?` open a bogus
 * comment that ends at the first `>`; `</` and a letter, or `<` and a letter, open a tag, read through
 * its name and attributes (quoted or not) to its `>`, so a `<!--` inside a tag name, an attribute
 * name or value, or an end tag opens nothing; `</>` is nothing; `</` and anything else is a bogus
 * comment; any other `<` is text. And script data's escaped states: a `<!--` in a script makes a
 * `<script` in it double-escape, and the `</script>` that follows ends nothing.
 * Linear: every scan moves forward, and what a scan passes over is consumed by its caller.
 */

import { decodedAttributeValue } from './entities.js';

/** A tag as the tokenizer reads it: lower-case name, attributes (the first of a name wins; values with their references decoded). */
export interface BrowserTag {
  readonly name: string;
  readonly endTag: boolean;
  readonly attributes: ReadonlyMap<string, string>;
  /** Written `<x/>`: in foreign content (svg, math) the element is closed at once. */
  readonly selfClosing?: boolean;
}

/** Where a line ended inside markup, so the next line goes on in it: a tag (or one of its quoted values), or a bogus comment. */
export type MarkupContinuation = { readonly kind: 'tag'; readonly quote?: '"' | "'" } | { readonly kind: 'bogus' } | { readonly kind: 'cdata' };

export interface BrowserMarkup {
  /**
   * comment (hidden), bogus (a comment the tokenizer makes of `<?…>`, `<!…>`, `</ …>`), cdata (a
   * CDATA section, in foreign content only: text up to `]]>`), tag, nothing (`</>`), or a `<` that is text.
   */
  readonly kind: 'comment' | 'bogus' | 'cdata' | 'tag' | 'nothing' | 'text';
  /** Just past the markup; the end of the text when it is not closed in it. */
  readonly end: number;
  /** Set when the text ended inside the markup. */
  readonly continuation?: MarkupContinuation;
  readonly tag?: BrowserTag;
}

const isTagSpace = (code: number): boolean => code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x20;
const isAsciiLetter = (code: number): boolean => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/** Where the comment at `start` ends for a browser (`<!-->`, `<!--->`, else after the first `-->` or `--!>`), or -1: not in `source`. */
type CommentEnd = (source: string, start: number) => number;

/**
 * What the tokenizer's data state reads at the `<` at `index`. `foreign`: the adjusted current node
 * is an svg or math element (html-tree-direction.ts), where `<![CDATA[` opens a CDATA section that
 * runs to `]]>` (13.2.5.42); elsewhere it is a bogus comment to the first `>`.
 */
export function browserMarkupAt(source: string, index: number, commentEnd: CommentEnd, foreign = false): BrowserMarkup {
  const next = source.charCodeAt(index + 1);
  if (source.startsWith('<!--', index)) {
    const end = commentEnd(source, index);
    return end === -1 ? { kind: 'comment', end: source.length } : { kind: 'comment', end };
  }
  if (foreign && source.startsWith('<![CDATA[', index)) return cdataSection(source, index + 9);
  if (next === 0x21 || next === 0x3f) return bogusComment(source, index + 2);
  if (next === 0x2f) {
    const after = source.charCodeAt(index + 2);
    if (isAsciiLetter(after)) return readTag(source, index + 2, true);
    if (after === 0x3e) return { kind: 'nothing', end: index + 3 };
    // `</` at the end of the text is text; anything else opens a bogus comment.
    return Number.isNaN(after) ? { kind: 'text', end: index + 1 } : bogusComment(source, index + 2);
  }
  if (isAsciiLetter(next)) return readTag(source, index + 1, false);
  return { kind: 'text', end: index + 1 };
}

function bogusComment(source: string, from: number): BrowserMarkup {
  const gt = source.indexOf('>', from);
  return gt === -1 ? { kind: 'bogus', end: source.length, continuation: { kind: 'bogus' } } : { kind: 'bogus', end: gt + 1 };
}

/** A CDATA section's text from `from` to its `]]>` (shown as text: nothing in it opens a comment). */
function cdataSection(source: string, from: number): BrowserMarkup {
  const close = source.indexOf(']]>', from);
  return close === -1 ? { kind: 'cdata', end: source.length, continuation: { kind: 'cdata' } } : { kind: 'cdata', end: close + 3 };
}

/** Markup a previous line left open, read on from the start of this one. */
export function continuedMarkup(source: string, continuation: MarkupContinuation): BrowserMarkup {
  if (continuation.kind === 'bogus') return bogusComment(source, 0);
  if (continuation.kind === 'cdata') return cdataSection(source, 0);
  return tagRest(source, 0, '', false, new Map(), continuation.quote);
}

/** A tag whose name starts at `from` (after `<` or `</`). */
function readTag(source: string, from: number, endTag: boolean): BrowserMarkup {
  let at = from;
  while (at < source.length) {
    const code = source.charCodeAt(at);
    if (isTagSpace(code) || code === 0x2f || code === 0x3e) break;
    at += 1;
  }
  return tagRest(source, at, source.slice(from, at).toLowerCase(), endTag, new Map());
}

/** The attributes of a tag from `at` (before an attribute name, or inside a value quoted by `quote`) to its `>`. */
function tagRest(source: string, from: number, name: string, endTag: boolean, attributes: Map<string, string>, quote?: '"' | "'"): BrowserMarkup {
  let at = from;
  const unclosed = (inQuote?: '"' | "'"): BrowserMarkup => ({ kind: 'tag', end: source.length, continuation: inQuote === undefined ? { kind: 'tag' } : { kind: 'tag', quote: inQuote }, tag: { name, endTag, attributes } });
  if (quote !== undefined) {
    const close = source.indexOf(quote, at);
    if (close === -1) return unclosed(quote);
    at = close + 1;
  }
  for (;;) {
    // Before an attribute name: blanks and `/` (a `/` not before `>` is read as a blank).
    while (at < source.length && (isTagSpace(source.charCodeAt(at)) || source.charCodeAt(at) === 0x2f)) at += 1;
    if (at >= source.length) return unclosed();
    if (source.charCodeAt(at) === 0x3e) return { kind: 'tag', end: at + 1, tag: { name, endTag, attributes, selfClosing: source.charCodeAt(at - 1) === 0x2f } };
    // An attribute name: its first character may be anything but a blank, `/` or `>` (even `=`, `<` or `"`).
    const nameStart = at;
    at += 1;
    while (at < source.length) {
      const code = source.charCodeAt(at);
      if (isTagSpace(code) || code === 0x2f || code === 0x3e || code === 0x3d) break;
      at += 1;
    }
    const attribute = source.slice(nameStart, at).toLowerCase();
    while (at < source.length && isTagSpace(source.charCodeAt(at))) at += 1;
    let value = '';
    if (source.charCodeAt(at) === 0x3d) {
      at += 1;
      while (at < source.length && isTagSpace(source.charCodeAt(at))) at += 1;
      const code = source.charCodeAt(at);
      if (code === 0x22 || code === 0x27) {
        const mark = code === 0x22 ? '"' : "'";
        const close = source.indexOf(mark, at + 1);
        if (close === -1) return unclosed(mark);
        value = source.slice(at + 1, close);
        at = close + 1;
      } else {
        const valueStart = at;
        while (at < source.length && !isTagSpace(source.charCodeAt(at)) && source.charCodeAt(at) !== 0x3e) at += 1;
        value = source.slice(valueStart, at);
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, decodedAttributeValue(value));
  }
}

/** Script data's state: plain, escaped (after `<!--`), or double-escaped (after `<script` while escaped). */
export type ScriptEscape = 'data' | 'escaped' | 'double';

/** `</script` (closing) or `<script` at `index`, then a blank, `/`, `>` or the end of the text. */
function scriptTagAt(source: string, index: number, closing: boolean): boolean {
  const tag = closing ? '</script' : '<script';
  if (source.slice(index, index + tag.length).toLowerCase() !== tag) return false;
  const after = source.charCodeAt(index + tag.length);
  return Number.isNaN(after) || isTagSpace(after) || after === 0x2f || after === 0x3e;
}

/**
 * Where script data from `from` ends (the index of the `</script` that ends it, -1: not in
 * `source`), and the escape state at that point or at the end of the text (for the next line).
 */
export function scriptDataEnd(source: string, from: number, escape: ScriptEscape): { end: number; escape: ScriptEscape } {
  let state = escape;
  for (let at = from; at < source.length; at += 1) {
    const code = source.charCodeAt(at);
    if (code === 0x3c) {
      if (scriptTagAt(source, at, true)) {
        if (state !== 'double') return { end: at, escape: state };
        state = 'escaped';
      } else if (state === 'data' && source.startsWith('<!--', at)) {
        state = 'escaped';
        // The dashes of `<!--` may end it at once (`<!-->`, `<!--->`): read on from them.
        at += 1;
      } else if (state === 'escaped' && scriptTagAt(source, at, false)) {
        state = 'double';
      }
    } else if (code === 0x2d && state !== 'data' && source.startsWith('-->', at)) {
      state = 'data';
      at += 2;
    }
  }
  return { end: -1, escape: state };
}
