import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Operator, RouteResult } from '../run-driver.js';

export type Round4Mode = 'victim' | 'persist' | 'orphan' | 'mem-shared' | 'mem-growsdown' | 'mem-fork' | 'hostinfo' | 'nproc-hold';

export interface Round4Output {
  readonly engine: string;
  readonly ok: boolean;
  readonly line?: string;
  readonly exitCode?: number | null;
  readonly limit?: string;
  readonly results?: RouteResult[];
  readonly stderrTail?: string;
  readonly elapsedMs?: number;
}

export interface Round4Run {
  readonly scratch: string;
  readonly driverPid: number;
  readonly done: Promise<Round4Output>;
}

const here = path.dirname(new URL(import.meta.url).pathname);
/** A local user that is neither root nor the sandbox's uid (Debian's image has 1000; any unprivileged uid will do). */
export const OTHER_LOCAL_UID = 1000;
export const SANDBOX_UID = 65534;

/** Starts drive4.mjs (tki's own runSandboxed, default profile or `tki run --memory`'s limits) as a root operator or as uid 65534. */
export function startRound4(engine: string, mode: Round4Mode, memoryMiB?: number, operator: Operator = 'root'): Round4Run {
  const scratch = mkdtempSync(path.join(tmpdir(), 'rt4-'));
  chmodSync(scratch, 0o755);
  execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-I/usr/include/node', '-o', path.join(scratch, 'rawsys4.node'), path.join(here, 'rawsys4.c')]);
  if (operator === 'nobody') chownSync(scratch, SANDBOX_UID, SANDBOX_UID);
  const driver = [process.execPath, path.join(here, 'drive4.mjs'), engine, mode, scratch, ...(memoryMiB === undefined ? [] : [String(memoryMiB)])];
  const argv = operator === 'root' ? driver : ['setpriv', `--reuid=${String(SANDBOX_UID)}`, `--regid=${String(SANDBOX_UID)}`, '--clear-groups', 'env', '-i', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${scratch}`, ...driver];
  const child = spawn(argv[0] ?? '', argv.slice(1), { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString('utf8'); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const done = new Promise<Round4Output>((resolve) => {
    child.on('close', (status, signal) => {
      const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? '';
      try {
        resolve(JSON.parse(line) as Round4Output);
      } catch {
        resolve({ engine, ok: false, line: `driver ended (status ${String(status)}, signal ${String(signal)}): ${stderr.slice(-800)}` });
      }
    });
  });
  return { scratch, driverPid: child.pid ?? -1, done };
}

/** Pids of host processes whose comm is `name` (the runner names itself with PR_SET_NAME). */
export function pidsNamed(name: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) found.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return found;
}

export async function waitForName(name: string, timeoutMs: number): Promise<number | undefined> {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    const pid = pidsNamed(name)[0];
    if (pid !== undefined) return pid;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

function asUser(uid: number, argv: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('setpriv', [`--reuid=${String(uid)}`, `--regid=${String(uid)}`, '--clear-groups', ...argv], { encoding: 'utf8', timeout: 60_000, cwd: '/' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FORGE_PY = `import sys, json
pid = int(sys.argv[1]); out = {'pid': pid, 'wrote': 0}
try:
    maps = open('/proc/%d/maps' % pid).read().splitlines()
    mem = open('/proc/%d/mem' % pid, 'r+b', buffering=0)
    out['opened'] = 'rw'
    for line in maps:
        addr, perm = line.split()[0:2]
        if not perm.startswith('rw'):
            continue
        s, e = [int(x, 16) for x in addr.split('-')]
        if e - s > (256 << 20):
            continue
        try:
            mem.seek(s); data = mem.read(e - s)
        except OSError:
            continue
        i = data.find(b'RT4-MARKER-ORIGINAL-VERDICT')
        while i >= 0:
            mem.seek(s + i); mem.write(b'RT4-MARKER-FORGED!!-VERDICT'); out['wrote'] += 1
            i = data.find(b'RT4-MARKER-ORIGINAL-VERDICT', i + 1)
except Exception as ex:
    out['error'] = repr(ex)
print(json.dumps(out))
`;

/** A host process running as `uid` opens the sandboxed runner's /proc/<pid>/mem and rewrites its marker. */
export function forgeFromHost(scratch: string, pid: number, uid: number): { opened?: string; wrote?: number; error?: string } {
  const script = path.join(scratch, 'forge.py');
  writeFileSync(script, FORGE_PY, { mode: 0o644 });
  const r = asUser(uid, ['/usr/bin/python3', script, String(pid)]);
  try {
    return JSON.parse(r.stdout.trim()) as { opened?: string; wrote?: number; error?: string };
  } catch {
    return { error: `${String(r.status)} ${r.stderr.slice(-300)}` };
  }
}

/** Another local user reads the sandbox's /in mount root from /proc/<pid>/mountinfo and the root-only file staged there. */
export function readStagedSecret(pid: number, uid: number): { stageRoot?: string; content?: string; error?: string } {
  const script = `R=$(awk '$5=="/in"{print $4}' /proc/${String(pid)}/mountinfo) && printf '%s\\n' "$R" && cat "$R/private/secret.txt"`;
  const r = asUser(uid, ['/bin/sh', '-c', script]);
  const [stageRoot, ...rest] = r.stdout.split('\n');
  return { stageRoot, content: rest.join('\n').trim() || undefined, error: r.status === 0 ? undefined : r.stderr.trim().slice(0, 300) };
}

/** The packet's owner (uid 65534) appends to their own packet file while the sandbox runs. */
export function appendAsPacketOwner(scratch: string): number | null {
  return asUser(SANDBOX_UID, ['/bin/sh', '-c', `echo appended-after-staging >> '${path.join(scratch, 'in', 'live.txt')}'`]).status;
}

export function killPids(pids: readonly number[]): void {
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

export function removeScratch(scratch: string): void {
  rmSync(scratch, { recursive: true, force: true });
}
