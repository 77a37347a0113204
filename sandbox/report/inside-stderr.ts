import { escapeControlChars } from '../../src/text/escape.js';

/** Lines of the inside's stderr the operator sees at most, and how long each may be. */
export const INSIDE_STDERR_MAX_LINES = 20;
export const INSIDE_STDERR_MAX_LINE_CHARS = 400;

const PREFIX = 'tki run: inside: ';
/** P1 and the inspector's usage checks refuse with one line of their own, before sending anything. */
const REFUSAL = /^tki: BLOCKED: /;

function clip(line: string): string {
  const escaped = escapeControlChars(line);
  return escaped.length > INSIDE_STDERR_MAX_LINE_CHARS ? `${escaped.slice(0, INSIDE_STDERR_MAX_LINE_CHARS)}…` : escaped;
}

/**
 * What the operator sees of the inside's stderr (issue 12, round four: STDERR). Nothing the inside
 * writes passes as a line of tki's own: each line is `tki run: inside: …`, control characters
 * escaped, clipped, at most INSIDE_STDERR_MAX_LINES of them and then a count of the rest. The one
 * exception is a refusal before anything was sent (`refused`): its first line, when it is the
 * inside's `tki: BLOCKED: …`, is relayed as it is (the run did end BLOCKED, exit 3, whatever it says).
 */
export function relayInsideStderr(lines: readonly string[], refused: boolean): string[] {
  const shown: string[] = [];
  let rest = lines;
  const first = lines[0];
  if (refused && first !== undefined && REFUSAL.test(first)) {
    shown.push(clip(first));
    rest = lines.slice(1);
  }
  for (const line of rest.slice(0, INSIDE_STDERR_MAX_LINES)) shown.push(`${PREFIX}${clip(line)}`);
  const hidden = rest.length - INSIDE_STDERR_MAX_LINES;
  if (hidden > 0) shown.push(`${PREFIX}… ${hidden} more line(s) not shown`);
  return shown;
}
