// Named references are decoded by CommonMark's reference implementation (`commonmark`, on the tki
// policy's allow list), which carries the full HTML5 table: exactly what a CommonMark reader decodes.
import { Parser } from 'commonmark';

/**
 * HTML character references as CommonMark decodes them (rendered.ts). Numeric references are
 * decoded in full (0, surrogates and values past U+10FFFF become U+FFFD, as CommonMark says), and
 * so are all ~2,100 named references of HTML5 (`&pfr;` is 𝔭, which the text rules then read as `p`,
 * issue 13, round 11). A name outside HTML5 becomes U+FFFD, which the prose scan reports as
 * undecodable text (a reader sees the literal `&name;`; the inspector fails closed instead).
 */
const REPLACEMENT = '\uFFFD';

/** Each named reference met so far (`&pfr;`) → what it stands for, U+FFFD for a name outside HTML5. */
const NAMED = new Map<string, string>();
const NAMED_REFERENCE = /&[A-Za-z][A-Za-z0-9]{0,31};/g;
const parser = new Parser();

/**
 * Learn the named references of a text that are not known yet, from one CommonMark parse of them
 * all (one paragraph each): a parse per reference would cost a fixed few microseconds each, a
 * million times for a dossier of distinct names.
 */
export function learnNamedReferences(text: string): void {
  if (!text.includes('&')) return;
  const unknown = new Set<string>();
  for (const match of text.matchAll(NAMED_REFERENCE)) if (!NAMED.has(match[0])) unknown.add(match[0]);
  if (unknown.size === 0) return;
  const references = [...unknown];
  let paragraph = parser.parse(references.join('\n\n')).firstChild;
  for (const reference of references) {
    // A paragraph of one reference holds one text node: the decoded text, or the reference itself when the name is not HTML5's.
    const literal = paragraph?.firstChild === paragraph?.lastChild ? paragraph?.firstChild?.literal : undefined;
    NAMED.set(reference, literal === undefined || literal === null || literal === reference || literal === '' ? REPLACEMENT : literal);
    paragraph = paragraph?.next ?? null;
  }
}

/**
 * Numeric references to 0x80–0x9F name Windows-1252 characters, not C1 controls: HTML5's numeric
 * character reference end state replaces them (and so does the `commonmark` package), so `&#x9A;`
 * shows š. The five code points Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay
 * as they are (issue 13, round 12).
 */
const WINDOWS_1252: ReadonlyMap<number, number> = new Map([
  [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020], [0x87, 0x2021],
  [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152], [0x8e, 0x017d],
  [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014],
  [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a], [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
]);

/** The character a numeric reference's value names (HTML5 and CommonMark agree): U+FFFD for 0, surrogates and values past U+10FFFF. */
function codePointText(value: number): string {
  if (!Number.isFinite(value) || value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return REPLACEMENT;
  return String.fromCodePoint(WINDOWS_1252.get(value) ?? value);
}

/** The text a reference such as `&#112;`, `&#x70;` or `&nbsp;` stands for. */
export function decodeEntity(reference: string): string {
  const body = reference.slice(1, -1);
  if (body.startsWith('#')) return codePointText(body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10));
  let decoded = NAMED.get(reference);
  if (decoded === undefined) {
    learnNamedReferences(reference);
    decoded = NAMED.get(reference) ?? REPLACEMENT;
  }
  return decoded;
}

/** A reference read at an `&`: how many characters it takes, and the text it stands for. */
export interface ReadReference {
  readonly length: number;
  readonly decoded: string;
}

/** CommonMark's references (6.2): `;` required, digits bounded; anything else is a literal `&`. */
const COMMONMARK_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;

export function commonmarkReferenceAt(source: string, index: number): ReadReference | undefined {
  COMMONMARK_REFERENCE.lastIndex = index;
  const match = COMMONMARK_REFERENCE.exec(source);
  return match === null ? undefined : { length: match[0].length, decoded: decodeEntity(match[0]) };
}

/**
 * HTML5's legacy named references: the 106 a browser decodes without `;` in text (`&aacutess` shows
 * "áss"). The same list as the `entities` package's legacy.json (CommonMark's dependency; a test
 * compares the two), written out so the inspector loads no JSON at run time. Longest first: HTML5
 * takes the longest name that matches (`&notin` is `¬in`, `&not` being the legacy one).
 */
const LEGACY_NAMES: readonly string[] = (
  'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc Igrave Iuml LT ' +
  'Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig ' +
  'agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 ' +
  'frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ograve ordf ' +
  'ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave ' +
  'uml uuml yacute yen yuml'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

export const LEGACY_REFERENCE_NAMES: ReadonlySet<string> = new Set(LEGACY_NAMES);

/** Numeric references as a browser reads them: any number of digits, `;` optional (HTML5 13.2.5.73–80). */
const BROWSER_NUMERIC = /&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?/y;
const NAMED_WITH_SEMICOLON = /&[A-Za-z][A-Za-z0-9]{0,31};/y;

/**
 * A reference as a browser's HTML5 tokenizer reads it in text that CommonMark passed through (an
 * HTML block, RCDATA such as a textarea's content): numeric references and the legacy named ones
 * need no `;` (issue 13, round 12b: `<div>All tests &#112ass.</div>` shows "pass"). tki never reads
 * an attribute value as text, so HTML5's exception for them (`&amp=` kept as written) has no place
 * here. A `;`-terminated name outside HTML5 and with no legacy prefix is U+FFFD, as in CommonMark's
 * text (fail closed: the prose scan reports it as undecodable).
 */
export function browserReferenceAt(source: string, index: number): ReadReference | undefined {
  BROWSER_NUMERIC.lastIndex = index;
  const numeric = BROWSER_NUMERIC.exec(source);
  if (numeric !== null) {
    const hex = numeric[1];
    // Leading zeros name nothing; past 8 significant digits the value is out of range whatever they are.
    const digits = (hex ?? numeric[2] ?? '').replace(/^0+/, '');
    const value = digits.length > 8 ? Number.POSITIVE_INFINITY : Number.parseInt(digits === '' ? '0' : digits, hex !== undefined ? 16 : 10);
    return { length: numeric[0].length, decoded: codePointText(value) };
  }
  NAMED_WITH_SEMICOLON.lastIndex = index;
  const named = NAMED_WITH_SEMICOLON.exec(source);
  const decoded = named === null ? undefined : decodeEntity(named[0]);
  if (named !== null && decoded !== undefined && decoded !== REPLACEMENT) return { length: named[0].length, decoded };
  const legacy = LEGACY_NAMES.find((name) => source.startsWith(name, index + 1));
  if (legacy !== undefined) {
    const withSemicolon = source[index + 1 + legacy.length] === ';';
    return { length: legacy.length + 1 + (withSemicolon ? 1 : 0), decoded: decodeEntity(`&${legacy};`) };
  }
  return named === null ? undefined : { length: named[0].length, decoded: REPLACEMENT };
}

const isAsciiAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/**
 * A reference in an attribute value, as HTML5's tokenizer reads it (13.2.5.72–73, issue 13, round
 * 14): as in text a browser reads (browserReferenceAt), except that a named reference not ended by
 * `;` and followed by `=` or an ASCII letter or digit is kept as written (`&amp=`, `&notx`), and a
 * name outside HTML5 is kept as written too (it is no reference there).
 */
export function attributeReferenceAt(source: string, index: number): ReadReference | undefined {
  const read = browserReferenceAt(source, index);
  if (read === undefined || source.charCodeAt(index + 1) === 0x23) return read;
  if (read.decoded === REPLACEMENT) return undefined;
  if (source.charCodeAt(index + read.length - 1) === 0x3b) return read;
  const after = source.charCodeAt(index + read.length);
  return after === 0x3d || isAsciiAlphanumeric(after) ? undefined : read;
}

/** An attribute value as the element gets it: every reference decoded (`dir="&#x72;tl"` is `rtl`). */
export function decodedAttributeValue(value: string): string {
  if (!value.includes('&')) return value;
  let decoded = '';
  let from = 0;
  for (let at = value.indexOf('&'); at !== -1; at = value.indexOf('&', at)) {
    const read = attributeReferenceAt(value, at);
    if (read === undefined) {
      at += 1;
      continue;
    }
    decoded += value.slice(from, at) + read.decoded;
    at += read.length;
    from = at;
  }
  return decoded + value.slice(from);
}
