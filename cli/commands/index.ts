import type { CommandEntry } from './command.js';
import { USAGE } from './usage.js';

/** The command registry: add a command here (an `audit` command is expected next), nowhere else. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  run: { usage: USAGE.run, load: async () => (await import('./run.js')).runCommand },
  inspect: {
    usage: USAGE.inspect,
    // zod's jitless switch before any schema module (src/ sets it too; the entry point says it first).
    load: async () => {
      await import('../zod-jitless.js');
      return (await import('./inspect.js')).inspectCommand;
    },
  },
  attest: { usage: USAGE.attest, load: async () => (await import('./attest.js')).attestCommand },
};

export type { CliCommand, CommandEntry } from './command.js';
