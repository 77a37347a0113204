import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ZOD_ENGLISH_ONLY } from './bundle-sandbox.js';
import { INSIDE_SNAPSHOT } from './bundle-paths.js';
import { buildInsideSnapshotBlob, formatSnapshotBlobError } from './inside-snapshot-blob.js';

/**
 * Build step (after the bundles): `tki inspect` as a V8 start-up snapshot. The entry
 * (cli/tki-inside-snapshot.ts) is bundled as one CommonJS script — node builds a snapshot from a
 * script, not from ES modules; `import.meta.url`, which only the addon loader reads, becomes a
 * global the snapshot's main function sets — and the blob is built from it
 * (inside-snapshot-blob.ts). The packed `tki` ships the script and builds the blob at install with
 * the user's node, through the same function (install-snapshot.ts).
 */
export async function buildInsideSnapshot(root: string): Promise<void> {
  // A stale record must never vouch for a blob this build did not make (nor for a new script).
  rmSync(join(root, INSIDE_SNAPSHOT.record), { force: true });
  await build({
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'eof',
    plugins: [ZOD_ENGLISH_ONLY],
    absWorkingDir: root,
    entryPoints: [join(root, INSIDE_SNAPSHOT.entry)],
    outfile: join(root, INSIDE_SNAPSHOT.script),
    define: { 'import.meta.url': 'globalThis.tkiSnapshotEntryUrl' },
  });
  const built = buildInsideSnapshotBlob(root);
  if (!built.ok) throw new Error(`the inspector's start-up snapshot could not be built: ${formatSnapshotBlobError(built.error)}`);
}
