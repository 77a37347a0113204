import { parseArgs } from 'node:util';
import { escapeControlChars } from './text/escape.js';
import type { InspectOptions } from './pipeline/inspect.js';

export type ParsedInspectArgs = { ok: true; options: InspectOptions } | { ok: false; line: string };

// Errors end with a pointer, never the usage itself (the house rule of every tki command).
const USAGE = "run 'tki inspect --help' for usage";

/** The report channel's descriptor when none is named: the pipe the launcher passes as fd 3. */
export const DEFAULT_REPORT_FD = 3;

/** `tki inspect` arguments (after the subcommand). A usage error is one line; the caller exits 3. */
export function parseInspectArgs(argv: readonly string[]): ParsedInspectArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { in: { type: 'string' }, 'report-fd': { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) return { ok: false, line: `tki inspect: unexpected argument ${escapeControlChars(positionals[0] ?? '')}; ${USAGE}` };
    if (values.in === undefined || values.in === '') return { ok: false, line: `tki inspect: --in is required; ${USAGE}` };
    const fdText = values['report-fd'] ?? String(DEFAULT_REPORT_FD);
    // 1 (stdout, for engines that cannot pass descriptors) or a descriptor above stderr.
    if (!/^(?:1|[3-9]|[1-9][0-9]{1,3})$/.test(fdText)) return { ok: false, line: `tki inspect: --report-fd must be 1 or a descriptor number from 3; ${USAGE}` };
    const options: InspectOptions = { packetPath: values.in, reportFd: Number(fdText) };
    if (values.name !== undefined) options.name = values.name;
    return { ok: true, options };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid arguments';
    return { ok: false, line: `tki inspect: ${escapeControlChars(message.split('\n')[0] ?? '')}; ${USAGE}` };
  }
}
