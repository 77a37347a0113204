import { COMMANDS } from './commands/index.js';
import { dispatch } from './dispatch.js';

/** `tki` with every command (cli/dispatch.ts does the work). */
export function main(argv: readonly string[]): Promise<number> {
  return dispatch(argv, COMMANDS);
}
