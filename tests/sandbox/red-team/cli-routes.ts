import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './run-driver.js';

const cli = path.join(repoRoot, 'dist/cli/tki.js');

export function scratchWithPacket(): { dir: string; packet: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rt-cli-'));
  const packet = path.join(dir, 'pk');
  cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), packet, { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  return { dir, packet };
}

export function tkiRun(packet: string, out: string, engine = 'bwrap'): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'run', packet, '--out', out, '--engine', engine], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The --out routes: each case prepares a directory and says whether tki must refuse it. */
export function outRouteCases(dir: string, packet: string): { name: string; out: string; mustRefuse: boolean }[] {
  mkdirSync(path.join(dir, 'foreign'));
  writeFileSync(path.join(dir, 'foreign/foreign.txt'), 'operator file');
  symlinkSync(packet, path.join(dir, 'link-to-packet'));
  mkdirSync(path.join(dir, 'planted'));
  symlinkSync(path.join(dir, 'victim-target'), path.join(dir, 'planted/report.json'));
  return [
    { name: 'out equal to the packet dir', out: packet, mustRefuse: true },
    { name: 'out inside the packet dir', out: path.join(packet, 'sub'), mustRefuse: true },
    { name: 'out is a symlink to the packet dir', out: path.join(dir, 'link-to-packet'), mustRefuse: true },
    { name: 'out under a symlink into the packet dir', out: path.join(dir, 'link-to-packet/newsub'), mustRefuse: true },
    { name: 'out non-empty with a foreign file', out: path.join(dir, 'foreign'), mustRefuse: true },
    { name: 'out holds a planted report.json symlink', out: path.join(dir, 'planted'), mustRefuse: true },
  ];
}

/** Starts `tki run` with a private TMPDIR (so a concurrent run's directories never count), sends `signal` after `delayMs`, and returns what stayed behind there. */
export async function killedRunLeftovers(packet: string, out: string, signal: NodeJS.Signals, delayMs: number): Promise<{ seen: string[]; left: string[] }> {
  const privateTmp = mkdtempSync(path.join(tmpdir(), 'rt-tmp-'));
  chmodSync(privateTmp, 0o755);
  const child = spawn(process.execPath, [cli, 'run', packet, '--out', out], { stdio: 'ignore', env: { ...process.env, TMPDIR: privateTmp } });
  const seen = new Set<string>();
  const poll = setInterval(() => { for (const d of readdirSync(privateTmp)) seen.add(d); }, 10);
  // kill once the run has made its temp dir (or after 5 s), then `delayMs` later
  for (let waited = 0; seen.size === 0 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill(signal);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const left = readdirSync(privateTmp);
  return { seen: [...seen], left };
}
