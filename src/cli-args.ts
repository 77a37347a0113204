import { parseArgs } from 'node:util';
import { escapeControlChars } from './text/escape.js';
import type { InspectOptions } from './pipeline/inspect.js';

export type ParsedInspectArgs = { ok: true; options: InspectOptions } | { ok: false; line: string };

const USAGE = 'usage: tki inspect --in <packet dir or .json> --out <dir> [--name <checkpoint-name>]';

/** `tki inspect` arguments (after the subcommand). A usage error is one line; the caller exits 3. */
export function parseInspectArgs(argv: readonly string[]): ParsedInspectArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { in: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) return { ok: false, line: `tki inspect: unexpected argument ${escapeControlChars(positionals[0] ?? '')}; ${USAGE}` };
    if (values.in === undefined || values.in === '') return { ok: false, line: `tki inspect: --in is required; ${USAGE}` };
    if (values.out === undefined || values.out === '') return { ok: false, line: `tki inspect: --out is required; ${USAGE}` };
    const options: InspectOptions = { packetPath: values.in, outDir: values.out };
    if (values.name !== undefined) options.name = values.name;
    return { ok: true, options };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid arguments';
    return { ok: false, line: `tki inspect: ${escapeControlChars(message.split('\n')[0] ?? '')}; ${USAGE}` };
  }
}
