import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, inspectInSandbox } from '../../sandbox/index.js';
import { compileInspectorV8Flags, compileNodeFlags } from '../../sandbox/engines/node-flags.js';
import { INSIDE_SNAPSHOT, SANDBOX_BUNDLES } from '../../sandbox/runtime/bundle-paths.js';
import { insideSnapshotArgs, insideSnapshotUsable, snapshotFileIdentity, type InsideSnapshotRecord } from '../../sandbox/runtime/inside-snapshot.js';
import { packageRoot } from '../../sandbox/runtime/package-root.js';
import { listFiles, removeScratchDirs, scratchDir } from './helpers/cli.js';
import { requireEngine } from './helpers/engines.js';
import { writePacketDir } from './helpers/packet.js';

/**
 * `tki inspect` starts inside from the build's V8 start-up snapshot (cli/tki-inside-snapshot.ts,
 * sandbox/runtime/inside-snapshot*.ts): the same program as the plain bundle, used only when the
 * run's node and V8 flags are the ones it was built with, carrying no host path of the build, and
 * keeping the code-generation ban after deserialization.
 */
const root = packageRoot();
const hostNode = realpathSync(process.execPath);
const bundle = join(root, SANDBOX_BUNDLES.inspect);
const blob = join(root, INSIDE_SNAPSHOT.blob);

function runInside(startArgs: readonly string[], args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...compileNodeFlags(DEFAULT_PROFILE), ...startArgs, bundle, ...args], { encoding: 'utf8', env: {}, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(removeScratchDirs);

describe('the inspector start-up snapshot is chosen only where node would accept it', () => {
  it('the build made it with this node under the default profile\'s V8 flags', () => {
    expect(insideSnapshotUsable(root, DEFAULT_PROFILE, hostNode), `${INSIDE_SNAPSHOT.record} is missing or stale: run \`npm run build\``).toBe(true);
    expect(insideSnapshotArgs(true, DEFAULT_PROFILE.runtimeRoot)).toEqual(['--snapshot-blob', `/opt/tki/${INSIDE_SNAPSHOT.blob}`]);
    expect(insideSnapshotArgs(false, DEFAULT_PROFILE.runtimeRoot)).toEqual([]);
  });

  it('an operator memory ceiling changes --max-old-space-size, which V8 checks: the plain bundle runs', () => {
    const profile = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, memoryMiB: DEFAULT_PROFILE.limits.memoryMiB / 2 } };
    expect(compileInspectorV8Flags(profile)).not.toEqual(compileInspectorV8Flags(DEFAULT_PROFILE));
    expect(insideSnapshotUsable(root, profile, hostNode)).toBe(false);
  });

  it('a record from another node, a blob of another size, or a bundle replaced since the build is not trusted', () => {
    const fake = scratchDir('snapshot-record');
    mkdirSync(join(fake, 'dist', 'sandbox', 'bundle'), { recursive: true });
    copyFileSync(blob, join(fake, INSIDE_SNAPSHOT.blob));
    copyFileSync(bundle, join(fake, SANDBOX_BUNDLES.inspect));
    // The build's record, for this copy of the bundle.
    const built = JSON.parse(readFileSync(join(root, INSIDE_SNAPSHOT.record), 'utf8')) as InsideSnapshotRecord;
    const record: InsideSnapshotRecord = { ...built, bundle: snapshotFileIdentity(join(fake, SANDBOX_BUNDLES.inspect)) };
    const variants: InsideSnapshotRecord[] = [
      { ...record, node: { ...record.node, version: 'v20.0.0' } },
      { ...record, node: { ...record.node, mtimeMs: record.node.mtimeMs + 1 } },
      { ...record, blobBytes: record.blobBytes + 1 },
      // A patched or wrapped tki-inside.js (the red-team harnesses wrap it) is what runs, not the snapshot.
      { ...record, bundle: { ...record.bundle, bytes: record.bundle.bytes + 1 } },
      { ...record, bundle: { ...record.bundle, mtimeMs: record.bundle.mtimeMs - 1 } },
    ];
    for (const variant of variants) {
      writeFileSync(join(fake, INSIDE_SNAPSHOT.record), JSON.stringify(variant));
      expect(insideSnapshotUsable(fake, DEFAULT_PROFILE, hostNode)).toBe(false);
      // The same directory with the true record is accepted: the variant is what refused it.
      writeFileSync(join(fake, INSIDE_SNAPSHOT.record), JSON.stringify(record));
      expect(insideSnapshotUsable(fake, DEFAULT_PROFILE, hostNode)).toBe(true);
    }
  });
});

describe('the snapshot is the same program as the bundle', () => {
  it('answers --version and a usage error exactly as the plain bundle does, under the inspector\'s own flags', () => {
    for (const args of [['--version'], ['inspect', '--bogus'], ['attest']]) {
      const plain = runInside([], args);
      const fromSnapshot = runInside(['--snapshot-blob', blob], args);
      expect(fromSnapshot).toEqual(plain);
      expect(plain.status).toBe(3);
    }
  });

  it('names no host directory of the build (it is copied into every sandbox)', () => {
    const text = readFileSync(blob).toString('latin1');
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(text).not.toContain(root);
    expect(text).not.toContain(realpathSync(root));
  });

  it('node refuses it under other V8 flags (exit 14) rather than running with a mismatched heap', () => {
    const other = runInside(['--snapshot-blob', blob, '--max-old-space-size=64'], ['--version']);
    expect(other.status).toBe(14);
    expect(other.stderr).toMatch(/different V8 configurations/);
  });
});

describe('a snapshot built under the inspector\'s flags keeps the code-generation ban', () => {
  it('eval and new Function still throw in the deserialized main function', () => {
    const dir = scratchDir('snapshot-eval');
    writeFileSync(
      join(dir, 'entry.js'),
      `require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {
        const tries = [() => eval('1'), () => new Function('return 1')()];
        process.stdout.write(tries.map((attempt) => { try { attempt(); return 'ran'; } catch (error) { return error.constructor.name; } }).join(','));
      });`,
    );
    const flags = compileInspectorV8Flags(DEFAULT_PROFILE);
    const built = spawnSync(process.execPath, [...flags, '--snapshot-blob', join(dir, 'eval.blob'), '--build-snapshot', join(dir, 'entry.js')], { encoding: 'utf8', env: {} });
    expect(built.status, built.stderr).toBe(0);
    const ran = spawnSync(process.execPath, [...flags, '--snapshot-blob', join(dir, 'eval.blob'), 'x'], { encoding: 'utf8', env: {} });
    expect(ran.stdout).toBe('EvalError,EvalError');
  });
});

describe('tki run starts the inspector from it', () => {
  beforeAll(() => requireEngine('bwrap'));

  it('writes the three files with the default profile (snapshot) and with a memory override (plain bundle)', async () => {
    for (const profile of [DEFAULT_PROFILE, { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, memoryMiB: 1024 } }]) {
      const dir = scratchDir('snapshot-run');
      const out = join(dir, 'out');
      const run = await inspectInSandbox({ engine: 'bwrap', profile, packetPath: writePacketDir(join(dir, 'packet')), outputDir: out });
      if (!run.ok) throw new Error(run.line);
      expect(run.stderrLines).toEqual([]);
      expect([1, 2]).toContain(run.exitCode);
      expect(listFiles(out)).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
    }
  });
});
