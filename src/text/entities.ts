// The HTML5 named character references (WHATWG's entities.json, as fb55's `entities` package ships
// it: the table CommonMark's reference implementation decodes with). Only its data is used.
import namedReferences from 'entities/lib/maps/entities.json' with { type: 'json' };

/**
 * HTML character references as CommonMark decodes them (rendered.ts). Numeric references are
 * decoded in full (0, surrogates and values past U+10FFFF become U+FFFD, as CommonMark says), and
 * so are all ~2,100 named references of HTML5 (`&pfr;` is 𝔭, which the text rules then read as `p`,
 * issue 13, round 11). A name outside HTML5 becomes U+FFFD, which the prose scan reports as
 * undecodable text (a reader sees the literal `&name;`; the inspector fails closed instead).
 */
const NAMED: ReadonlyMap<string, string> = new Map(Object.entries(namedReferences as Record<string, string>));

const REPLACEMENT = '\uFFFD';

/** The text a reference such as `&#112;`, `&#x70;` or `&nbsp;` stands for. */
export function decodeEntity(reference: string): string {
  const body = reference.slice(1, -1);
  if (body.startsWith('#')) {
    const value = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    if (!Number.isFinite(value) || value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return REPLACEMENT;
    return String.fromCodePoint(value);
  }
  return NAMED.get(body) ?? REPLACEMENT;
}
