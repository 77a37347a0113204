import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSandboxed, type AttestationEvidence, type ProbeRecord, type SandboxProfile } from '../../../sandbox/index.js';
import { artifactsUnder, recordRun, type RunLog } from '../evidence.js';
import { runCommand } from './subprocess.js';

/** The attestation the L1 rows share: the probe records and P1 results seen inside the real sandbox. */
export interface AttestationView {
  readonly run_id: string;
  readonly exit_code: number | null;
  readonly engine: string;
  readonly probes: readonly ProbeRecord[];
  readonly self_check: AttestationEvidence['self_check'];
  readonly exec_lock: AttestationEvidence['exec_lock'] | undefined;
  readonly profile_sha256: string | undefined;
  readonly evidence_file: string | undefined;
  /** Set when no evidence could be produced: every L1 row then fails, loudly. */
  readonly problem?: string;
}

/** `tki attest --out <dir>` under bwrap, exactly as an operator runs it; its evidence bundle stays next to the binding report. */
export async function attestWithCli(log: RunLog, repoRoot: string, outDir: string): Promise<AttestationView> {
  rmSync(outDir, { recursive: true, force: true });
  const args = [path.join(repoRoot, 'dist/cli/tki.js'), 'attest', '--out', outDir, '--engine', 'bwrap'];
  return recordRun<Omit<AttestationView, 'run_id'>>(log, 'tki-attest-bwrap', 'tki attest (bwrap): the twelve SPEC §6 probes inside the real sandbox', ['node', ...args], async () => {
    const result = runCommand(process.execPath, args);
    const file = path.join(outDir, 'attestation-evidence.json');
    if (!existsSync(file)) {
      const problem = `tki attest wrote no evidence (exit ${result.status}): ${(result.error ?? result.stderr).trim().split('\n').pop() ?? ''}`;
      return { value: { exit_code: result.status, engine: 'bwrap', probes: [], self_check: [], exec_lock: undefined, profile_sha256: undefined, evidence_file: undefined, problem }, exitCode: result.status, artifacts: [] };
    }
    const evidence = JSON.parse(readFileSync(file, 'utf8')) as AttestationEvidence;
    const value = { exit_code: result.status, engine: evidence.engine, probes: evidence.probes, self_check: evidence.self_check, exec_lock: evidence.exec_lock, profile_sha256: evidence.profile_sha256, evidence_file: file };
    return { value, exitCode: result.status, artifacts: artifactsUnder(outDir) };
  });
}

/** `tki inspect` started inside a real bwrap sandbox built from `profile` (a deviating one, for P1). */
export interface SandboxedInspectView {
  readonly run_id: string;
  readonly label: string;
  readonly exit_code: number | null;
  readonly stderr: string;
  readonly stdout: string;
  readonly out_files: readonly string[];
  readonly problem?: string;
}

export async function inspectInSandbox(log: RunLog, label: string, profile: SandboxProfile, packetDir: string): Promise<SandboxedInspectView> {
  const out = mkdtempSync(path.join(tmpdir(), 'tki-acceptance-p1-'));
  const command = ['runSandboxed', 'bwrap', `profile: ${label}`, 'node /opt/tki/dist/cli/tki.js inspect --in /in --report-fd 3'];
  return recordRun<Omit<SandboxedInspectView, 'run_id'>>(log, `p1-${label}`, `tki inspect inside bwrap with ${label}`, command, async () => {
    const run = await runSandboxed({ engine: 'bwrap', profile, packetPath: packetDir, packetIsFile: false, nodeArgs: (runtime, reportFd) => [runtime.cliEntry, 'inspect', '--in', '/in', '--report-fd', String(reportFd)] });
    const outFiles = readdirSync(out).sort();
    rmSync(out, { recursive: true, force: true });
    if (!run.ok) return { value: { label, exit_code: null, stderr: '', stdout: '', out_files: outFiles, problem: run.line }, exitCode: null, artifacts: [] };
    return { value: { label, exit_code: run.exit.exitCode, stderr: run.exit.stderr, stdout: run.exit.stdout, out_files: outFiles }, exitCode: run.exit.exitCode, artifacts: [] };
  });
}

/** `tki inspect` with no sandbox at all: P1 must refuse before reading. */
export async function inspectBare(log: RunLog, repoRoot: string, packetDir: string): Promise<SandboxedInspectView> {
  const out = mkdtempSync(path.join(tmpdir(), 'tki-acceptance-bare-'));
  const args = [path.join(repoRoot, 'dist/cli/tki.js'), 'inspect', '--in', packetDir];
  return recordRun<Omit<SandboxedInspectView, 'run_id'>>(log, 'p1-no-sandbox', 'tki inspect outside any sandbox', ['node', ...args], async () => {
    const result = runCommand(process.execPath, args);
    const outFiles = readdirSync(out).sort();
    rmSync(out, { recursive: true, force: true });
    return { value: { label: 'no sandbox', exit_code: result.status, stderr: result.stderr, stdout: result.stdout, out_files: outFiles }, exitCode: result.status, artifacts: [] };
  });
}

/** Runs `body` after importing the CLI's fail-closed guard: whatever the body does, the process must not end with 0. */
export async function failClosedRun(log: RunLog, repoRoot: string, body: string): Promise<{ run_id: string; body: string; exit_code: number | null }> {
  const failClosed = path.join(repoRoot, 'dist/cli/fail-closed.js');
  const args = ['--input-type=module', '-e', `await import(${JSON.stringify(failClosed)}); ${body}`];
  return recordRun(log, 'fail-closed', `node with dist/cli/fail-closed.js, then \`${body || '(nothing)'}\``, ['node', ...args], async () => {
    const result = runCommand(process.execPath, args);
    return { value: { body, exit_code: result.status }, exitCode: result.status, artifacts: [] };
  });
}
