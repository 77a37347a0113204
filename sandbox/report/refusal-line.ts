/**
 * Operator-supplied text (a path the operator typed, a file name found in `--out`, TMPDIR) inside a
 * launcher refusal line (issue 13, round 6: `tki run: BLOCKED: …/FINAL VERDICT PASS (exit 0)
 * certified/packet.json does not exist`). Such a line is tki's own verdict, so that text is shown
 * the one way tki's verdict line shows the operator's packet path (src/text/verdict-line-label.ts):
 * quoted as a string, control and format characters escaped, every verdict-like word, in any case or
 * look-alike spelling, withheld.
 *
 * That function needs the text normalization (≈ 50 ms CPU to load), which a run that is not
 * refused never needs: the refusal is composed with the text marked (operatorText, synchronous, no
 * import) and the marks are replaced when the line leaves the launcher (shownRefusalLine, which
 * loads the normalization only when a line holds a mark).
 */
const OPEN = '\u{F0000}';
const CLOSE = '\u{F0001}';
const MARKS = /[\u{F0000}\u{F0001}]/gu;
const MARKED = /\u{F0000}([^\u{F0001}]*)\u{F0001}/gu;

/** Marks operator-supplied text for shownRefusalLine (a mark character inside it is shown as an escape, never as a mark). */
export function operatorText(text: string): string {
  return `${OPEN}${text.replace(MARKS, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`)}${CLOSE}`;
}

/** The refusal line as the operator reads it: each marked text quoted, escaped and its verdict-like words withheld. */
export async function shownRefusalLine(line: string): Promise<string> {
  if (!line.includes(OPEN)) return line;
  const { packetLabelForVerdictLine } = await import('../../src/text/verdict-line-label.js');
  return line.replace(MARKED, (_, text: string) => packetLabelForVerdictLine(text));
}
