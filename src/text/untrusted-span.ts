/**
 * Text tki did not write (a packet's file names, the operator's paths, what the sandbox printed) is
 * marked where a terminal line is composed, and shown by one function where the line is printed
 * (`terminalLine` in verdict-line-label.ts): quoted, escaped, verdict-like words escaped. The mark is
 * two private-use code points around the text, so composing a line stays a cheap string operation
 * and the launcher's start-up never loads the text normalizer; a marker already inside the text is
 * taken out of play (shown as its escape), so the text cannot close its own span.
 */
export const SPAN_OPEN = '\u{E000}';
export const SPAN_CLOSE = '\u{E001}';
const MARKERS = /[\u{E000}\u{E001}]/gu;

/** `text` marked as not tki's own: the printer quotes it and withholds verdict-like words. */
export function untrusted(text: string): string {
  return `${SPAN_OPEN}${text.replace(MARKERS, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`)}${SPAN_CLOSE}`;
}

/** Whether a line holds marked text (only then does printing load the text normalizer). */
export function hasUntrustedSpan(line: string): boolean {
  return line.includes(SPAN_OPEN);
}

export interface LinePiece {
  readonly text: string;
  readonly untrusted: boolean;
}

/** A line cut into tki's own text and marked spans; an unclosed span runs to the end of the line. */
export function linePieces(line: string): LinePiece[] {
  const pieces: LinePiece[] = [];
  let rest = line;
  for (;;) {
    const open = rest.indexOf(SPAN_OPEN);
    if (open < 0) break;
    if (open > 0) pieces.push({ text: rest.slice(0, open), untrusted: false });
    const close = rest.indexOf(SPAN_CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    pieces.push({ text: rest.slice(open + 1, end), untrusted: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  if (rest !== '') pieces.push({ text: rest, untrusted: false });
  return pieces;
}
