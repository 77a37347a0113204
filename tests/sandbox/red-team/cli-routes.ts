import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
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

export function tkiEngineDirs(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('tki-engine-') || n.startsWith('tki-handoff-') || n.startsWith('tki-run-')));
}

/** Starts `tki run`, sends `signal` after `delayMs`, and returns its temp dirs that stayed behind. */
export async function killedRunLeftovers(packet: string, out: string, signal: NodeJS.Signals, delayMs: number): Promise<string[]> {
  const before = tkiEngineDirs();
  const child = spawn(process.execPath, [cli, 'run', packet, '--out', out], { stdio: 'ignore' });
  const seenDuring = new Set<string>();
  const poll = setInterval(() => { for (const d of tkiEngineDirs()) if (!before.has(d)) seenDuring.add(d); }, 20);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill(signal);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  await new Promise((resolve) => setTimeout(resolve, 500));
  return [...seenDuring].filter((d) => existsSync(path.join(tmpdir(), d)) && lstatSync(path.join(tmpdir(), d)).isDirectory());
}
