import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, type Operator, type RouteResult } from '../run-driver.js';

export interface Round5Output {
  readonly engine: string;
  readonly ok: boolean;
  readonly line?: string;
  readonly exitCode?: number | null;
  readonly limit?: string;
  readonly results?: RouteResult[];
  readonly stderrTail?: string;
}

const here = path.dirname(new URL(import.meta.url).pathname);

/** Runs drive5.mjs (tki's own runSandboxed, default profile) as a root operator or as uid 65534, attacker code inside. */
export function runRound5(engine: string, mode: 'battery' | 'vdso', operator: Operator): Round5Output {
  const scratch = mkdtempSync(path.join(tmpdir(), 'rt5-'));
  try {
    chmodSync(scratch, 0o755);
    // the attacker's native helper is round 4's (raw syscall with Buffer arguments): one implementation
    execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-I/usr/include/node', '-o', path.join(scratch, 'rawsys5.node'), path.join(here, '..', 'round4', 'rawsys4.c')]);
    if (operator === 'nobody') chownSync(scratch, 65534, 65534);
    const driver = [process.execPath, path.join(here, 'drive5.mjs'), repoRoot, engine, mode, scratch];
    const argv = operator === 'root' ? driver : ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${scratch}`, ...driver];
    const r = spawnSync(argv[0] ?? '', argv.slice(1), { cwd: '/', encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
    const line = (r.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? '';
    try {
      return JSON.parse(line) as Round5Output;
    } catch {
      return { engine, ok: false, line: `driver ended (status ${String(r.status)}, signal ${String(r.signal)}): ${(r.stderr ?? '').slice(-800)}` };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
