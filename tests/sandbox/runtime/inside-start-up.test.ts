import { copyFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFlags } from '../../../cli/flags.js';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { INSIDE_SNAPSHOT, SANDBOX_BUNDLES } from '../../../sandbox/runtime/bundle-paths.js';
import { formatInsideStartUp, insideStartUp, snapshotFileIdentity, type InsideSnapshotRecord, type PlainStartReason } from '../../../sandbox/runtime/inside-snapshot.js';
import { packageRoot } from '../../../sandbox/runtime/package-root.js';
import { removeScratchDirs, runTki, scratchDir } from '../helpers/cli.js';
import { writePacketDir } from '../helpers/packet.js';

/**
 * Why a run starts from the plain bundle, as data (`tki run --verbose` prints it): each way a
 * record stops matching is named, and the line says how to rebuild where a rebuild helps.
 */
const root = packageRoot();
const hostNode = realpathSync(process.execPath);

afterAll(removeScratchDirs);

/** A package root holding copies of the build's bundle and blob, with `record` beside them. */
function fakeRoot(record: (built: InsideSnapshotRecord, bundle: InsideSnapshotRecord['bundle']) => InsideSnapshotRecord | undefined): string {
  const fake = scratchDir('start-up');
  mkdirSync(join(fake, 'dist', 'sandbox', 'bundle'), { recursive: true });
  copyFileSync(join(root, INSIDE_SNAPSHOT.blob), join(fake, INSIDE_SNAPSHOT.blob));
  copyFileSync(join(root, SANDBOX_BUNDLES.inspect), join(fake, SANDBOX_BUNDLES.inspect));
  const built = JSON.parse(readFileSync(join(root, INSIDE_SNAPSHOT.record), 'utf8')) as InsideSnapshotRecord;
  const written = record(built, snapshotFileIdentity(join(fake, SANDBOX_BUNDLES.inspect)));
  if (written !== undefined) writeFileSync(join(fake, INSIDE_SNAPSHOT.record), JSON.stringify(written));
  return fake;
}

describe('insideStartUp names why the snapshot is not used', () => {
  it('the matching record starts from the snapshot, built by this node', () => {
    const fake = fakeRoot((built, bundle) => ({ ...built, bundle }));
    expect(insideStartUp(fake, DEFAULT_PROFILE, hostNode)).toEqual({ mode: 'snapshot', node: process.version });
    expect(insideStartUp(root, DEFAULT_PROFILE, hostNode), `${INSIDE_SNAPSHOT.record} is missing or stale: run \`npm run build\``).toEqual({ mode: 'snapshot', node: process.version });
  });

  const cases: ReadonlyArray<readonly [PlainStartReason, (built: InsideSnapshotRecord, bundle: InsideSnapshotRecord['bundle']) => InsideSnapshotRecord | undefined]> = [
    ['snapshot/absent', () => undefined],
    ['snapshot/flags_differ', (built, bundle) => ({ ...built, bundle, v8Flags: [...built.v8Flags, '--max-semi-space-size=1'] })],
    ['snapshot/bundle_changed', (built, bundle) => ({ ...built, bundle: { ...bundle, bytes: bundle.bytes + 1 } })],
    ['snapshot/blob_changed', (built, bundle) => ({ ...built, bundle, blobBytes: built.blobBytes + 1 })],
    // A node upgraded after install: same path, another binary.
    ['snapshot/node_changed', (built, bundle) => ({ ...built, bundle, node: { ...built.node, mtimeMs: built.node.mtimeMs + 1 } })],
    ['snapshot/node_changed', (built, bundle) => ({ ...built, bundle, node: { ...built.node, version: 'v22.0.0' } })],
  ];
  for (const [reason, record] of cases) {
    it(reason, () => {
      expect(insideStartUp(fakeRoot(record), DEFAULT_PROFILE, hostNode)).toEqual({ mode: 'bundle', reason });
    });
  }

  it('a memory ceiling of the operator changes the heap flag: flags_differ, with no rebuild hint (a rebuild would not help)', () => {
    const profile = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, memoryMiB: 1024 } };
    const startUp = insideStartUp(root, profile, hostNode);
    expect(startUp).toEqual({ mode: 'bundle', reason: 'snapshot/flags_differ' });
    expect(formatInsideStartUp(startUp)).not.toContain('rebuild');
  });

  it('formats one line, with the way back where one exists', () => {
    expect(formatInsideStartUp({ mode: 'snapshot', node: 'v20.20.2' })).toBe(`start-up: snapshot (${INSIDE_SNAPSHOT.blob}, built by node v20.20.2)`);
    for (const reason of ['snapshot/absent', 'snapshot/node_changed', 'snapshot/blob_changed', 'snapshot/bundle_changed'] as const) {
      const line = formatInsideStartUp({ mode: 'bundle', reason });
      expect(line).toMatch(/^start-up: plain bundle, slower to start: .+; rebuild it with `tki rebuild-snapshot`$/);
      expect(line).not.toContain('\n');
    }
  });
});

describe('tki run --verbose', () => {
  it('is a switch: no value, and a value is refused in one line', () => {
    const spec = { command: 'run', positionals: ['<packet>'], required: ['out'], optional: ['engine'], switches: ['verbose'] };
    const parsed = parseFlags(['p', '--verbose', '--out', 'o'], spec);
    expect(parsed.ok && [...parsed.switches]).toEqual(['verbose']);
    expect(parsed.ok && parsed.flags).toEqual({ out: 'o' });
    const quiet = parseFlags(['p', '--out', 'o'], spec);
    expect(quiet.ok && [...quiet.switches]).toEqual([]);
    expect(parseFlags(['p', '--verbose=yes', '--out', 'o'], spec)).toEqual({ ok: false, line: "tki run: --verbose takes no value; run 'tki run --help' for usage" });
  });

  it('says on stderr that the source build starts from its snapshot, and the run reaches its verdict', () => {
    const dir = scratchDir('verbose-run');
    const run = runTki(['run', writePacketDir(join(dir, 'packet')), '--out', join(dir, 'out'), '--verbose']);
    expect(run.stderr).toBe(`tki run: start-up: snapshot (${INSIDE_SNAPSHOT.blob}, built by node ${process.version})\n`);
    expect([1, 2]).toContain(run.status);
  });
});
