import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Scene } from './scene6.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const NOBODY = 65534;
const SECRET = 'root:RT6-SECRET-HASH:19000:0:99999:7:::';

/**
 * The packet belongs to uid 65534 (the attacker); a root operator runs `tki run` on it `runs` times while the
 * attacker atomically exchanges the packet directory x/ (holding a decoy `shadow`) with a symlink to a 0700
 * root-only directory holding a `shadow` of its own. A path-based walk (readdir, lstat, open by the joined
 * path: O_NOFOLLOW covers only the last component) that sees x/ as a directory and then x/shadow through the
 * symlink stages the root-only file. The compromised inside ('look') reports what /in/x/shadow held.
 */
export function intermediateDirRace(scene: Scene, runs: number): { runs: string[]; leaked: string[] } {
  const base = mkdtempSync(path.join(scene.base, 'race-'));
  chmodSync(base, 0o755);
  const victim = path.join(base, 'victim');
  mkdirSync(victim, { mode: 0o700 });
  writeFileSync(path.join(victim, 'shadow'), `${SECRET}\n`, { mode: 0o600 });
  const packet = path.join(base, 'pk');
  cpSync(scene.evilPacket, packet, { recursive: true });
  writeFileSync(path.join(packet, 'evil-mode.txt'), 'look\n');
  mkdirSync(path.join(packet, 'x'));
  writeFileSync(path.join(packet, 'x', 'shadow'), 'decoy\n');
  symlinkSync(victim, path.join(packet, 'x-link'));
  const swapper = path.join(base, 'swap6');
  execFileSync('gcc', ['-O2', '-o', swapper, path.join(here, 'swap6.c')]);
  spawnSync('chown', ['-R', '-h', `${String(NOBODY)}:${String(NOBODY)}`, packet]);
  const attacker = spawn('setpriv', [`--reuid=${String(NOBODY)}`, `--regid=${String(NOBODY)}`, '--clear-groups', swapper, 'x', 'x-link', '600'], { cwd: packet, stdio: 'ignore' });
  const seen: string[] = [];
  const leaked: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = path.join(base, `out-${String(i)}`);
      const r = spawnSync(process.execPath, [path.join(scene.pkg, 'dist/cli/tki.js'), 'run', packet, '--out', out], { cwd: '/', encoding: 'utf8', timeout: 120_000 });
      const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      const look = text.split('\n').find((l) => l.includes('RT6 look')) ?? text.split('\n').find((l) => l.includes('BLOCKED')) ?? `status ${String(r.status)}`;
      seen.push(look.slice(0, 200));
      if (text.includes('RT6-SECRET')) leaked.push(look.slice(0, 300));
    }
  } finally {
    attacker.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  }
  return { runs: seen, leaked };
}
