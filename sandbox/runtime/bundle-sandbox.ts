import { buildSync, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { OPERATOR_CLI_MAIN, SANDBOX_BUNDLE_DIR, SANDBOX_SOURCE_ENTRIES } from './bundle-paths.js';

/** One ESM file per entry; node's builtins stay imports. Not minified: a stack trace must stay readable. */
const COMMON: BuildOptions = { bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'eof' };

/**
 * Build step (after tsc): bundles what runs at every `tki run` (bundle-paths.ts) — the sandbox's
 * entries into dist/sandbox/bundle/, and the operator's CLI in place of dist/cli/main.js. Why:
 * node's ESM loader reads, compiles and links each module separately, and a run used to load ~50
 * modules in the launcher, ~80 more for its report validator and ~150 inside the sandbox — the
 * largest part of what the sandbox added to a run — and bwrap copied each inside file into its
 * tmpfs from a descriptor of its own. The bundles are the same emitted code (no second
 * implementation); every CLI and sandbox test runs through them. The seccomp addon is loaded by
 * `process.dlopen` from its fixed path at run time, not bundled.
 */
export function bundleForStartUp(root: string): void {
  buildSync({
    ...COMMON,
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(SANDBOX_SOURCE_ENTRIES).map(([name, path]) => [name, join(root, path)])),
    outdir: join(root, SANDBOX_BUNDLE_DIR),
  });
  buildSync({ ...COMMON, absWorkingDir: root, entryPoints: [join(root, OPERATOR_CLI_MAIN)], outfile: join(root, OPERATOR_CLI_MAIN), allowOverwrite: true });
}
