/**
 * CSS direction in an inline `style` attribute (issue 13, round 14; docs/choices.md 32): a browser
 * showing CommonMark's HTML applies `direction` and `unicode-bidi` there as it applies `dir` (GitHub
 * strips `style`; it counts all the same, as `bdi` does in choices 24). Read as CSS reads a
 * declaration list: property names in any case, `/* comments *\/` removed, escapes (`\72 tl`,
 * `\r`) decoded, `!important` winning over a plain declaration, the last declaration of a property
 * winning among equals. A value that names no keyword tki knows (`inherit`, `var(--x)`, a string,
 * anything left unparsed) is `unsure`: the element is then read both ways (html-tree-direction.ts).
 * Rules from a `<style>` element or a class are not read (a limit: docs/inspector.md).
 */
export type CssDirection = 'rtl' | 'ltr';
export type CssUnicodeBidi = 'normal' | 'embed' | 'isolate' | 'bidi-override' | 'isolate-override' | 'plaintext';

export interface CssDirectionStyle {
  readonly direction?: CssDirection;
  readonly unicodeBidi?: CssUnicodeBidi;
  /** A `direction` or `unicode-bidi` declaration whose value tki cannot tell. */
  readonly unsureDirection?: boolean;
  readonly unsureUnicodeBidi?: boolean;
}

const DIRECTIONS: ReadonlySet<string> = new Set(['rtl', 'ltr']);
const UNICODE_BIDI: ReadonlySet<string> = new Set(['normal', 'embed', 'isolate', 'bidi-override', 'isolate-override', 'plaintext']);
/** `!important`: CSS keywords are ASCII case-insensitive, and white space (or a comment, removed before) may stand between `!` and `important`. */
const IMPORTANT = /!\s*important\s*$/i;

/** CSS escapes decoded (CSS Syntax 4.3.7): `\` and 1–6 hex digits (one white space after them taken), or `\` and any other character. */
export function unescaped(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(?:([0-9A-Fa-f]{1,6})[ \t\n\r\f]?|([^\n\r\f]))/g, (_all, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? '';
    const value = Number.parseInt(hex, 16);
    return value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(value);
  });
}

/**
 * The values an inline style declares for `names` (lower-cased), read as CSS reads a declaration
 * list: comments removed, escapes decoded, `!important` winning over a plain declaration, else the
 * last one. One reader for every property tki reads from a `style` (direction here, what hides an
 * element's content in hidden-content.ts).
 */
export function declaredValues(style: string, names: ReadonlySet<string>): Map<string, string> {
  // An unclosed comment runs to the end of the attribute.
  const text = style.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  const values = new Map<string, string>();
  const important = new Set<string>();
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const name = unescaped(declaration.slice(0, colon)).trim().toLowerCase();
    if (!names.has(name)) continue;
    let value = unescaped(declaration.slice(colon + 1)).trim();
    const isImportant = IMPORTANT.test(value);
    if (isImportant) value = value.replace(IMPORTANT, '').trim();
    if (important.has(name) && !isImportant) continue;
    values.set(name, value.toLowerCase());
    if (isImportant) important.add(name);
  }
  return values;
}

const DIRECTION_PROPERTIES: ReadonlySet<string> = new Set(['direction', 'unicode-bidi']);

/** The direction an inline style gives, or undefined when it declares neither property. */
export function cssDirectionOf(style: string): CssDirectionStyle | undefined {
  const lower = style.toLowerCase();
  // Neither name can be spelled without its letters or an escape.
  if (!lower.includes('direction') && !lower.includes('bidi') && !lower.includes('\\')) return undefined;
  const declared = declaredValues(style, DIRECTION_PROPERTIES);
  const found = { direction: declared.get('direction'), unicodeBidi: declared.get('unicode-bidi') };
  if (found.direction === undefined && found.unicodeBidi === undefined) return undefined;
  const direction = found.direction !== undefined && DIRECTIONS.has(found.direction) ? (found.direction as CssDirection) : undefined;
  const unicodeBidi = found.unicodeBidi !== undefined && UNICODE_BIDI.has(found.unicodeBidi) ? (found.unicodeBidi as CssUnicodeBidi) : undefined;
  return {
    ...(direction === undefined ? {} : { direction }),
    ...(unicodeBidi === undefined ? {} : { unicodeBidi }),
    ...(found.direction !== undefined && direction === undefined ? { unsureDirection: true } : {}),
    ...(found.unicodeBidi !== undefined && unicodeBidi === undefined ? { unsureUnicodeBidi: true } : {}),
  };
}
