import { parseArgs } from 'node:util';
import { escapeControlChars } from '../src/text/escape.js';

/** A command's flags for node's own `parseArgs` (strict): every mistake becomes one usage line. */
export interface FlagSpec {
  readonly command: string;
  readonly usage: string;
  readonly positionals: readonly string[];
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export type ParsedFlags =
  | { readonly ok: true; readonly positionals: readonly string[]; readonly flags: Readonly<Record<string, string | undefined>> }
  | { readonly ok: false; readonly line: string };

export function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const usage = (problem: string): ParsedFlags => ({ ok: false, line: `tki ${spec.command}: ${escapeControlChars(problem)}; usage: ${spec.usage}` });
  const options = Object.fromEntries([...spec.required, ...spec.optional].map((name) => [name, { type: 'string' as const }]));
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    return usage(error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'invalid arguments');
  }
  if (parsed.positionals.length !== spec.positionals.length) {
    return usage(`expected ${spec.positionals.length === 0 ? 'no positional argument' : spec.positionals.join(' ')}`);
  }
  const flags: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value !== 'string' || value === '') return usage(`--${name} needs a value`);
    flags[name] = value;
  }
  const missing = spec.required.find((name) => flags[name] === undefined);
  if (missing !== undefined) return usage(`--${missing} is required`);
  return { ok: true, positionals: parsed.positionals, flags };
}
