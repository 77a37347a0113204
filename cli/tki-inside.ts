// The entry the sandbox runs: `tki inspect` and nothing else. The build bundles it with everything
// it imports into one file (dist/sandbox/bundle/tki-inside.js, sandbox/runtime/bundle-sandbox.ts):
// node inside then reads and links one module instead of ~150, and the launchers, the container
// engines and child_process users are not even present in the sandbox. fail-closed runs first, as
// in cli/tki.ts: exit code 3 until something better is known, never 0.
import { FAIL_CLOSED_EXIT_CODE } from './fail-closed.js';

const { dispatch } = await import('./dispatch.js');
const { INSPECT_ENTRY } = await import('./commands/inspect-entry.js');
const code = await dispatch(process.argv.slice(2), { inspect: INSPECT_ENTRY });
process.exitCode = code === 0 ? FAIL_CLOSED_EXIT_CODE : code;
