import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileInspectorV8Flags } from '../engines/node-flags.js';
import type { SandboxProfile } from '../profile/types.js';
import { INSIDE_SNAPSHOT, SANDBOX_BUNDLES } from './bundle-paths.js';

/** Which node binary built the snapshot: V8 refuses a blob from another version or build. */
export interface SnapshotNodeIdentity {
  readonly version: string;
  readonly v8: string;
  readonly bytes: number;
  readonly mtimeMs: number;
}

/** Which file a run would otherwise load: the plain bundle, by size and mtime. */
export interface SnapshotFileIdentity {
  readonly bytes: number;
  readonly mtimeMs: number;
}

/** What inside-snapshot-build.ts records beside the blob. */
export interface InsideSnapshotRecord {
  readonly node: SnapshotNodeIdentity;
  readonly v8Flags: readonly string[];
  readonly blobBytes: number;
  /** The plain bundle the snapshot was built beside: one replaced since (a patched dist/) is what runs. */
  readonly bundle: SnapshotFileIdentity;
}

export function snapshotFileIdentity(path: string): SnapshotFileIdentity {
  const stats = statSync(path);
  return { bytes: stats.size, mtimeMs: stats.mtimeMs };
}

export function snapshotNodeIdentity(nodeBinary: string): SnapshotNodeIdentity {
  const stats = statSync(nodeBinary);
  return { version: process.version, v8: process.versions.v8, bytes: stats.size, mtimeMs: stats.mtimeMs };
}

function readRecord(root: string): InsideSnapshotRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(join(root, INSIDE_SNAPSHOT.record), 'utf8')) as Partial<InsideSnapshotRecord>;
    return value.node !== undefined && value.bundle !== undefined && Array.isArray(value.v8Flags) && typeof value.blobBytes === 'number' ? (value as InsideSnapshotRecord) : undefined;
  } catch {
    return undefined;
  }
}

function sameNode(a: SnapshotNodeIdentity, b: SnapshotNodeIdentity): boolean {
  return a.version === b.version && a.v8 === b.v8 && a.bytes === b.bytes && a.mtimeMs === b.mtimeMs;
}

/**
 * Whether this run can start `tki inspect` from the build's snapshot: the blob is there, as large
 * as recorded, built by the node binary the sandbox runs (`nodeBinary`, the host's real path) and
 * under the V8 flags this profile gives (an operator's memory ceiling changes
 * `--max-old-space-size`, which V8 checks), beside the plain bundle that is still there unchanged
 * (whoever replaced tki-inside.js since the build — a patch, a test harness — gets theirs run).
 * Anything else runs the plain bundle — the same program, only slower to start — never a
 * snapshot node would refuse (exit 14).
 */
export function insideSnapshotUsable(root: string, profile: SandboxProfile, nodeBinary: string): boolean {
  const record = readRecord(root);
  if (record === undefined) return false;
  const flags = compileInspectorV8Flags(profile);
  if (record.v8Flags.length !== flags.length || record.v8Flags.some((flag, index) => flag !== flags[index])) return false;
  try {
    const bundle = snapshotFileIdentity(join(root, SANDBOX_BUNDLES.inspect));
    if (bundle.bytes !== record.bundle.bytes || bundle.mtimeMs !== record.bundle.mtimeMs) return false;
    return statSync(join(root, INSIDE_SNAPSHOT.blob)).size === record.blobBytes && sameNode(record.node, snapshotNodeIdentity(nodeBinary));
  } catch {
    return false;
  }
}

/**
 * node's arguments before the entry: `--snapshot-blob <blob inside>` when usable. The entry stays
 * the bundle's path, which becomes process.argv[1] either way (the snapshot's main function finds
 * the addon from it).
 */
export function insideSnapshotArgs(usable: boolean, runtimeRoot: string): string[] {
  return usable ? ['--snapshot-blob', join(runtimeRoot, INSIDE_SNAPSHOT.blob)] : [];
}
