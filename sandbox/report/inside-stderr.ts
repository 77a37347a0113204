import { escapeControlChars } from '../../src/text/escape.js';

/** The inside writes one diagnostic line (P1's refusal, the lock's, the unlisted-call note): a few are relayed, never a flood. */
export const MAX_RELAYED_INSIDE_LINES = 4;
/** Longer lines are clipped (a line is a diagnostic, not a channel). */
export const MAX_RELAYED_LINE_CHARS = 400;

const PREFIX = 'tki run: the sandbox wrote: ';
/** P1 and the inspector's usage checks refuse with one line of their own, before sending anything. */
const REFUSAL = /^tki: BLOCKED: /;

function clip(line: string): string {
  const escaped = escapeControlChars(line);
  return escaped.length > MAX_RELAYED_LINE_CHARS ? `${escaped.slice(0, MAX_RELAYED_LINE_CHARS)}…` : escaped;
}

/**
 * What the operator sees of the inside's stdout or stderr (issue 12, round four: STDERR). Nothing
 * the inside writes passes as a line of tki's own: each line is `tki run: the sandbox wrote: …`,
 * control characters escaped, clipped, at most MAX_RELAYED_INSIDE_LINES of them and then a count of
 * the rest. The one exception is a refusal (`refused`: nothing was sent): its first line, when it
 * is the inside's `tki: BLOCKED: …`, is relayed as it is (the run did end BLOCKED, exit 3, whatever it says).
 */
export function relayInsideLines(lines: readonly string[], options: { readonly refused: boolean; readonly stream: 'stdout' | 'stderr' }): string[] {
  const shown: string[] = [];
  let rest = lines;
  const first = lines[0];
  if (options.refused && first !== undefined && REFUSAL.test(first)) {
    shown.push(clip(first));
    rest = lines.slice(1);
  }
  const room = MAX_RELAYED_INSIDE_LINES - shown.length;
  for (const line of rest.slice(0, room)) shown.push(`${PREFIX}${clip(line)}`);
  const hidden = rest.length - room;
  if (hidden > 0) shown.push(`tki run: ${hidden} more line(s) the sandbox wrote on ${options.stream} not shown`);
  return shown;
}
