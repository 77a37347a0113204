/**
 * Packet strings are hostile input. Before one reaches a terminal or a Markdown file, control
 * characters (C0, DEL, C1) and bidirectional overrides are made visible as `\u{…}` escapes, so a
 * packet can neither move the cursor nor reorder what a reviewer reads.
 */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE_CHARS, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`);
}

/** Characters with meaning in Markdown inline text and tables. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>()#+!|~]/g;

/** Escape for a Markdown table cell or inline text: controls first, then Markdown syntax. */
export function escapeMarkdown(text: string): string {
  return escapeControlChars(text).replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/** Shorten long input for one-line displays; the full value stays in report.json. */
export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}
