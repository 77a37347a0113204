import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspectToDirectory } from '../../../sandbox/report/in-process.js';
import { DEFAULT_LIMITS, type InspectorLimits } from '../../../src/index.js';

export interface RunResult {
  readonly exitCode: number | null;
  readonly line: string;
  readonly verdict: string;
  readonly report: Record<string, unknown> | undefined;
  readonly markdown: string | undefined;
  readonly checkpoint: string | undefined;
  readonly ms: number;
  readonly stderr: string;
}

function readOutputs(outDir: string): Pick<RunResult, 'report' | 'markdown' | 'checkpoint'> {
  const reportPath = path.join(outDir, 'report.json');
  const mdPath = path.join(outDir, 'report.md');
  const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Record<string, unknown>) : undefined;
  const markdown = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : undefined;
  const checkpointName = existsSync(outDir) ? undefined : undefined;
  return { report, markdown, checkpoint: checkpointName };
}

/** The unsandboxed entry the tests and the benchmark use. */
export async function runInProcess(packetPath: string, outDir: string, limits: Partial<InspectorLimits> = {}): Promise<RunResult> {
  const started = performance.now();
  const outcome = await inspectToDirectory({ packetPath, outDir }, { ...DEFAULT_LIMITS, ...limits });
  const ms = performance.now() - started;
  // Only what this run wrote: a refused output directory may hold files that are not reports.
  const outputs = outcome.reportFiles.length === 0 ? { report: undefined, markdown: undefined, checkpoint: undefined } : readOutputs(outDir);
  return { exitCode: outcome.exitCode, line: outcome.line, verdict: String(outcome.verdict), ...outputs, ms, stderr: '' };
}

const CLI = path.resolve(import.meta.dirname, '../../../dist/cli/tki.js');

/** `tki run` as an operator types it (bubblewrap sandbox). */
export function runCli(packetPath: string, outDir: string, timeoutMs = 120_000): RunResult {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CLI, 'run', packetPath, '--out', outDir], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  // stdout: the verdict line, then one `report: <path>` line per file written.
  const stdoutLines = `${child.stdout}`.split('\n').filter((candidate) => candidate.length > 0);
  const line = stdoutLines.filter((candidate) => !/^report: /.test(candidate)).join('\n');
  const verdictMatch = /\b(READ_LEVEL_FAIL|UNVERIFIED|BLOCKED)\b/.exec(line);
  return { exitCode: child.status, line, verdict: verdictMatch?.[1] ?? '', ...readOutputs(outDir), ms, stderr: `${child.stderr}` };
}

export function flagsOf(report: Record<string, unknown> | undefined): string[] {
  const flags = (report?.flags as string[] | undefined) ?? [];
  return [...new Set(flags)].sort();
}

export function claimOf(report: Record<string, unknown> | undefined, claimId: string): Record<string, unknown> | undefined {
  const claims = (report?.claims as Record<string, unknown>[] | undefined) ?? [];
  return claims.find((claim) => claim.claim_id === claimId);
}
