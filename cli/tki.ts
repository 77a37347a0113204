#!/usr/bin/env node
// fail-closed imports only node:inspector's `url` and runs first: exit code 3 until something better is known. The
// rest is loaded with a literal dynamic import so that even a module that fails to load or link
// (which Node would report with exit code 1, a valid verdict code) ends as an internal error, 3.
// zod's jitless switch is loaded by the commands that parse (see commands/index.ts), not here:
// `tki run` must not pay for zod before it starts the sandbox.
import { FAIL_CLOSED_EXIT_CODE } from './fail-closed.js';

const argv = process.argv.slice(2);
// An argument that is not valid UTF-8 would name another file (Node reads the byte as U+FFFD): refused first.
const { undecodableArgumentLine } = await import('./argv-bytes.js');
const refusal = undecodableArgumentLine(argv);
if (refusal === undefined) {
  const { main } = await import('./main.js');
  const code = await main(argv);
  process.exitCode = code === 0 ? FAIL_CLOSED_EXIT_CODE : code;
} else {
  const { printShownLines } = await import('./output.js');
  await printShownLines([refusal], 'stderr');
  process.exitCode = FAIL_CLOSED_EXIT_CODE;
}
