import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { compileInspectorV8Flags } from '../engines/node-flags.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { INSIDE_SNAPSHOT, SANDBOX_BUNDLES } from './bundle-paths.js';
import { snapshotFileIdentity, snapshotNodeIdentity, type InsideSnapshotRecord } from './inside-snapshot.js';

export type SnapshotBlobError =
  | { readonly code: 'snapshot/no_script'; readonly script: string }
  | { readonly code: 'snapshot/node_failed'; readonly status: string; readonly errorLine: string }
  | { readonly code: 'snapshot/write_failed'; readonly message: string };

export function formatSnapshotBlobError(error: SnapshotBlobError): string {
  switch (error.code) {
    case 'snapshot/no_script':
      return `${error.script} is missing`;
    case 'snapshot/node_failed':
      return `node exited ${error.status}${error.errorLine === '' ? '' : `: ${error.errorLine}`}`;
    case 'snapshot/write_failed':
      return error.message;
  }
}

/**
 * The one line a build ends with, for the install script and `tki rebuild-snapshot` (`prefix` is
 * theirs): what was built, or why not, what runs instead and how to retry.
 */
export function snapshotBuildLine(prefix: string, built: ReturnType<typeof buildInsideSnapshotBlob> | { ok: false; problem: string }): string {
  if (built.ok) return `${prefix}: start-up snapshot built for node ${built.record.node.version} (${INSIDE_SNAPSHOT.blob})`;
  const problem = 'problem' in built ? built.problem : formatSnapshotBlobError(built.error);
  return `${prefix}: start-up snapshot not built (${problem}): tki runs the inspector from the plain bundle, slower to start; retry with \`tki rebuild-snapshot\``;
}

/** node's error line (`Error: …`) out of its stderr: not the stack frames under it, nor its version footer. */
function errorLineOf(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('Node.js v'));
  return lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines.at(-1) ?? '';
}

/** Written first, renamed over the blob: a run reading the blob meanwhile sees the old one whole, or none. */
const BUILDING_SUFFIX = '.building';

/**
 * The blob from the bundled snapshot script (INSIDE_SNAPSHOT.script), built by the node running
 * this (whose identity the record keeps): at `npm run build` the build's, at install
 * (install-snapshot.ts) the user's, the one `tki run` then runs. Needs node alone: no bundler, no compiler, no network. node runs the script under
 * the inspector's V8 flags (V8 refuses a blob built under others) and writes the heap. The script
 * is its standard input and the blob is named relative to its directory: node keeps its arguments
 * and the entry's file name in the heap, and neither then names a host directory (the blob is
 * copied into every sandbox). The record says which node and which flags the blob needs and which
 * plain bundle it stands beside; the launcher checks it at each run (inside-snapshot.ts). The
 * record is removed first and written last: no record ever vouches for a blob this call did not make.
 */
export function buildInsideSnapshotBlob(root: string): { ok: true; record: InsideSnapshotRecord } | { ok: false; error: SnapshotBlobError } {
  const script = join(root, INSIDE_SNAPSHOT.script);
  const blob = join(root, INSIDE_SNAPSHOT.blob);
  const building = `${blob}${BUILDING_SUFFIX}`;
  const record = join(root, INSIDE_SNAPSHOT.record);
  try {
    rmSync(record, { force: true });
    rmSync(building, { force: true });
  } catch (error) {
    return { ok: false, error: { code: 'snapshot/write_failed', message: error instanceof Error ? error.message : String(error) } };
  }
  let input: number;
  try {
    // The script as node's standard input (a file, not a pipe: node reads the entry by its name).
    input = openSync(script, 'r');
  } catch {
    return { ok: false, error: { code: 'snapshot/no_script', script: INSIDE_SNAPSHOT.script } };
  }
  const v8Flags = compileInspectorV8Flags(DEFAULT_PROFILE);
  let built: ReturnType<typeof spawnSync>;
  try {
    built = spawnSync(process.execPath, [...v8Flags, '--snapshot-blob', basename(building), '--build-snapshot', '/dev/stdin'], { cwd: dirname(blob), env: {}, stdio: [input, 'ignore', 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(input);
  }
  if (built.status !== 0) {
    rmSync(building, { force: true });
    return { ok: false, error: { code: 'snapshot/node_failed', status: String(built.status ?? built.signal ?? built.error?.message), errorLine: errorLineOf(String(built.stderr ?? built.error?.message ?? '')) } };
  }
  try {
    // 0644 whatever the umask: the launcher starts only from a blob no other user may write (inside-snapshot.ts).
    chmodSync(building, 0o644);
    renameSync(building, blob);
    const contents: InsideSnapshotRecord = { node: snapshotNodeIdentity(realpathSync(process.execPath)), v8Flags, blobBytes: statSync(blob).size, bundle: snapshotFileIdentity(join(root, SANDBOX_BUNDLES.inspect)) };
    writeFileSync(record, `${JSON.stringify(contents)}\n`, { mode: 0o644 });
    chmodSync(record, 0o644);
    return { ok: true, record: contents };
  } catch (error) {
    return { ok: false, error: { code: 'snapshot/write_failed', message: error instanceof Error ? error.message : String(error) } };
  }
}
