/**
 * The identifier grammar (SPEC §1, our choice). Packet-supplied identifiers reach the terminal
 * verdict line, report.md and the report's JSON paths, so they are held to a conservative
 * character set and a bounded length; anything else is a header or dossier error naming the field.
 *
 * - `packet_id`, `document_id`, `item_id`, `claim_id` (and `evidence_refs`, which are item ids):
 *   an ASCII letter or digit, then up to 127 more of letters, digits and `.` `_` `:` `/` `@` `+` `-`.
 * - Surface names (`allowed_surfaces[]`, `governed_surface`, a count's `surface`): up to 256
 *   characters, letters, digits and `.` `_` `:` `/` `@` `+` `-` `~` `%` `\`, and they may start with
 *   `.` `/` `~` `\`: a local path or a live address must still parse, so that provenance can name it
 *   for what it is (FLAG_LOCAL_FIRST_AUTHORITY, a live reference) instead of a malformed item.
 * No space, no quote, no backtick, no control, format or non-ASCII character can pass either.
 */
export const IDENTIFIER_MAX_LENGTH = 128;
export const SURFACE_MAX_LENGTH = 256;

export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/;
export const SURFACE_PATTERN = /^[A-Za-z0-9./~\\][A-Za-z0-9._:/@+~%\\-]{0,255}$/;

export const IDENTIFIER_RULE = `expected an identifier: an ASCII letter or digit, then letters, digits or . _ : / @ + - (at most ${IDENTIFIER_MAX_LENGTH} characters)`;
export const SURFACE_RULE = `expected a surface name: ASCII letters, digits or . _ : / @ + - ~ % \\ (at most ${SURFACE_MAX_LENGTH} characters)`;

export function isIdentifier(value: string): boolean {
  return IDENTIFIER_PATTERN.test(value);
}
