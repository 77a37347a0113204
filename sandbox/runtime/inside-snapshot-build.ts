import { spawnSync } from 'node:child_process';
import { closeSync, openSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { compileInspectorV8Flags } from '../engines/node-flags.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { ZOD_ENGLISH_ONLY } from './bundle-sandbox.js';
import { INSIDE_SNAPSHOT, SANDBOX_BUNDLES } from './bundle-paths.js';
import { snapshotFileIdentity, snapshotNodeIdentity, type InsideSnapshotRecord } from './inside-snapshot.js';

/**
 * Build step (after the bundles): `tki inspect` as a V8 start-up snapshot. The entry
 * (cli/tki-inside-snapshot.ts) is bundled as one CommonJS script — node builds a snapshot from a
 * script, not from ES modules; `import.meta.url`, which only the addon loader reads, becomes a
 * global the snapshot's main function sets — and node runs it under the inspector's V8 flags and
 * writes the heap to the blob. The script is read from standard input and the blob named relative
 * to its directory: node keeps its arguments and the entry's file name in the heap, and neither then
 * names a host directory (the blob is copied into every sandbox).
 * The record says which node and which flags the blob needs; the launcher checks it at each run.
 */
export async function buildInsideSnapshot(root: string): Promise<void> {
  const script = join(root, INSIDE_SNAPSHOT.script);
  const blob = join(root, INSIDE_SNAPSHOT.blob);
  const record = join(root, INSIDE_SNAPSHOT.record);
  // A stale record must never vouch for a blob this build did not make.
  rmSync(record, { force: true });
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
    outfile: script,
    define: { 'import.meta.url': 'globalThis.tkiSnapshotEntryUrl' },
  });
  const v8Flags = compileInspectorV8Flags(DEFAULT_PROFILE);
  // The script as node's standard input (a file, not a pipe: node reads the entry by its name).
  const input = openSync(script, 'r');
  let built: ReturnType<typeof spawnSync>;
  try {
    // Relative to its directory: node keeps its own arguments in the heap too.
    built = spawnSync(process.execPath, [...v8Flags, '--snapshot-blob', basename(blob), '--build-snapshot', '/dev/stdin'], { cwd: dirname(blob), env: {}, stdio: [input, 'ignore', 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(input);
  }
  if (built.status !== 0) throw new Error(`the inspector's start-up snapshot could not be built (node exited ${built.status ?? built.signal}): ${String(built.stderr).trim().split('\n').slice(-1)[0] ?? ''}`);
  const contents: InsideSnapshotRecord = { node: snapshotNodeIdentity(realpathSync(process.execPath)), v8Flags, blobBytes: statSync(blob).size, bundle: snapshotFileIdentity(join(root, SANDBOX_BUNDLES.inspect)) };
  writeFileSync(record, `${JSON.stringify(contents)}\n`);
}
