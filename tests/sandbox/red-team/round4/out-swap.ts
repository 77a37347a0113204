import { spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../run-driver.js';
import { OTHER_LOCAL_UID } from './run4.js';

/**
 * `--out` under a directory another local user owns (their home, a shared CI workspace): the launcher
 * validates it, the sandbox runs, and meanwhile that user renames the directory away and puts a symlink
 * to a root-only directory in its place. Returns what the root operator's `tki run` left in the target.
 */
export async function outSymlinkSwap(): Promise<{ status: number | null; swapped: boolean; inTarget: string[]; stderr: string }> {
  const base = mkdtempSync(path.join(tmpdir(), 'rt4-out-'));
  try {
    chmodSync(base, 0o755);
    const packet = path.join(base, 'pk');
    cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), packet, { recursive: true });
    const home = path.join(base, 'home');
    mkdirSync(path.join(home, 'out'), { recursive: true });
    chownSync(home, OTHER_LOCAL_UID, OTHER_LOCAL_UID);
    chownSync(path.join(home, 'out'), OTHER_LOCAL_UID, OTHER_LOCAL_UID);
    const target = path.join(base, 'root-only', 'target');
    mkdirSync(target, { recursive: true, mode: 0o700 });
    chmodSync(path.join(base, 'root-only'), 0o700);
    const privateTmp = path.join(base, 'tmp');
    mkdirSync(privateTmp, { mode: 0o755 });
    const run = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', packet, '--out', path.join(home, 'out')], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: privateTmp } });
    let stderr = '';
    run.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    let ended = false;
    const exited = new Promise<number | null>((resolve) => { run.on('exit', (code) => { ended = true; resolve(code); }); });
    // the launcher made its work directory: --out was validated, the sandbox is starting
    for (let waited = 0; readdirSync(privateTmp).length === 0 && waited < 20_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const swap = spawn('setpriv', [`--reuid=${String(OTHER_LOCAL_UID)}`, `--regid=${String(OTHER_LOCAL_UID)}`, '--clear-groups', '/bin/sh', '-c', `mv '${home}/out' '${home}/out.away' && ln -s '${target}' '${home}/out'`], { stdio: 'ignore' });
    const swapStatus = await new Promise<number | null>((resolve) => { swap.on('exit', (code) => { resolve(code); }); });
    const swappedWhileRunning = !ended && swapStatus === 0 && existsSync(path.join(home, 'out.away'));
    const status = await exited;
    return { status, swapped: swappedWhileRunning, inTarget: readdirSync(target).sort(), stderr };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
