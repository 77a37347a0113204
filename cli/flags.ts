import { parseArgs } from 'node:util';
import { escapeControlChars } from '../src/text/escape.js';
import { usageHint } from './commands/usage.js';

/** A command's flags for node's own `parseArgs` (strict): every mistake becomes one short line. */
export interface FlagSpec {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Flags that take no value (`--verbose`). */
  readonly switches?: readonly string[];
}

export type ParsedFlags =
  | { readonly ok: true; readonly positionals: readonly string[]; readonly flags: Readonly<Record<string, string | undefined>>; readonly switches: ReadonlySet<string> }
  | { readonly ok: false; readonly line: string };

/** `tki <command>: <problem>; run 'tki <command> --help' for usage`, as tki-guard words its own. */
export function usageProblem(command: string, problem: string): string {
  return `tki ${command}: ${escapeControlChars(problem)}; ${usageHint(command)}`;
}

/**
 * The first option mistake, in our words: node's parseArgs messages quote oddly and suggest
 * `--` tricks; ours name the option (`unknown option --outt`, `--out needs a value`). Every flag
 * but a switch takes a value, so the word after `--flag` is that value, whatever it looks like.
 * Each takes one value: given twice (`--out A --out B`), which one the operator meant is unknown
 * (parseArgs would keep the last without a word), so it is refused.
 */
function optionProblem(argv: readonly string[], known: ReadonlySet<string>, switches: ReadonlySet<string>): string | undefined {
  const given = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--') return undefined;
    if (!argument.startsWith('-') || argument === '-') continue;
    const name = argument.startsWith('--') ? (argument.slice(2).split('=')[0] ?? '') : '';
    if (switches.has(name)) {
      if (argument.includes('=')) return `--${name} takes no value`;
      continue;
    }
    if (!known.has(name)) return `unknown option ${argument.split('=')[0] ?? argument}`;
    if (given.has(name)) return `--${name} given twice; give it once`;
    given.add(name);
    if (argument.includes('=')) continue;
    if (index + 1 >= argv.length) return `--${name} needs a value`;
    index += 1;
  }
  return undefined;
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const usage = (problem: string): ParsedFlags => ({ ok: false, line: usageProblem(spec.command, problem) });
  const names = [...spec.required, ...spec.optional];
  const switchNames = spec.switches ?? [];
  const problem = optionProblem(argv, new Set(names), new Set(switchNames));
  if (problem !== undefined) return usage(problem);
  const options = { ...Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])), ...Object.fromEntries(switchNames.map((name) => [name, { type: 'boolean' as const }])) };
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    // Left for parseArgs alone: a value that starts with '-' (`--out -x`), which it calls ambiguous.
    const option = error instanceof Error ? /'(--[a-z-]+)/.exec(error.message)?.[1] : undefined;
    return usage(option === undefined ? 'invalid arguments' : `${option} needs a value; write ${option}=VALUE for one that starts with '-'`);
  }
  // Too many: name the first one too many (the user sees what to remove); too few: say what is expected.
  const extra = parsed.positionals[spec.positionals.length];
  if (extra !== undefined) return usage(`unexpected argument "${extra}"`);
  if (parsed.positionals.length !== spec.positionals.length) {
    return usage(`expected ${spec.positionals.length === 0 ? 'no positional argument' : spec.positionals.join(' ')}`);
  }
  const flags: Record<string, string | undefined> = {};
  const switches = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true && switchNames.includes(name)) {
      switches.add(name);
      continue;
    }
    if (typeof value !== 'string' || value === '') return usage(`--${name} needs a value`);
    flags[name] = value;
  }
  const missing = spec.required.find((name) => flags[name] === undefined);
  if (missing !== undefined) return usage(`--${missing} is required`);
  return { ok: true, positionals: parsed.positionals, flags, switches };
}
