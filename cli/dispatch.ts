import type { CommandEntry } from './commands/command.js';
import { HELP, INFORMATION_EXIT_CODE, TKI_VERSION, USAGE_SUMMARY } from './commands/usage.js';
import { printError } from './output.js';
import { unsupportedPlatformLine } from './platform.js';

export type CommandRegistry = Readonly<Record<string, CommandEntry>>;

export function usageLine(commands: CommandRegistry): string {
  return `usage: ${Object.values(commands).map((entry) => entry.usage).join(' | ')}`;
}

const HELP_FLAGS = new Set(['--help', '-h', 'help']);
const VERSION_FLAGS = new Set(['--version', '-v']);

/**
 * Dispatch from a registry; unknown commands and missing ones are usage errors (exit 3).
 * `--help` and `--version`, alone or after a command, print to stdout and exit 3 too. The registry
 * is a parameter so that the sandbox's own entry (cli/tki-inside.ts) can carry `inspect` alone.
 */
export async function dispatch(argv: readonly string[], commands: CommandRegistry): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name) || VERSION_FLAGS.has(name)) {
    if (name === undefined) process.stderr.write(USAGE_SUMMARY);
    else process.stdout.write(VERSION_FLAGS.has(name) ? `${TKI_VERSION}\n` : HELP.tki);
    return INFORMATION_EXIT_CODE;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    printError(`tki: unknown command "${name}"; ${usageLine(commands)} (tki --help for more)`);
    return 3;
  }
  if (rest.some((argument) => argument === '--help' || argument === '-h')) {
    process.stdout.write(HELP[name as keyof typeof HELP]);
    return INFORMATION_EXIT_CODE;
  }
  if (rest.some((argument) => VERSION_FLAGS.has(argument))) {
    process.stdout.write(`${TKI_VERSION}\n`);
    return INFORMATION_EXIT_CODE;
  }
  const unsupported = unsupportedPlatformLine();
  if (unsupported !== undefined) {
    printError(unsupported);
    return 3;
  }
  const command = await entry.load();
  return command.run(rest);
}
