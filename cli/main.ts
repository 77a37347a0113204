import { COMMANDS } from './commands/index.js';
import { HELP, INFORMATION_EXIT_CODE, TKI_VERSION, USAGE_SUMMARY } from './commands/usage.js';
import { printError } from './output.js';
import { unsupportedPlatformLine } from './platform.js';

export function usageLine(): string {
  return `usage: ${Object.values(COMMANDS).map((entry) => entry.usage).join(' | ')}`;
}

const HELP_FLAGS = new Set(['--help', '-h', 'help']);
const VERSION_FLAGS = new Set(['--version', '-v']);

/**
 * Dispatch from the registry; unknown commands and missing ones are usage errors (exit 3).
 * `--help` and `--version`, alone or after a command, print to stdout and exit 3 too.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name) || VERSION_FLAGS.has(name)) {
    if (name === undefined) process.stderr.write(USAGE_SUMMARY);
    else process.stdout.write(VERSION_FLAGS.has(name) ? `${TKI_VERSION}\n` : HELP.tki);
    return INFORMATION_EXIT_CODE;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry === undefined) {
    printError(`tki: unknown command "${name}"; ${usageLine()} (tki --help for more)`);
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
