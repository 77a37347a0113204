import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DriverOutput, Operator } from '../run-driver.js';

export type Round3Mode = 'battery' | 'i386' | 'cpu' | 'hang' | 'heap' | `frames-${'dotdot' | 'setuid' | 'hugeheader' | 'after-end' | 'dup'}`;

export interface Round3Options {
  /** Operator limit overrides merged into the default profile's `limits` (as `tki run --cpu/--timeout/...`). */
  readonly limits?: Readonly<Record<string, number>>;
  /** Run the launcher on a pseudo-terminal (`script`), as an operator at a shell does. */
  readonly onTerminal?: boolean;
  readonly timeoutMs?: number;
}

const here = path.dirname(new URL(import.meta.url).pathname);

/** Runs drive3.mjs (tki's own runSandboxed, default profile) as root or as uid 65534; returns its JSON line. */
export function runRound3(engine: string, mode: Round3Mode, operator: Operator, options: Round3Options = {}): DriverOutput & { elapsedMs?: number; signal?: string | null } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'rt3-'));
  try {
    chmodSync(scratch, 0o755);
    execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-I/usr/include/node', '-o', path.join(scratch, 'rawsys3.node'), path.join(here, 'rawsys3.c')]);
    chmodSync(path.join(scratch, 'rawsys3.node'), 0o755);
    if (operator === 'nobody') chownSync(scratch, 65534, 65534);
    const driver = [process.execPath, path.join(here, 'drive3.mjs'), engine, mode, scratch, ...(options.limits ? [JSON.stringify({ limits: options.limits })] : [])];
    const asOperator = operator === 'root' ? driver : ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${scratch}`, ...driver];
    const command = options.onTerminal === true ? ['script', '-qec', asOperator.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' '), '/dev/null'] : asOperator;
    const result = spawnSync(command[0] ?? '', command.slice(1), { cwd: '/', encoding: 'utf8', timeout: options.timeoutMs ?? 240_000, maxBuffer: 64 * 1024 * 1024 });
    const line = (result.stdout ?? '').trim().split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{')).pop() ?? '';
    try {
      return JSON.parse(line) as DriverOutput;
    } catch {
      return { engine, uid: operator === 'root' ? 0 : 65534, ok: false, line: `driver failed (status ${String(result.status)}, signal ${String(result.signal)}): ${(result.stderr ?? '').slice(-800)} ${(result.stdout ?? '').slice(-400)}`, maxRssMiB: 0 };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
