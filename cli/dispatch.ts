import type { CommandEntry } from './commands/command.js';
import { HELP, INFORMATION_EXIT_CODE, TKI_VERSION, USAGE_SUMMARY, usageHint } from './commands/usage.js';
import { printError } from './output.js';
import { unsupportedPlatformLine } from './platform.js';

export type CommandRegistry = Readonly<Record<string, CommandEntry>>;

const HELP_FLAGS = new Set(['--help', '-h', 'help']);
const VERSION_FLAGS = new Set(['--version', '-v']);

function hasHelp(topic: string): topic is keyof typeof HELP {
  return Object.hasOwn(HELP, topic) && topic !== 'tki';
}

/**
 * `tki --help`, `tki help` and `tki help <command>` (the same text as `tki <command> --help`, as
 * `tki-guard help diff` is): stdout and exit 3; a topic that is no command is a usage error.
 */
function printHelp(topic: string | undefined, commands: CommandRegistry): number {
  if (topic === undefined) {
    process.stdout.write(HELP.tki);
    return INFORMATION_EXIT_CODE;
  }
  if (!Object.hasOwn(commands, topic) || !hasHelp(topic)) {
    printError(`tki: no help on "${topic}"; ${usageHint()}`);
    return 3;
  }
  process.stdout.write(HELP[topic]);
  return INFORMATION_EXIT_CODE;
}

/**
 * Dispatch from a registry; unknown commands and missing ones are usage errors (exit 3), one line
 * that ends with where the usage is (never the usage itself). `--help` and `--version`, alone or
 * after a command, print to stdout and exit 3 too. The registry is a parameter so that the
 * sandbox's own entry (cli/tki-inside.ts) can carry `inspect` alone.
 */
export async function dispatch(argv: readonly string[], commands: CommandRegistry): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(USAGE_SUMMARY);
    return INFORMATION_EXIT_CODE;
  }
  if (VERSION_FLAGS.has(name)) {
    process.stdout.write(`${TKI_VERSION}\n`);
    return INFORMATION_EXIT_CODE;
  }
  if (HELP_FLAGS.has(name)) return printHelp(name === 'help' ? rest[0] : undefined, commands);
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    printError(`tki: unknown command "${name}"; ${usageHint()}`);
    return 3;
  }
  if (rest.some((argument) => argument === '--help' || argument === '-h')) return printHelp(name, commands);
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
