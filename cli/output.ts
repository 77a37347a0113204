// A deep import on purpose: src/index.js loads the whole inspector, and the operator-side commands
// (`tki run`, `tki attest`) must not pay for it; escape.js is a leaf module with no imports.
import { escapeControlChars } from '../src/text/escape.js';

/** One line to stdout; control characters from a packet or a sandboxed process are made visible. */
export function printLine(line: string): void {
  process.stdout.write(`${escapeControlChars(line)}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${escapeControlChars(line)}\n`);
}
