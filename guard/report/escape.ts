/**
 * Control characters and bidirectional overrides from scanned files or paths are shown escaped,
 * so a crafted file name or message cannot move the cursor, rewrite a CI log line or reorder what
 * a reviewer reads. One implementation serves the inspector and the guard: src/text/escape.ts,
 * a leaf module with no imports.
 */
export { escapeControlChars as escapeControlCharacters } from '../../src/text/escape.js';
