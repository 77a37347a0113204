import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One attempt reported by the runner inside the sandbox. */
export interface RouteResult {
  readonly id: string;
  readonly closed: boolean;
  readonly observed: unknown;
}

export interface DriverOutput {
  readonly engine: string;
  readonly uid: number;
  readonly ok: boolean;
  readonly line?: string;
  readonly exitCode?: number | null;
  /** The launcher ceiling that stopped the engine (EngineExit.launcherLimit), if any. */
  readonly limit?: string;
  readonly channelError?: { readonly code: string; readonly detail: string };
  readonly results?: readonly RouteResult[];
  readonly maxRssMiB: number;
  readonly stderrTail?: string;
  readonly stdoutHead?: string;
}

export type Operator = 'root' | 'nobody';
export type AuditMode = 'battery' | 'memory' | 'pids' | 'stdout-flood' | 'stderr-flood' | 'channel-flood' | 'x32';

const here = path.dirname(new URL(import.meta.url).pathname);
export const repoRoot = path.resolve(here, '../../..');

/** Compiles the raw-syscall addon (an attacker's native code) once per scratch directory. */
function buildRawSyscallAddon(into: string): void {
  execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-I/usr/include/node', '-o', path.join(into, 'rawsys.node'), path.join(here, 'rawsys.c')]);
  chmodSync(path.join(into, 'rawsys.node'), 0o755);
}

/** Runs drive.mjs (tki's own runSandboxed with the default profile) as root or as uid 65534. */
export function runDriver(engine: string, mode: AuditMode, operator: Operator, timeoutMs = 240_000): DriverOutput {
  const scratch = mkdtempSync(path.join(tmpdir(), 'rt-audit-'));
  try {
    chmodSync(scratch, 0o755);
    buildRawSyscallAddon(scratch);
    const work = path.join(scratch, 's');
    mkdirSync(work, { mode: 0o755 });
    if (operator === 'nobody') chownSync(work, 65534, 65534);
    copyFileSync(path.join(here, 'drive.mjs'), path.join(scratch, 'drive.mjs'));
    const node = process.execPath;
    const args = [path.join(here, 'drive.mjs'), repoRoot, engine, mode, work];
    const command = operator === 'root'
      ? { file: node, argv: args }
      : { file: 'setpriv', argv: ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${work}`, node, ...args] };
    const result = spawnSync(command.file, command.argv, { cwd: '/', encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    const line = (result.stdout ?? '').trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(line) as DriverOutput;
    } catch {
      return { engine, uid: operator === 'root' ? 0 : 65534, ok: false, line: `driver failed (status ${String(result.status)}, signal ${String(result.signal)}): ${(result.stderr ?? '').slice(-800)}`, maxRssMiB: 0 };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
