import { readFileSync, statSync, type Stats } from 'node:fs';
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

/** Why a run starts from the plain bundle rather than the snapshot. */
export type PlainStartReason = 'snapshot/absent' | 'snapshot/unsafe_owner_or_mode' | 'snapshot/flags_differ' | 'snapshot/bundle_changed' | 'snapshot/blob_changed' | 'snapshot/node_changed';

/** How `tki inspect` starts inside, as the launcher decides it (and `tki run --verbose` says). */
export type InsideStartUp = { readonly mode: 'snapshot'; readonly node: string } | { readonly mode: 'bundle'; readonly reason: PlainStartReason };

const PLAIN_START_REASONS: Readonly<Record<PlainStartReason, string>> = {
  'snapshot/absent': 'no start-up snapshot was built (npm did not run tki\'s install script, or its build failed)',
  'snapshot/unsafe_owner_or_mode': 'the snapshot blob or its record has another owner than the plain bundle, or users other than its owner may write it',
  'snapshot/flags_differ': "the snapshot was built under other V8 flags than this run's (--memory changes the heap flag)",
  'snapshot/bundle_changed': 'the plain bundle was replaced since the snapshot was built',
  'snapshot/blob_changed': 'the snapshot blob is not the one its record describes',
  'snapshot/node_changed': 'the snapshot was built by another node binary (node upgraded or switched since install)',
};

/** The way back (cli/commands/rebuild-snapshot.ts): independent of whether npm runs install scripts. */
const REBUILD_HINT = 'rebuild it with `tki rebuild-snapshot`';

/** One line (after `tki run: `) for `--verbose`. */
export function formatInsideStartUp(startUp: InsideStartUp): string {
  if (startUp.mode === 'snapshot') return `start-up: snapshot (${INSIDE_SNAPSHOT.blob}, built by node ${startUp.node})`;
  const rebuild = startUp.reason === 'snapshot/flags_differ' ? '' : `; ${REBUILD_HINT}`;
  return `start-up: plain bundle, slower to start: ${PLAIN_START_REASONS[startUp.reason]}${rebuild}`;
}

/**
 * How this run starts `tki inspect`: from the snapshot when the blob is there, as large as
 * recorded, built by the node binary the sandbox runs (`nodeBinary`, the host's real path) and
 * under the V8 flags this profile gives (an operator's memory ceiling changes
 * `--max-old-space-size`, which V8 checks), beside the plain bundle that is still there unchanged
 * (whoever replaced tki-inside.js since the build — a patch, a test harness — gets theirs run).
 * Anything else runs the plain bundle — the same program, only slower to start — never a
 * snapshot node would refuse (exit 14).
 */
export function insideStartUp(root: string, profile: SandboxProfile, nodeBinary: string): InsideStartUp {
  const record = readRecord(root);
  if (record === undefined) return { mode: 'bundle', reason: 'snapshot/absent' };
  const flags = compileInspectorV8Flags(profile);
  if (record.v8Flags.length !== flags.length || record.v8Flags.some((flag, index) => flag !== flags[index])) return { mode: 'bundle', reason: 'snapshot/flags_differ' };
  const bundle = attempt(() => statSync(join(root, SANDBOX_BUNDLES.inspect)));
  if (bundle === undefined || bundle.size !== record.bundle.bytes || bundle.mtimeMs !== record.bundle.mtimeMs) return { mode: 'bundle', reason: 'snapshot/bundle_changed' };
  const blob = attempt(() => statSync(join(root, INSIDE_SNAPSHOT.blob)));
  if (blob === undefined || blob.size !== record.blobBytes) return { mode: 'bundle', reason: 'snapshot/blob_changed' };
  if (!asTrustedAs(blob, bundle) || !asTrustedAs(attempt(() => statSync(join(root, INSIDE_SNAPSHOT.record))), bundle)) return { mode: 'bundle', reason: 'snapshot/unsafe_owner_or_mode' };
  const host = attempt(() => snapshotNodeIdentity(nodeBinary));
  return host !== undefined && sameNode(record.node, host) ? { mode: 'snapshot', node: record.node.version } : { mode: 'bundle', reason: 'snapshot/node_changed' };
}

/**
 * The blob is code the inside runs, so it must be as hard to change as the plain bundle beside it:
 * the same owner, and writable by that owner only (red team round 9: `tki rebuild-snapshot` under
 * umask 000 left a 0666 blob that another user replaced, record and all, and root's next run
 * started from it). Whoever can write the bundle itself is out of reach (docs/sandbox.md).
 */
function asTrustedAs(file: Stats | undefined, bundle: Stats): boolean {
  return file !== undefined && file.uid === bundle.uid && (file.mode & 0o022) === 0;
}

/** A file that cannot be read (absent, unreadable) is the plain bundle's case, never an error. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Whether this run can start `tki inspect` from the snapshot (insideStartUp). */
export function insideSnapshotUsable(root: string, profile: SandboxProfile, nodeBinary: string): boolean {
  return insideStartUp(root, profile, nodeBinary).mode === 'snapshot';
}

/**
 * node's arguments before the entry: `--snapshot-blob <blob inside>` when usable. The entry stays
 * the bundle's path, which becomes process.argv[1] either way (the snapshot's main function finds
 * the addon from it).
 */
export function insideSnapshotArgs(usable: boolean, runtimeRoot: string): string[] {
  return usable ? ['--snapshot-blob', join(runtimeRoot, INSIDE_SNAPSHOT.blob)] : [];
}
