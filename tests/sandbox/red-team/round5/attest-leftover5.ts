import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../run-driver.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A root operator's `tki attest` receives SIGTERM once its sandbox is starting (its scratch directory and
 * the engine's work directory exist); then a complete `tki run` (whose start-up sweeps stale directories)
 * runs with the same TMPDIR. Returns what is left in TMPDIR after each step.
 */
export async function attestInterrupted(): Promise<{ beforeSignal: string[]; afterSignal: string[]; afterNextRun: string[]; attestStatus: number | null }> {
  const base = mkdtempSync(path.join(tmpdir(), 'rt5-attest-'));
  try {
    chmodSync(base, 0o755);
    const tmp = path.join(base, 'tmp');
    spawnSync('mkdir', ['-m', '0755', tmp]);
    const env = { ...process.env, TMPDIR: tmp };
    const attest = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'attest', '--out', path.join(base, 'ev')], { env, stdio: 'ignore' });
    const ended = new Promise<number | null>((resolve) => attest.on('exit', (code) => { resolve(code); }));
    for (let waited = 0; waited < 60_000 && !readdirSync(tmp).some((n) => n.startsWith('tki-engine-')); waited += 100) await sleep(100);
    await sleep(1000);
    const beforeSignal = readdirSync(tmp);
    attest.kill('SIGTERM');
    const attestStatus = await ended;
    await sleep(1000);
    const afterSignal = readdirSync(tmp);
    spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', path.join(repoRoot, 'fixtures/packets/fix7-a'), '--out', path.join(base, 'out')], { env, stdio: 'ignore', timeout: 180_000 });
    return { beforeSignal, afterSignal, afterNextRun: readdirSync(tmp), attestStatus };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
