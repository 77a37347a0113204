import { buildInsideSnapshotBlob, snapshotBuildLine } from '../../sandbox/runtime/inside-snapshot-blob.js';
import { packageRoot } from '../../sandbox/runtime/package-root.js';
import { parseFlags } from '../flags.js';
import { printError, printLine } from '../output.js';
import type { CliCommand } from './command.js';

/**
 * `tki rebuild-snapshot`: builds the inspector's start-up snapshot again in tki's own package
 * directory with the node running this (the same function as the install script and `npm run
 * build`) — after a node upgrade, an install with --ignore-scripts, or an npm that does not run
 * tki's install script. Only someone who can write tki's files can write the blob. Never exits 0
 * (like every tki command): 2 = built, 3 = not built (the line says why; the plain bundle runs).
 */
export const rebuildSnapshotCommand: CliCommand = {
  run(argv) {
    const parsed = parseFlags(argv, { command: 'rebuild-snapshot', positionals: [], required: [], optional: [] });
    if (!parsed.ok) {
      printError(parsed.line);
      return Promise.resolve(3);
    }
    const built = buildInsideSnapshotBlob(packageRoot());
    const line = snapshotBuildLine('tki rebuild-snapshot', built);
    if (!built.ok) {
      printError(line);
      return Promise.resolve(3);
    }
    printLine(line);
    return Promise.resolve(2);
  },
};
