import type { CommandEntry } from './command.js';
import { USAGE } from './usage.js';

/** `tki inspect`'s registry entry, shared by the full CLI and the sandbox's own entry (cli/tki-inside.ts). */
export const INSPECT_ENTRY: CommandEntry = {
  usage: USAGE.inspect,
  // zod's jitless switch before any schema module (src/ sets it too; the entry point says it first).
  load: async () => {
    await import('../../policy/zod-jitless.js');
    return (await import('./inspect.js')).inspectCommand;
  },
};
