import { COMMANDS } from './commands/index.js';
import { dispatch, usageLine as registryUsageLine } from './dispatch.js';

export function usageLine(): string {
  return registryUsageLine(COMMANDS);
}

/** `tki` with every command (cli/dispatch.ts does the work). */
export function main(argv: readonly string[]): Promise<number> {
  return dispatch(argv, COMMANDS);
}
