import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../run-driver.js';
import { descendants, type Scene } from '../round6/scene6.js';
import { NOBODY, freshOut, packetCopy, printedLines, runBounded } from './scene7.js';

const round6 = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../round6');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The packet's owner (uid 65534) exchanges a packet FILE with a FIFO outside the packet (renameat2
 * RENAME_EXCHANGE in a loop, round 6's swap6.c) while a root operator stages it `runs` times. A stage that
 * lstat()s a regular file and then open()s the name without O_NONBLOCK blocks for ever on the FIFO.
 */
export function fileFifoRace(scene: Scene, runs: number): { outcomes: string[]; hung: number } {
  const packet = packetCopy(scene, 'fifo-race', NOBODY);
  const dir = path.dirname(packet);
  const swapper = path.join(dir, 'swap6');
  execFileSync('gcc', ['-O2', '-o', swapper, path.join(round6, 'swap6.c')]);
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  execFileSync('chown', ['-R', `${String(NOBODY)}:${String(NOBODY)}`, dir]);
  const attacker = spawn('setpriv', [`--reuid=${String(NOBODY)}`, `--regid=${String(NOBODY)}`, '--clear-groups', swapper, 'pk/content/design-note.md', 'fifo', '900'], { cwd: dir, stdio: 'ignore' });
  const outcomes: string[] = [];
  let hung = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const r = runBounded(scene, packet, freshOut(scene, 'fifo-race'), { timeoutMs: 45_000 });
      if (r.signal !== null) hung++;
      outcomes.push(`${String(r.status)}/${String(r.signal)} ${String(r.ms)}ms ${(printedLines(r)[0] ?? '').slice(0, 140)}`);
    }
  } finally {
    attacker.kill('SIGKILL');
  }
  return { outcomes, hung };
}

/** A packet of fix7-a plus `count` small files under bulk/, owned by uid 65534 (so a root operator copies them). */
export function bulkPacket(scene: Scene, label: string, count: number): string {
  const packet = packetCopy(scene, label);
  mkdirSync(path.join(packet, 'bulk'));
  for (let i = 0; i < count; i++) writeFileSync(path.join(packet, 'bulk', `f${String(i).padStart(5, '0')}.md`), 'x'.repeat(100));
  execFileSync('chown', ['-R', `${String(NOBODY)}:${String(NOBODY)}`, path.dirname(packet)]);
  execFileSync('chmod', ['-R', 'a+rX', path.dirname(packet)]);
  return packet;
}

/** Counts staged files (…/tki-engine-*\/*\/in/bulk/*) under a TMPDIR. */
function stagedCount(tmp: string): number {
  let n = 0;
  for (const w of readdirSync(tmp)) {
    try {
      for (const s of readdirSync(path.join(tmp, w))) if (existsSync(path.join(tmp, w, s, 'in', 'bulk'))) n += readdirSync(path.join(tmp, w, s, 'in', 'bulk')).length;
    } catch { /* not a directory, or gone meanwhile */ }
  }
  return n;
}

/**
 * A root operator's `tki run` of a bulk packet with its own TMPDIR, sent `signal` once the stage holds
 * files: the launcher must end (exit, not hang) and leave nothing under TMPDIR (SIGINT/SIGTERM clean-up).
 */
export async function signalWhileStaging(scene: Scene, packet: string, signal: 'SIGINT' | 'SIGTERM'): Promise<{ stagedWhenSignalled: number; exit: number | null; left: string[]; printed: string }> {
  const tmp = mkdtempSync(path.join(scene.base, 'sigtmp-'));
  chmodSync(tmp, 0o755);
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', packet, '--out', freshOut(scene, `sig-${signal}`)], { cwd: '/', env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (b: Buffer) => { printed += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { printed += b.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let staged = 0;
  for (let i = 0; i < 600 && staged < 20; i++) { await sleep(50); staged = stagedCount(tmp); }
  child.kill(signal);
  const exit = await Promise.race([exited, sleep(20_000).then(() => 'hung' as const)]);
  if (exit === 'hung') child.kill('SIGKILL');
  await sleep(500);
  const left = readdirSync(tmp);
  rmSync(tmp, { recursive: true, force: true });
  return { stagedWhenSignalled: staged, exit: exit === 'hung' ? -1 : exit, left, printed: printed.slice(0, 300) };
}

/**
 * `tki run` (bwrap, root) of a packet holding files named like the inspector's start-up blob, started from a
 * cwd and a TMPDIR that hold bogus blobs too; returns every --snapshot-blob the inside's node was given (read
 * from the host's /proc while it runs) and how the run ended.
 */
export async function snapshotSources(scene: Scene): Promise<{ blobs: string[]; insideSeen: boolean; status: number | null; line: string }> {
  const bogus = Buffer.from('RT7 not a V8 snapshot blob\n');
  const packet = packetCopy(scene, 'blob');
  for (const rel of ['tki-inside.blob', 'opt/tki/dist/sandbox/bundle/tki-inside.blob', 'dist/sandbox/bundle/tki-inside.blob']) {
    mkdirSync(path.dirname(path.join(packet, rel)), { recursive: true });
    writeFileSync(path.join(packet, rel), bogus);
  }
  execFileSync('chmod', ['-R', 'a+rX', path.dirname(packet)]);
  const cwd = mkdtempSync(path.join(scene.base, 'blob-cwd-'));
  const tmp = mkdtempSync(path.join(scene.base, 'blob-tmp-'));
  for (const d of [cwd, tmp]) {
    chmodSync(d, 0o755);
    mkdirSync(path.join(d, 'dist/sandbox/bundle'), { recursive: true });
    writeFileSync(path.join(d, 'tki-inside.blob'), bogus);
    writeFileSync(path.join(d, 'dist/sandbox/bundle/tki-inside.blob'), bogus);
  }
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', packet, '--out', freshOut(scene, 'blob')], { cwd, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => { done = true; });
  const blobs = new Set<string>();
  let insideSeen = false;
  while (!done) {
    for (const p of descendants(child.pid ?? -1)) {
      if (!p.cmd.includes(' inspect ')) continue;
      insideSeen = true;
      const words = p.cmd.split(' ');
      words.forEach((w, i) => { if (w === '--snapshot-blob') blobs.add(words[i + 1] ?? ''); else if (w.startsWith('--snapshot-blob=')) blobs.add(w.slice('--snapshot-blob='.length)); });
    }
    await sleep(40);
  }
  const status = await exited;
  return { blobs: [...blobs], insideSeen, status, line: stdout.split('\n')[0] ?? '' };
}
