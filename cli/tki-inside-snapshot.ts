// The sandbox's entry as a V8 start-up snapshot (sandbox/runtime/inside-snapshot.ts builds it): the
// same program as cli/tki-inside.ts, but everything `tki inspect` loads is evaluated once, at build
// time — node's builtins, zod and the report schemas, the confusables table and the text rules the
// inspector compiles from it — and node inside deserializes that heap instead of reading, compiling
// and evaluating ~860 KB of JavaScript at every run. What depends on the run (the arguments, the
// streams, the exit-code guard, the addon and its lock) happens in the main function, after
// deserialization, in the same order as cli/tki-inside.ts.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startupSnapshot } from 'node:v8';
// zod's jitless switch before any schema module, as in commands/inspect-entry.ts.
import '../policy/zod-jitless.js';
import { INSPECT_ENTRY } from './commands/inspect-entry.js';
import { inspectCommand } from './commands/inspect.js';
import { dispatch } from './dispatch.js';

/** Set by the main function before anything reads it: the bundle's `import.meta.url` (snapshot-define.ts). */
declare global {
  var tkiSnapshotEntryUrl: string | undefined;
}

// Evaluated here, at build time: `inspect` is what the registry entry would load on demand.
const registry = { inspect: { ...INSPECT_ENTRY, load: () => Promise.resolve(inspectCommand) } };

startupSnapshot.setDeserializeMainFunction(async () => {
  // node is started as `node --snapshot-blob <blob> <the bundle's path> inspect …`: argv[1] is the
  // path the plain bundle would have, so the addon is found where cli/tki-inside.ts finds it.
  globalThis.tkiSnapshotEntryUrl = pathToFileURL(resolve(process.argv[1] ?? '')).href;
  // fail-closed first, as in cli/tki-inside.ts: it touches the run's process streams and exit code.
  const { FAIL_CLOSED_EXIT_CODE } = await import('./fail-closed.js');
  const code = await dispatch(process.argv.slice(2), registry);
  process.exitCode = code === 0 ? FAIL_CLOSED_EXIT_CODE : code;
});
