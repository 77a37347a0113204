import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, type Operator } from '../run-driver.js';
import { newScene, tkiArgv, type RunOutcome, type Scene } from '../round6/scene6.js';

const here = path.dirname(new URL(import.meta.url).pathname);
export const NOBODY = 65534;

/** Round 6's scene (the compromised package, fix7-a's genuine triplet under r/), with evil7.mjs as the inside. */
export function newScene7(): Scene {
  const scene = newScene();
  copyFileSync(path.join(here, 'evil7.mjs'), path.join(scene.evilPacket, 'evil.mjs'));
  spawnSync('chmod', ['a+r', path.join(scene.evilPacket, 'evil.mjs')]);
  return scene;
}

/** A fresh copy of fix7-a under the scene, world-readable, owned by `owner` (the packet's author). */
export function packetCopy(scene: Scene, label: string, owner: number | null = null): string {
  const dir = mkdtempSync(path.join(scene.base, `${label}-`));
  const packet = path.join(dir, 'pk');
  cpSync(scene.plainPacket, packet, { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  if (owner !== null) spawnSync('chown', ['-R', `${String(owner)}:${String(owner)}`, dir]);
  return packet;
}

let outCounter = 0;
/** An --out path the operator may create (scene.base/outs is uid 65534's, 0755). */
export function freshOut(scene: Scene, label: string): string {
  return path.join(scene.base, 'outs', `${label}-${String(outCounter++)}`);
}

/** `tki run` (the unmodified package) with a hard timeout: a launcher that hangs shows as signal SIGKILL. */
export function runBounded(scene: Scene, packet: string, out: string, opts: { operator?: Operator; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): RunOutcome & { ms: number } {
  const argv = tkiArgv(scene, opts.operator ?? 'root', ['run', packet, '--out', out], repoRoot);
  const started = Date.now();
  const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd: opts.cwd ?? '/', encoding: 'utf8', timeout: opts.timeoutMs ?? 120_000, killSignal: 'SIGKILL', env: { ...process.env, ...opts.env } });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', written: null, ms: Date.now() - started };
}

/** Every line tki printed, stdout then stderr, without empty ones. */
export function printedLines(r: { stdout: string; stderr: string }): string[] {
  return [...r.stdout.split('\n'), ...r.stderr.split('\n')].filter((l) => l.length > 0);
}

export function mkdirOwned(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}
