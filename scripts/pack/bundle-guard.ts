import { build, type Plugin } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Build step (`npm run build`, after tsc): the `tki-guard` bin's modules as one bundle. Node's ES
 * module loader resolves, reads, compiles and links each of the ~190 modules a run loads on its
 * own: ≈ 0.3 CPU-s of a one-file-edit run of ≈ 1.3 (issue #11, docs/benchmarks.md session 20).
 * tsc's dist/guard/cli-main.js is replaced by a bundle of itself; dist/guard/cli.js, which loads
 * TypeScript through require() and V8's code cache first (guard/load/typescript-shim.cts), stays
 * tsc's and imports it. The bundle is split at its dynamic imports, as the modules were: a run
 * compiles only what its command needs, and npm packages (zod, dependency-cruiser, ts-morph)
 * load only where they did. Chunks lie beside the entry in dist/guard/ (guard/own-files.ts names
 * the guard's own files from there). The modules tsc emitted stay in dist/ and ship too: the
 * analysis threads run them, and the saved resolutions and kept search results are keyed by them.
 */
const ENTRY = 'dist/guard/cli-main.js';
const CHUNK_PREFIX = 'cli-main-chunk-';
const BANNER = "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);";

/**
 * `policy/typescript.cjs` is one line, `export = require('typescript')`. Bundled as CommonJS, each
 * of the ~120 modules that import it would copy TypeScript's ~2,200 exports onto a namespace of
 * getters of its own (esbuild's `__toESM`) and reach every `ts.*` through one; as this ES module
 * each takes the instance itself, the one the bin already loaded (same file, same require cache).
 */
const TYPESCRIPT_AS_INSTANCE: Plugin = {
  name: 'typescript-as-instance',
  setup(build) {
    build.onResolve({ filter: /(?:^|\/)typescript\.cjs$/ }, (args) => (resolve(args.resolveDir, args.path) === join(build.initialOptions.absWorkingDir ?? '', 'dist/policy/typescript.cjs') ? { path: 'typescript', namespace: 'typescript-as-instance' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'typescript-as-instance' }, () => ({
      contents: "import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('typescript');\n",
      loader: 'js',
    }));
  },
};

export async function bundleGuard(root: string): Promise<void> {
  const directory = join(root, 'dist/guard');
  // The entry is replaced in place: bundling it again would read a bundle whose chunks are deleted below.
  if (readFileSync(join(root, ENTRY), 'utf8').startsWith(BANNER)) throw new Error(`${ENTRY} is already a bundle: run tsc first (npm run build)`);
  // Chunk names carry a content hash: last build's would otherwise pile up beside the new ones.
  for (const name of readdirSync(directory).filter((entry) => entry.startsWith(CHUNK_PREFIX))) rmSync(join(directory, name));
  await build({
    absWorkingDir: root,
    entryPoints: { 'cli-main': join(root, ENTRY) },
    outdir: directory,
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    chunkNames: `${CHUNK_PREFIX}[hash]`,
    format: 'esm',
    platform: 'node',
    // node20.19, the engines' floor: esbuild keeps the import attribute of the confusables' JSON module from there.
    target: 'node20.19',
    packages: 'external',
    // Bundled CommonJS (guard/load/*.cts) calls require(); an ES module has none of its own.
    banner: { js: BANNER },
    plugins: [TYPESCRIPT_AS_INSTANCE],
    // Not minified: a stack trace must stay readable.
    logLevel: 'warning',
    legalComments: 'eof',
  });
}
