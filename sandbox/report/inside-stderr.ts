import { untrusted } from '../../src/text/untrusted-span.js';

/** The inside writes one diagnostic line (P1's refusal, the lock's, the unlisted-call note): a few are relayed, never a flood. */
export const MAX_RELAYED_INSIDE_LINES = 4;
/** Longer lines are clipped (a line is a diagnostic, not a channel): shownText's cap (verdict-line-label.ts). */
export const MAX_RELAYED_LINE_CHARS = 400;

const PREFIX = 'tki run: the sandbox wrote: ';
/** P1 and the inspector's usage checks refuse with one line of their own, before sending anything. */
const REFUSAL = 'tki: BLOCKED: ';

/** A line the inside wrote, marked as not tki's own (the printer quotes it, escapes it, withholds verdict-like words). */
function marked(line: string): string {
  // Cut before marking: the inside's line may be megabytes, and the printer's cap applies to what is shown.
  return untrusted(line.length > MAX_RELAYED_LINE_CHARS * 2 ? line.slice(0, MAX_RELAYED_LINE_CHARS * 2) : line);
}

/**
 * What the operator sees of the inside's stdout or stderr (issue 12, round four: STDERR). Nothing
 * the inside writes passes as a line of tki's own: each line is `tki run: the sandbox wrote: …`,
 * its text shown by `shownText` (quoted, control characters escaped, verdict-like words withheld,
 * clipped), at most MAX_RELAYED_INSIDE_LINES of them and then a count of the rest. A refusal
 * (`refused`: nothing was sent) keeps the inside's own `tki: BLOCKED: ` head on its first line (the
 * run did end BLOCKED, exit 3), its text shown the same way: no line the inside wrote carries a
 * verdict word to the terminal (a CI step grepping for READ_LEVEL_PASS finds only tki's verdict line).
 */
export function relayInsideLines(lines: readonly string[], options: { readonly refused: boolean; readonly stream: 'stdout' | 'stderr' }): string[] {
  const shown: string[] = [];
  let rest = lines;
  const first = lines[0];
  if (options.refused && first !== undefined && first.startsWith(REFUSAL)) {
    shown.push(`${REFUSAL}${marked(first.slice(REFUSAL.length))}`);
    rest = lines.slice(1);
  }
  const room = MAX_RELAYED_INSIDE_LINES - shown.length;
  for (const line of rest.slice(0, room)) shown.push(`${PREFIX}${marked(line)}`);
  const hidden = rest.length - room;
  if (hidden > 0) shown.push(`tki run: ${hidden} more line(s) the sandbox wrote on ${options.stream} not shown`);
  return shown;
}
