import { escapeControlChars } from '../../src/text/escape.js';

/**
 * Control characters and bidirectional overrides from scanned files or paths are shown escaped,
 * so a crafted file name or message cannot move the cursor, rewrite a CI log line or reorder what
 * a reviewer reads. One implementation serves the inspector and the guard: src/text/escape.ts,
 * a leaf module with no imports.
 */
/** Printable ASCII and the witness arrow: nothing in it to escape, and nearly every report line is only that. */
const PLAIN = /^[\x20-\x7e→]*$/;

export function escapeControlCharacters(text: string): string {
  // The Unicode-property pattern costs a few microseconds a line; a report of thousands of lines is redrawn on every --watch save.
  return PLAIN.test(text) ? text : escapeControlChars(text);
}
