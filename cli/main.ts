import { COMMANDS } from './commands/index.js';
import { printError } from './output.js';

export function usageLine(): string {
  return `usage: ${Object.values(COMMANDS).map((entry) => entry.usage).join(' | ')}`;
}

/** Dispatch from the registry; unknown commands and missing ones are usage errors (exit 3). */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const entry = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry === undefined) {
    printError(name === undefined ? usageLine() : `tki: unknown command "${name}"; ${usageLine()}`);
    return 3;
  }
  const command = await entry.load();
  return command.run(rest);
}
