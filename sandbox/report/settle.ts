import type { EngineExit } from '../launch/spawn-engine.js';
import type { SandboxProfile } from '../profile/types.js';
import { checkTriplet, type ReportTriplet } from './write-triplet.js';
import type { LauncherBlockCode } from './launcher-report.js';

/** How a sandboxed run ends for the launcher. */
export type RunSettlement =
  | { readonly kind: 'report'; readonly triplet: ReportTriplet; readonly finalVerdict: string }
  | { readonly kind: 'blocked'; readonly code: LauncherBlockCode; readonly detail: string }
  /** Nothing was sent and no limit fired: P1 or a usage check refused inside; its stderr line says why. */
  | { readonly kind: 'refused' };

/** Signals an engine reports as 128 + n when its child died of one. */
const SIGNALS: Readonly<Record<number, string>> = { 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 24: 'SIGXCPU', 25: 'SIGXFSZ', 31: 'SIGSYS' };

/**
 * V8's own words when the heap ceiling kills it: "Reached heap limit … JavaScript heap out of
 * memory" while running, "Fatal javascript OOM in GC during deserialization" when the ceiling is
 * below what its start-up snapshot needs (`--memory 1`), "Fatal process out of memory" elsewhere.
 */
const V8_OUT_OF_MEMORY = /heap limit|heap out of memory|fatal javascript (?:oom|out of memory)|fatal process out of memory/i;

/**
 * Which ceiling ended the run, by name, or undefined. The launcher's own (wall clock, read caps)
 * are known for certain; the others are read from how the inside died: V8's heap limit aborts
 * with its own message, RLIMIT_CPU sends SIGXCPU, RLIMIT_FSIZE SIGXFSZ, a cgroup OOM kill SIGKILL.
 */
export function firedLimit(exit: EngineExit, profile: SandboxProfile): string | undefined {
  const limits = profile.limits;
  if (exit.launcherLimit === 'wall-clock') return `wall-clock limit (${limits.wallClockSeconds} s)`;
  if (exit.launcherLimit === 'stdout') return `stdout cap (${limits.maxStdoutBytes} bytes)`;
  if (exit.launcherLimit === 'stderr') return `stderr cap (${limits.maxStderrBytes} bytes)`;
  if (exit.launcherLimit === 'report-channel') {
    const error = exit.channel?.error;
    if (error !== undefined && error.code !== 'channel/over_cap') return `report channel cap (${limits.maxStdoutBytes} bytes after a malformed stream: ${error.code}: ${error.detail})`;
    return `report channel cap (${error?.detail ?? 'exceeded'})`;
  }
  if (V8_OUT_OF_MEMORY.test(exit.stderr)) return `memory limit (V8 heap ${limits.memoryMiB} MiB)`;
  const signal = exit.exitCode > 128 ? SIGNALS[exit.exitCode - 128] : undefined;
  if (signal === 'SIGXCPU') return 'CPU time limit (RLIMIT_CPU)';
  if (signal === 'SIGXFSZ') return 'file size limit (RLIMIT_FSIZE)';
  // RLIMIT_CPU's hard limit is a SIGKILL too (node as PID 1 under podman ignores the soft SIGXCPU).
  if (signal === 'SIGKILL') return 'killed inside the sandbox (CPU time hard limit, memory cgroup or process limit)';
  if (signal === 'SIGSYS') return 'a system call outside the seccomp allowlist killed the process';
  if (signal !== undefined) return `the sandboxed process died of ${signal}`;
  return undefined;
}

/**
 * From the engine's exit and the decoded channel to what the launcher writes: the inside's triplet
 * when it arrived complete and valid, a launcher BLOCKED report when a limit fired or what arrived
 * is refused, nothing when the inside refused before sending anything (P1).
 */
export function settleRun(
  exit: EngineExit,
  profile: SandboxProfile,
  checkpointName: string,
  schema: Parameters<typeof checkTriplet>[2],
): RunSettlement {
  const limit = firedLimit(exit, profile);
  const channel = exit.channel;
  if (limit !== undefined) return { kind: 'blocked', code: 'sandbox/limit_exceeded', detail: limit };
  if (channel === undefined || channel.error?.code === 'channel/truncated' && channel.records.length === 0 && channel.error.detail === 'nothing was sent') return { kind: 'refused' };
  if (channel.error !== undefined) return { kind: 'blocked', code: 'sandbox/report_rejected', detail: `${channel.error.code}: ${channel.error.detail}` };
  const checked = checkTriplet(channel.records, checkpointName, schema);
  if (!checked.ok) return { kind: 'blocked', code: checked.limit === true ? 'sandbox/limit_exceeded' : 'sandbox/report_rejected', detail: checked.reason };
  return { kind: 'report', triplet: checked.triplet, finalVerdict: checked.finalVerdict };
}
