import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleForStartUp } from './bundle-sandbox.js';
import { OPERATOR_CLI_CHUNKS, OPERATOR_CLI_MAIN } from './bundle-paths.js';
import { buildInsideSnapshot } from './inside-snapshot-build.js';
import { packageRoot } from './package-root.js';
import { RUNTIME_FILES_FILE, RUNTIME_PACKAGES_FILE, runtimeFiles, runtimePackages, SANDBOX_ENTRIES } from './runtime-packages.js';

/**
 * Build step (`npm run build`, after tsc): bundles what every run loads (bundle-sandbox.ts), then
 * scans what the bundles import and records the npm packages (none, once bundled) and the files,
 * so that `tki run` hands in exactly those without scanning at every start.
 */
const root = packageRoot();
// Chunk names carry a content hash: last build's would otherwise pile up beside the new ones.
rmSync(join(root, dirname(OPERATOR_CLI_MAIN), OPERATOR_CLI_CHUNKS), { recursive: true, force: true });
await bundleForStartUp(root);
await buildInsideSnapshot(root);
const packages = runtimePackages(root, SANDBOX_ENTRIES.map((entry) => join(root, entry)));
writeFileSync(join(root, RUNTIME_PACKAGES_FILE), `${JSON.stringify(packages)}\n`);
// The files themselves, for bwrap's hand-in (engines/bwrap-hand-in.ts): only what node will load.
// (The inspector's start-up snapshot is handed in only to a run that names it: bwrap.ts.)
writeFileSync(join(root, RUNTIME_FILES_FILE), `${JSON.stringify(runtimeFiles(root, SANDBOX_ENTRIES.map((entry) => join(root, entry))))}\n`);
