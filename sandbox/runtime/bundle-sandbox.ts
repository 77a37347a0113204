import { build, type BuildOptions, type Plugin } from 'esbuild';
import { dirname, join } from 'node:path';
import { OPERATOR_CLI_CHUNKS, OPERATOR_CLI_MAIN, SANDBOX_BUNDLE_DIR, SANDBOX_SOURCE_ENTRIES } from './bundle-paths.js';

/**
 * zod's namespace re-exports its ~50 message locales (`z.locales`), ~400 KB of the 1.25 MB bundle
 * that node inside must read and pre-parse at every run; tki sets none (English is zod's default,
 * imported by its schemas directly). The bundles get a `locales` module with English alone.
 */
export const ZOD_ENGLISH_ONLY: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-english-only' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};\n`, loader: 'js', resolveDir: dirname(args.path) }));
  },
};

/** One ESM file per entry; node's builtins stay imports. Not minified: a stack trace must stay readable. */
const COMMON: BuildOptions = { bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'eof', plugins: [ZOD_ENGLISH_ONLY] };

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
export async function bundleForStartUp(root: string): Promise<void> {
  await build({
    ...COMMON,
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(SANDBOX_SOURCE_ENTRIES).map(([name, path]) => [name, join(root, path)])),
    outdir: join(root, SANDBOX_BUNDLE_DIR),
  });
  // The operator's CLI is split at its dynamic imports: `tki run` compiles only what it needs before
  // bwrap starts (the launcher), and the report validator and writer (zod, the inspector's renderers,
  // the text normalizer: most of the bytes) come from a chunk it loads once the sandbox is running.
  // (The caller empties the chunk directory first: chunk names carry a content hash.)
  await build({ ...COMMON, absWorkingDir: root, entryPoints: { main: join(root, OPERATOR_CLI_MAIN) }, outdir: join(root, dirname(OPERATOR_CLI_MAIN)), splitting: true, chunkNames: `${OPERATOR_CLI_CHUNKS}/[name]-[hash]`, allowOverwrite: true });
}
