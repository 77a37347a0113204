// A deep import on purpose: src/index.js loads the whole inspector, and the operator-side commands
// (`tki run`, `tki attest`) must not pay for it; escape.js and untrusted-span.js are leaf modules.
import { escapeControlChars } from '../src/text/escape.js';
import { hasUntrustedSpan } from '../src/text/untrusted-span.js';

/** One line to stdout; control characters from a packet or a sandboxed process are made visible. */
export function printLine(line: string): void {
  process.stdout.write(`${escapeControlChars(line)}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${escapeControlChars(line)}\n`);
}

/**
 * Lines that may carry text marked `untrusted()` (a packet's names, the operator's paths, what the
 * sandbox printed): every marked span is shown by `shownText` (quoted, escaped, verdict-like words
 * withheld), so only tki's own verdict line carries a verdict token. The text normalizer behind it is
 * loaded only when a line holds such a span (its load would otherwise delay every start-up).
 */
export async function printShownLines(lines: readonly string[], stream: 'stdout' | 'stderr'): Promise<void> {
  const write = stream === 'stdout' ? printLine : printError;
  if (!lines.some(hasUntrustedSpan)) {
    for (const line of lines) write(line);
    return;
  }
  const { terminalLine } = await import('../src/text/verdict-line-label.js');
  for (const line of lines) write(terminalLine(line));
}
