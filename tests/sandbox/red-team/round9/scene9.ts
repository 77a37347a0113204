import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, type Operator } from '../run-driver.js';
import { descendants, newScene, tkiArgv, type Scene } from '../round6/scene6.js';

const here = path.dirname(new URL(import.meta.url).pathname);
export const NOBODY = 65534;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Round 6's scene (the compromised package, fix7-a's genuine triplet under r/), with evil9.mjs as the inside. */
export function newScene9(): Scene {
  const scene = newScene();
  copyFileSync(path.join(here, 'evil9.mjs'), path.join(scene.evilPacket, 'evil.mjs'));
  chmodSync(path.join(scene.evilPacket, 'evil.mjs'), 0o644);
  return scene;
}

export interface Ran {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly written: string[];
}

let counter = 0;
export function freshOut(scene: Scene, label: string): string {
  return path.join(scene.base, 'outs', `r9-${label}-${String(counter++)}`);
}

function listDir(dir: string): string[] {
  try { return readdirSync(dir).sort(); } catch { return []; }
}

/** `tki <args>` of a package (the unmodified one by default) as `operator`, bounded, stdout to `stdoutTo` if given. */
export function runTki(scene: Scene, args: readonly string[], opts: { operator?: Operator; pkg?: string; env?: Record<string, string>; timeoutMs?: number; out?: string; shell?: string } = {}): Ran {
  const argv = tkiArgv(scene, opts.operator ?? 'root', args, opts.pkg ?? repoRoot);
  const started = Date.now();
  const r = opts.shell === undefined
    ? spawnSync(argv[0] ?? '', argv.slice(1), { cwd: '/', encoding: 'utf8', timeout: opts.timeoutMs ?? 180_000, killSignal: 'SIGKILL', env: { ...process.env, ...opts.env }, maxBuffer: 16 * 1024 * 1024 })
    : spawnSync('sh', ['-c', `${opts.shell} "$@"`, 'sh', ...argv], { cwd: '/', encoding: 'utf8', timeout: opts.timeoutMs ?? 180_000, killSignal: 'SIGKILL', env: { ...process.env, ...opts.env } });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started, written: opts.out === undefined ? [] : listDir(opts.out) };
}

/** Every line tki printed, stdout then stderr, without empty ones. */
export function printedLines(r: { stdout: string; stderr: string }): string[] {
  return [...r.stdout.split('\n'), ...r.stderr.split('\n')].filter((l) => l.length > 0);
}

export const noStack = (r: { stdout: string; stderr: string }): boolean => !/\n\s+at /.test(`${r.stdout}\n${r.stderr}`);

/** Inodes of the TCP sockets `pid` holds that are LISTENing (state 0A in /proc/net/tcp{,6}). */
export function listeningSockets(pid: number): string[] {
  const held = new Set<string>();
  for (const fd of listDir(`/proc/${String(pid)}/fd`)) {
    try { const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${String(pid)}/fd/${fd}`)); if (m?.[1] !== undefined) held.add(m[1]); } catch { /* closed meanwhile */ }
  }
  const listening: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = row.trim().split(/\s+/);
      if (f[3] === '0A' && f[9] !== undefined && held.has(f[9])) listening.push(`${f[1] ?? ''} inode ${f[9]}`);
    }
  }
  return listening;
}

/**
 * The compromised package's `tki run` in the background with its own TMPDIR, the inside playing `mode`
 * (end-then-hang keeps it running); resolves once the inside's node exists.
 */
export async function startLongRun(scene: Scene, mode: string, timeoutSeconds: number): Promise<{ child: ReturnType<typeof spawn>; tmp: string; out: string; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> }> {
  writeFileSync(path.join(scene.evilPacket, 'evil-mode.txt'), `${mode}\n`);
  const tmp = mkdtempSync(path.join(scene.base, 'tmp-'));
  chmodSync(tmp, 0o755);
  const out = freshOut(scene, mode);
  const child = spawn(process.execPath, [path.join(scene.pkg, 'dist/cli/tki.js'), 'run', scene.evilPacket, '--out', out, '--timeout', String(timeoutSeconds)], { cwd: '/', env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  for (let i = 0; i < 200 && !descendants(child.pid ?? 0).some((p) => p.cmd.startsWith('/opt/tki/bin/node')); i++) await sleep(100);
  return { child, tmp, out, done };
}

/** A copy of this package whose dist/ (copied, not linked) has no snapshot yet: the rebuild writes its own. */
export function snapshotPackage(scene: Scene): string {
  const pkg = path.join(scene.base, 'snap-pkg');
  mkdirSync(pkg);
  cpSync(path.join(repoRoot, 'dist'), path.join(pkg, 'dist'), { recursive: true, preserveTimestamps: true });
  copyFileSync(path.join(repoRoot, 'package.json'), path.join(pkg, 'package.json'));
  const native = path.join('sandbox', 'native', 'build', 'Release');
  mkdirSync(path.join(pkg, native), { recursive: true });
  for (const built of ['tki_seccomp.node', 'tki-enter-cgroup']) cpSync(path.join(repoRoot, native, built), path.join(pkg, native, built), { preserveTimestamps: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(pkg, 'node_modules'));
  for (const f of ['tki-inside.blob', 'tki-inside.blob.json']) spawnSync('rm', ['-f', path.join(pkg, 'dist/sandbox/bundle', f)]);
  spawnSync('chmod', ['-R', 'go-w', pkg]);
  return pkg;
}

// What uid 65534 builds and writes over a world-writable blob: a snapshot whose main function only says so.
const PLANTED = `const v8 = require('node:v8');
const fs = require('node:fs');
v8.startupSnapshot.setDeserializeMainFunction(() => { fs.writeSync(2, 'RT9 planted snapshot ran as the inspector\\n'); process.exit(1); });
`;
const PLANT = `set -e
node $FLAGS --snapshot-blob "$W/planted.blob" --build-snapshot "$W/planted.cjs"
cat "$W/planted.blob" > "$B/tki-inside.blob"
node -e 'const fs=require("fs");const r=JSON.parse(fs.readFileSync(process.argv[1]));r.blobBytes=fs.statSync(process.argv[2]).size;fs.writeFileSync(process.argv[1],JSON.stringify(r))' "$B/tki-inside.blob.json" "$B/tki-inside.blob"
`;

/** uid 65534 tries to replace the blob and its record with its own snapshot (same V8 flags as the record). */
export function plantSnapshot(scene: Scene, pkg: string): { status: number | null; stderr: string } {
  const work = mkdtempSync(path.join(scene.base, 'plant-'));
  chmodSync(work, 0o777);
  writeFileSync(path.join(work, 'planted.cjs'), PLANTED, { mode: 0o644 });
  const bundle = path.join(pkg, 'dist/sandbox/bundle');
  const record = JSON.parse(readFileSync(path.join(bundle, 'tki-inside.blob.json'), 'utf8')) as { v8Flags: string[] };
  const r = spawnSync('setpriv', [`--reuid=${String(NOBODY)}`, `--regid=${String(NOBODY)}`, '--clear-groups', 'sh', '-c', PLANT], { cwd: work, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', W: work, B: bundle, FLAGS: record.v8Flags.join(' ') } });
  return { status: r.status, stderr: (r.stderr ?? '').slice(0, 300) };
}

export function engineDirsLeft(tmp: string): string[] {
  return existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('tki-')) : [];
}

/**
 * Kills the sandbox processes (bwrap, the inside's node) this audit started with `--wall-clock <seconds>`
 * (values no other run uses) that outlived their launcher; returns what it found.
 */
export function killSandboxesWithWallClock(seconds: string): string[] {
  const found: string[] = [];
  for (const name of listDir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const at = argv.indexOf('--wall-clock');
      if (at < 0 || argv[at + 1] !== seconds) continue;
      found.push(`${name} ${(argv[0] ?? '').slice(0, 40)}`);
      process.kill(Number(name), 'SIGKILL');
    } catch { /* gone meanwhile */ }
  }
  return found;
}
