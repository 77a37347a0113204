/**
 * What the sandbox runs, as tsc emits it: `tki inspect`'s own entry and the attestation probe
 * runner. The build bundles each, with everything it imports (tki's modules, zod, the confusables
 * data), into one file under dist/sandbox/bundle/ (bundle-sandbox.ts), which is what node inside
 * loads. Kept apart from the bundler so that the launcher, which needs only these paths, never
 * loads esbuild (a build-time tool).
 */
export const SANDBOX_SOURCE_ENTRIES = { 'tki-inside': 'dist/cli/tki-inside.js', probes: 'dist/sandbox/probes/main.js', inside: 'dist/sandbox/inside.js' } as const;

/** Where the bundles land (relative to the package root). */
export const SANDBOX_BUNDLE_DIR = 'dist/sandbox/bundle';

export const SANDBOX_BUNDLES = {
  inspect: `${SANDBOX_BUNDLE_DIR}/tki-inside.js`,
  probes: `${SANDBOX_BUNDLE_DIR}/probes.js`,
  /**
   * sandbox/inside.ts as a library (the profile, the exec lock, P1): tki itself does not load it;
   * it is for code run in the exact profile in tki's place — the red-team harnesses and the layer
   * benchmark — which imports it from /opt/tki/dist/sandbox/bundle/inside.js.
   */
  insideLibrary: `${SANDBOX_BUNDLE_DIR}/inside.js`,
} as const;

/**
 * `tki inspect` as a V8 start-up snapshot (cli/tki-inside-snapshot.ts, built by
 * inside-snapshot-build.ts): the script the snapshot is built from, the blob node deserializes
 * inside (`--snapshot-blob`), and the record of what it was built with — node's version and
 * binary, and the V8 flags, which V8 checks (a blob built under other flags is refused) — so the
 * launcher uses the blob only when the run's node and flags are the same (inside-snapshot.ts).
 */
export const INSIDE_SNAPSHOT = {
  entry: 'dist/cli/tki-inside-snapshot.js',
  script: `${SANDBOX_BUNDLE_DIR}/tki-inside-snapshot.cjs`,
  blob: `${SANDBOX_BUNDLE_DIR}/tki-inside.blob`,
  record: `${SANDBOX_BUNDLE_DIR}/tki-inside.blob.json`,
} as const;

/**
 * The operator's CLI below its fail-closed entry (cli/tki.ts imports `./main.js` and nothing else):
 * the build replaces tsc's dist/cli/main.js with a bundle of itself, so `tki run` reads one file
 * before it starts the sandbox instead of ~50 modules, and the launcher's report validator (zod,
 * the inspector's renderers) loads from it too. The commands stay lazily evaluated inside it.
 */
export const OPERATOR_CLI_MAIN = 'dist/cli/main.js';

/** Where the operator CLI bundle's chunks land, beside it (split at its dynamic imports). */
export const OPERATOR_CLI_CHUNKS = 'main-chunks';
