import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../sandbox/profile/default-profile.js';
import { INSIDE_SNAPSHOT } from '../../sandbox/runtime/bundle-paths.js';
import { insideStartUp, type InsideSnapshotRecord } from '../../sandbox/runtime/inside-snapshot.js';
import { layoutPackage } from '../../scripts/pack/layout.js';
import { INSTALL_SNAPSHOT_ENTRY, PACKAGES } from '../../scripts/pack/packages.js';

/**
 * The installed `tki` starts its inspector from a start-up snapshot built at install with the
 * user's node (its postinstall, sandbox/runtime/install-snapshot.ts): packed, installed with
 * `npm i <tarball>` into projects under /tmp (every dependency is inside the tarball, so npm runs
 * offline), then `tki run --verbose` on the packaged example says which start-up the launcher
 * chose and reaches the same verdict either way. With `--ignore-scripts` there is no blob and the
 * plain bundle runs; a failing build is one line and a successful install; `tki rebuild-snapshot` builds it.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-install-snapshot-'));
// Run as root, the sandbox reads the packet as nobody: the projects must be reachable (mkdtemp makes 0700).
chmodSync(work, 0o755);
const hostNode = realpathSync(process.execPath);
let tarball = '';

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  // Nothing of the repository's own npm run may leak into the user's shell.
  for (const name of Object.keys(env)) if (name.startsWith('npm_package_') || name.startsWith('npm_lifecycle_') || name === 'npm_config_local_prefix' || name === 'INIT_CWD') delete env[name];
  return env;
}

function run(command: string, args: readonly string[], cwd: string): Ran {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function installedProject(name: string, installFlags: readonly string[]): { project: string; tki: string } {
  const project = path.join(work, name);
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true })}\n`);
  const installed = run('npm', ['i', ...installFlags, tarball], project);
  expect({ status: installed.status, stderr: installed.status === 0 ? '' : installed.stderr }).toEqual({ status: 0, stderr: '' });
  return { project, tki: path.join(project, 'node_modules/tki') };
}

/** `tki run --verbose` on the example the package ships, as the README's operator command does. */
function verboseRun(project: string, out: string): Ran {
  return run(path.join(project, 'node_modules/.bin/tki'), ['run', 'node_modules/tki/examples/fix7-a', '--out', path.join(work, out), '--verbose'], project);
}

function expectVerdict(result: Ran, out: string): void {
  expect({ status: result.status, verdict: /^tki run: READ_LEVEL_FAIL \(exit 1\)/.test(result.stdout) }).toEqual({ status: 1, verdict: true });
  expect(JSON.parse(readFileSync(path.join(work, out, 'report.json'), 'utf8'))).toMatchObject({ final_verdict: 'READ_LEVEL_FAIL' });
}

beforeAll(() => {
  const spec = PACKAGES.find((candidate) => candidate.name === 'tki');
  if (spec === undefined) throw new Error('scripts/pack/packages.ts no longer defines the tki package');
  const laid = layoutPackage(root, spec, path.join(work, 'packages'));
  if (!laid.ok) throw new Error(`tki could not be laid out (run \`npm run build\` first): ${JSON.stringify(laid.error)}`);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', path.join(work, 'packages')], { cwd: laid.directory, encoding: 'utf8', env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, 'packages', packed[0]?.filename ?? '');
  const shipped = packed[0]?.files.map((file) => file.path) ?? [];
  // The script the blob is built from ships; the build's own blob and record never do (another node built them).
  expect(shipped).toEqual(expect.arrayContaining([INSIDE_SNAPSHOT.script, INSTALL_SNAPSHOT_ENTRY]));
  expect(shipped.filter((file) => file === INSIDE_SNAPSHOT.blob || file === INSIDE_SNAPSHOT.record)).toEqual([]);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed tki builds its start-up snapshot with the user\'s node', () => {
  it('npm i: the blob and a matching record are in the package, and tki run starts from it', { timeout: 900_000 }, () => {
    const { project, tki } = installedProject('with-scripts', []);
    const record = JSON.parse(readFileSync(path.join(tki, INSIDE_SNAPSHOT.record), 'utf8')) as InsideSnapshotRecord;
    expect(record.node.version).toBe(process.version);
    expect(insideStartUp(tki, DEFAULT_PROFILE, hostNode)).toEqual({ mode: 'snapshot', node: process.version });
    // Built in the user's project, it still names none of its directories (it is copied into every sandbox).
    expect(readFileSync(path.join(tki, INSIDE_SNAPSHOT.blob)).includes(Buffer.from(work))).toBe(false);
    const result = verboseRun(project, 'report-snapshot');
    expect(result.stderr).toBe(`tki run: start-up: snapshot (${INSIDE_SNAPSHOT.blob}, built by node ${process.version})\n`);
    expectVerdict(result, 'report-snapshot');
  });

  it('npm i --ignore-scripts: no blob, the plain bundle runs and says why; a failed build is one line; tki rebuild-snapshot builds it', { timeout: 900_000 }, () => {
    const { project, tki } = installedProject('ignore-scripts', ['--ignore-scripts']);
    expect([existsSync(path.join(tki, INSIDE_SNAPSHOT.blob)), existsSync(path.join(tki, INSIDE_SNAPSHOT.record))]).toEqual([false, false]);
    expect(insideStartUp(tki, DEFAULT_PROFILE, hostNode)).toEqual({ mode: 'bundle', reason: 'snapshot/absent' });
    const plain = verboseRun(project, 'report-plain');
    expect(plain.stderr).toBe("tki run: start-up: plain bundle, slower to start: no start-up snapshot was built (npm did not run tki's install script, or its build failed); rebuild it with `tki rebuild-snapshot`\n");
    expectVerdict(plain, 'report-plain');

    // The install script with a script node cannot build from: exit 0, one line, no record.
    const script = path.join(tki, INSIDE_SNAPSHOT.script);
    copyFileSync(script, `${script}.saved`);
    writeFileSync(script, "throw new Error('a broken snapshot script');\n");
    const failed = run(process.execPath, [INSTALL_SNAPSHOT_ENTRY], tki);
    copyFileSync(`${script}.saved`, script);
    rmSync(`${script}.saved`);
    expect({ status: failed.status, stdout: failed.stdout, lines: failed.stderr.trim().split('\n').length }).toEqual({ status: 0, stdout: '', lines: 1 });
    expect(failed.stderr).toMatch(/^tki postinstall: start-up snapshot not built \(node exited 1: .*a broken snapshot script.*\): tki runs the inspector from the plain bundle, slower to start; retry with `tki rebuild-snapshot`\n$/);
    expect(existsSync(path.join(tki, INSIDE_SNAPSHOT.record))).toBe(false);

    // The documented way back (after --ignore-scripts, an npm that skips install scripts, or a node upgrade).
    const rebuilt = run(path.join(project, 'node_modules/.bin/tki'), ['rebuild-snapshot'], project);
    expect(rebuilt).toEqual({ status: 2, stdout: `tki rebuild-snapshot: start-up snapshot built for node ${process.version} (${INSIDE_SNAPSHOT.blob})\n`, stderr: '' });
    expect(insideStartUp(tki, DEFAULT_PROFILE, hostNode)).toEqual({ mode: 'snapshot', node: process.version });
  });
});
