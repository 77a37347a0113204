import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, type Operator } from '../run-driver.js';
import { compromisedPackage } from '../round4/compromised.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const NOBODY = 65534;

/** A scratch tree: tki's own report for fix7-a (the genuine triplet and line), and a compromised package. */
export interface Scene {
  readonly base: string;
  /** the compromised copy of this package (round 4's wrapper: /in/evil.mjs runs in place of tki inspect) */
  readonly pkg: string;
  /** a packet that carries evil6.mjs and the genuine triplet under r/ */
  readonly evilPacket: string;
  /** a plain copy of fix7-a, also named `pk` */
  readonly plainPacket: string;
  /** tki run's own first stdout line for fix7-a (the control run must print exactly this) */
  readonly genuineLine: string;
  readonly genuineReportJson: string;
}

export interface RunOutcome {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** the files in --out afterwards (name → UTF-8 text), or null when --out does not exist */
  readonly written: Record<string, string> | null;
}

export function newScene(): Scene {
  const base = mkdtempSync(path.join(tmpdir(), 'rt6-'));
  chmodSync(base, 0o755);
  const pkg = compromisedPackage(base);
  const plainPacket = path.join(base, 'plain', 'pk');
  cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), plainPacket, { recursive: true });
  const genuineOut = path.join(base, 'genuine');
  const genuine = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', plainPacket, '--out', genuineOut], { encoding: 'utf8', timeout: 180_000 });
  const genuineLine = (genuine.stdout ?? '').split('\n')[0] ?? '';
  if (genuine.status !== 1 || !genuineLine.startsWith('tki run: READ_LEVEL_FAIL (exit 1)')) {
    throw new Error(`the genuine run of fix7-a did not end READ_LEVEL_FAIL: ${String(genuine.status)} ${genuine.stdout} ${genuine.stderr}`);
  }
  const evilPacket = path.join(base, 'evil', 'pk');
  cpSync(plainPacket, evilPacket, { recursive: true });
  mkdirSync(path.join(evilPacket, 'r'));
  for (const name of readdirSync(genuineOut)) copyFileSync(path.join(genuineOut, name), path.join(evilPacket, 'r', name));
  // the inside's own line: tki run prints it as `tki run: …` and appends ` · packet "<name>"`
  const insideLine = genuineLine.replace(/^tki run: /, 'tki inspect: ').replace(/ · packet "[^"]*"$/, '');
  writeFileSync(path.join(evilPacket, 'r', 'line.txt'), `${insideLine}\n`);
  copyFileSync(path.join(here, 'evil6.mjs'), path.join(evilPacket, 'evil.mjs'));
  writeFileSync(path.join(evilPacket, 'evil-mode.txt'), 'control\n');
  spawnSync('chmod', ['-R', 'a+rX', path.join(base, 'plain'), path.join(base, 'evil')]);
  const outs = path.join(base, 'outs');
  mkdirSync(outs, { mode: 0o755 });
  chownSync(outs, NOBODY, NOBODY);
  return { base, pkg, evilPacket, plainPacket, genuineLine, genuineReportJson: readFileSync(path.join(genuineOut, 'report.json'), 'utf8') };
}

export function dropScene(scene: Scene): void {
  rmSync(scene.base, { recursive: true, force: true });
}

/** argv for `node <pkg>/dist/cli/tki.js run …` as root, or as uid 65534 with a clean environment. */
export function tkiArgv(scene: Scene, operator: Operator, args: readonly string[], pkg = scene.pkg): string[] {
  const tki = [process.execPath, path.join(pkg, 'dist/cli/tki.js'), ...args];
  return operator === 'root' ? tki : ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${path.join(scene.base, 'outs')}`, ...tki];
}

function listWritten(out: string): Record<string, string> | null {
  try {
    return Object.fromEntries(readdirSync(out).sort().map((n) => [n, readFileSync(path.join(out, n), 'utf8')]));
  } catch {
    return null;
  }
}

let runCounter = 0;

/**
 * `tki run` of the evil packet through the compromised package, the inside playing `mode`. With
 * `measure`, the run goes through GNU time and `maxRssKiB` is the peak RSS of the launcher (time's %M: the
 * largest of the process and its waited-for descendants; the inside's node is the smaller one here).
 */
export function runEvil(scene: Scene, engine: string, operator: Operator, mode: string, extra: readonly string[] = [], measure = false): RunOutcome & { maxRssKiB?: number } {
  writeFileSync(path.join(scene.evilPacket, 'evil-mode.txt'), `${mode}\n`);
  const out = path.join(scene.base, 'outs', `${mode}-${engine}-${operator}-${String(runCounter++)}`);
  const rssFile = `${out}.rss`;
  const tki = tkiArgv(scene, operator, ['run', scene.evilPacket, '--out', out, '--engine', engine, ...extra]);
  const argv = measure ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...tki] : tki;
  const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd: '/', encoding: 'utf8', timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
  const outcome = { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', written: listWritten(out) };
  if (!measure) return outcome;
  const rss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { ...outcome, maxRssKiB: rss };
}

/** `tki run` (the unmodified package) of any packet into any --out, with an optional TMPDIR. */
export function runPlain(scene: Scene, packet: string, out: string, env: Record<string, string> = {}, operator: Operator = 'root'): RunOutcome {
  const argv = tkiArgv(scene, operator, ['run', packet, '--out', out], repoRoot);
  const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd: '/', encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', written: listWritten(out) };
}

/** Starts the compromised package's `tki run` in the background (the inside stalls) for the signal tests. */
export function startStalled(scene: Scene, timeoutSeconds: number, env: Record<string, string> = {}): { child: ChildProcess; out: string } {
  writeFileSync(path.join(scene.evilPacket, 'evil-mode.txt'), 'stall\n');
  const out = path.join(scene.base, 'outs', `stall-${String(runCounter++)}`);
  const child = spawn(process.execPath, [path.join(scene.pkg, 'dist/cli/tki.js'), 'run', scene.evilPacket, '--out', out, '--timeout', String(timeoutSeconds)], { cwd: '/', stdio: 'ignore', env: { ...process.env, ...env } });
  return { child, out };
}

/** Pids of every live process descended from `root` (read from /proc: no ps parsing). */
export function descendants(root: number): { pid: number; cmd: string }[] {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      cmd.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim());
    } catch { /* gone meanwhile */ }
  }
  const found: { pid: number; cmd: string }[] = [];
  for (const [pid] of parent) {
    let p = parent.get(pid);
    for (let depth = 0; p !== undefined && p > 1 && depth < 64; depth++) {
      if (p === root) { found.push({ pid, cmd: cmd.get(pid) ?? '' }); break; }
      p = parent.get(p);
    }
  }
  return found;
}

/** A `tki-sandbox-<pid>-*` cgroup left in the v1 memory or pids hierarchy (this host is cgroup v1). */
export function cgroupsOf(launcherPid: number): string[] {
  const left: string[] = [];
  for (const hierarchy of ['/sys/fs/cgroup/memory', '/sys/fs/cgroup/pids', '/sys/fs/cgroup/unified']) {
    try {
      for (const n of readdirSync(hierarchy)) if (n.startsWith(`tki-sandbox-${String(launcherPid)}-`)) left.push(path.join(hierarchy, n));
    } catch { /* hierarchy absent */ }
  }
  return left;
}

/** True while the process exists and is not a zombie (a stopped launcher cannot reap its children). */
export function liveProcess(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The terminal-control bytes a message must not carry: C0 (but \n at the end), DEL, C1, bidi and line separators. */
export function rawControls(text: string): string[] {
  const bad = [...text.replace(/\n$/, '')].filter((c) => /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/u.test(c));
  return [...new Set(bad.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`))];
}
