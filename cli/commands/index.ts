import type { CommandEntry } from './command.js';
import { INSPECT_ENTRY } from './inspect-entry.js';
import { USAGE } from './usage.js';

/** The command registry: add a command here (an `audit` command is expected next), nowhere else. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  run: { usage: USAGE.run, load: async () => (await import('./run.js')).runCommand },
  inspect: INSPECT_ENTRY,
  attest: { usage: USAGE.attest, load: async () => (await import('./attest.js')).attestCommand },
  'rebuild-snapshot': { usage: USAGE['rebuild-snapshot'], load: async () => (await import('./rebuild-snapshot.js')).rebuildSnapshotCommand },
};

export type { CliCommand, CommandEntry } from './command.js';
