import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { ChannelDecoder, type ChannelCaps } from '../../src/io/report-frame.js';
import { loadSeccompAddon } from '../native/addon.js';

/** A pipe the launcher writes and the engine reads (bwrap's `--args` and `--seccomp` descriptors). */
export interface EngineInput {
  readonly fd: number;
  readonly bytes: Buffer;
}

/** An already open descriptor of the launcher, handed to the engine at `fd` (bwrap's `--file`); spawnEngine closes `source` once the engine has started. */
export interface PassedFd {
  readonly fd: number;
  readonly source: number;
}

/** Where the inside's report channel arrives: a pipe on fd 3, or the engine's stdout (Docker). */
export type ChannelTransport = 'fd3' | 'stdout';

/** What the launcher reads at most, and how long it waits (SPEC §6: a limit ends the run, never a hang). */
export interface ReadLimits {
  readonly timeoutMs: number;
  readonly maxStdoutBytes: number;
  readonly maxStderrBytes: number;
  readonly channel: ChannelCaps;
}

export interface EngineCommand {
  readonly executable: string;
  readonly args: readonly string[];
  /** argv[0] as the engine sees it (and as /proc/1/cmdline shows it inside): a bare name, no host path. */
  readonly argv0?: string;
  readonly inputs?: readonly EngineInput[];
  readonly passFds?: readonly PassedFd[];
  readonly channel?: ChannelTransport;
  /** `empty` for bwrap (nothing of the operator's environment reaches any process inside); container engines need PATH, HOME and XDG_RUNTIME_DIR. */
  readonly env?: 'empty' | 'engine';
  /** Start the engine as this host user (a root operator's privileges are dropped before bwrap runs). */
  readonly user?: { readonly uid: number; readonly gid: number };
  readonly limits?: ReadLimits;
  /** Run when a launcher ceiling stopped the engine and the sandbox may outlive it (docker: `docker kill <name>`). */
  readonly stop?: EngineCommand;
  /**
   * Run by a watchdog when the launcher dies without cleaning up (SIGKILL, OOM kill): podman and
   * docker containers do not die with their CLI (`<engine> rm -f <name>`).
   */
  readonly onLauncherDeath?: EngineCommand;
  /**
   * A helper run before the engine proper (tki-enter-cgroup) that exits with this status and one
   * line on stderr starting `tki-enter-cgroup: ` when it could not set the sandbox up.
   */
  readonly setupFailureStatus?: number;
  /** Called once the engine process exists (after its exec), so the caller's own work overlaps the sandbox's start-up. */
  readonly onStarted?: () => void;
}

/** Which of the launcher's own ceilings ended the run. */
export type LauncherLimit = 'wall-clock' | 'stdout' | 'stderr' | 'report-channel';

export interface EngineExit {
  /** The child's exit code as is (callers coerce 0); a signal or a spawn failure is 3 (fail closed). */
  readonly exitCode: number;
  /** The signal that ended the engine itself, if any (bwrap reports its child's signal as 128 + n). */
  readonly signal?: string;
  readonly stdout: string;
  readonly stderr: string;
  /** The decoded report channel (when the command has one). */
  readonly channel?: ChannelDecoder;
  /** Set when the launcher stopped the engine because one of its ceilings was reached. */
  readonly launcherLimit?: LauncherLimit;
  /** Set when the sandbox could not be set up (tki-enter-cgroup could not place it in its cgroup): its line. */
  readonly setupFailure?: string;
}

/** Engines get only what they need to find their own state (rootless podman needs HOME and XDG_RUNTIME_DIR). */
function engineEnvironment(kind: 'empty' | 'engine'): Record<string, string> {
  if (kind === 'empty') return {};
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  for (const key of ['HOME', 'XDG_RUNTIME_DIR'] as const) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

const UNLIMITED: ReadLimits = {
  timeoutMs: 0,
  maxStdoutBytes: Number.MAX_SAFE_INTEGER,
  maxStderrBytes: Number.MAX_SAFE_INTEGER,
  channel: { maxFileBytes: Number.MAX_SAFE_INTEGER, maxLineBytes: Number.MAX_SAFE_INTEGER, maxEvidenceBytes: Number.MAX_SAFE_INTEGER, maxStreamBytes: Number.MAX_SAFE_INTEGER },
};

function stdioFor(command: EngineCommand): StdioOptions {
  const stdio: Array<'ignore' | 'pipe' | number> = ['ignore', 'pipe', 'pipe'];
  const set = (fd: number, value: 'pipe' | number): void => {
    while (stdio.length <= fd) stdio.push('ignore');
    stdio[fd] = value;
  };
  if (command.channel === 'fd3') set(3, 'pipe');
  for (const input of command.inputs ?? []) set(input.fd, 'pipe');
  for (const passed of command.passFds ?? []) set(passed.fd, passed.source);
  return stdio;
}

const ignore = (): undefined => undefined;

/**
 * A lifeline outside the engine: a detached shell that waits for EOF on a pipe only the launcher
 * holds, then runs `command`. The launcher kills it after a normal end; if the launcher dies
 * first, however it dies, the kernel closes the pipe and the shell removes the container.
 */
function startWatchdog(command: EngineCommand): ChildProcess | undefined {
  try {
    const watchdog = spawn('/bin/sh', ['-c', 'read -r _; exec "$0" "$@" >/dev/null 2>&1', command.executable, ...command.args], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: engineEnvironment(command.env ?? 'engine'),
    });
    watchdog.on('error', ignore);
    watchdog.stdin?.on('error', ignore);
    watchdog.unref();
    (watchdog.stdin as { unref?: () => void } | null)?.unref?.();
    return watchdog;
  } catch {
    return undefined;
  }
}

/**
 * Starts the engine with stdin closed, stdout/stderr read up to their caps, the report channel
 * decoded as it arrives, and a wall clock. Before that, every fd this process inherited is marked
 * close-on-exec: bwrap passes inherited descriptors through, so an open fd from our parent would
 * otherwise reach the sandbox. A ceiling reached kills the engine (SIGKILL; bwrap's
 * --die-with-parent and the pid namespace take the sandbox with it) and is reported as data.
 */
export function spawnEngine(command: EngineCommand): Promise<EngineExit> {
  const refuse = (stderr: string): Promise<EngineExit> => {
    for (const passed of command.passFds ?? []) closeSync(passed.source);
    return Promise.resolve({ exitCode: 3, stdout: '', stderr });
  };
  const addon = loadSeccompAddon();
  if (!addon.ok) return refuse(`tki: cannot load the seccomp addon (${addon.error.path}): run \`npm run build:native\`\n`);
  const cloexecErrno = addon.addon.markInheritedFdsCloexec();
  if (cloexecErrno !== 0) return refuse(`tki: could not mark inherited fds close-on-exec (errno ${cloexecErrno})\n`);
  const limits = command.limits ?? UNLIMITED;
  return new Promise((resolve) => {
    const watchdog = command.onLauncherDeath === undefined ? undefined : startWatchdog(command.onLauncherDeath);
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command.executable, [...command.args], {
        argv0: command.argv0,
        stdio: stdioFor(command),
        env: engineEnvironment(command.env ?? 'engine'),
        ...(command.user === undefined ? {} : { uid: command.user.uid, gid: command.user.gid }),
      });
    } finally {
      // The child has its copies (spawn returns after exec); the launcher's are no longer needed.
      for (const passed of command.passFds ?? []) closeSync(passed.source);
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const counted = { stdout: 0, stderr: 0 };
    let launcherLimit: LauncherLimit | undefined;
    const stop = (limit: LauncherLimit): void => {
      if (launcherLimit !== undefined) return;
      launcherLimit = limit;
      child.kill('SIGKILL');
    };
    const channel = command.channel === undefined ? undefined : new ChannelDecoder(limits.channel);
    const capture = (stream: Readable | null, into: Buffer[], key: 'stdout' | 'stderr', cap: number): void => {
      stream?.on('data', (chunk: Buffer) => {
        counted[key] += chunk.length;
        if (counted[key] > cap) {
          stop(key);
          return;
        }
        into.push(chunk);
      });
    };
    const channelStream = command.channel === 'stdout' ? child.stdout : command.channel === 'fd3' ? (child.stdio[3] as Readable | null) : null;
    let malformed = 0;
    channelStream?.on('data', (chunk: Buffer) => {
      const failure = channel?.push(chunk);
      if (failure?.code === 'channel/over_cap') stop('report-channel');
      else if (failure !== undefined) {
        // A stream that broke its framing is refused whatever follows; what follows is read as plain
        // output, capped as stdout is (Docker's stdout is the channel), so a flood is cut and named.
        malformed += chunk.length;
        if (malformed > limits.maxStdoutBytes) stop(command.channel === 'stdout' ? 'stdout' : 'report-channel');
      }
    });
    channelStream?.on('error', () => undefined);
    if (command.channel !== 'stdout') capture(child.stdout, stdout, 'stdout', limits.maxStdoutBytes);
    capture(child.stderr, stderr, 'stderr', limits.maxStderrBytes);
    for (const input of command.inputs ?? []) {
      const pipe = child.stdio[input.fd] as Writable | null;
      pipe?.on('error', () => undefined);
      pipe?.end(input.bytes);
    }
    const startedAt = performance.now();
    const timer = limits.timeoutMs > 0 ? setTimeout(() => stop('wall-clock'), limits.timeoutMs) : undefined;
    timer?.unref();
    if (child.pid !== undefined) command.onStarted?.();
    child.on('error', (error) => {
      if (timer !== undefined) clearTimeout(timer);
      watchdog?.kill('SIGKILL');
      resolve({ exitCode: 3, stdout: '', stderr: `tki: could not start ${command.executable}: ${error.message}\n` });
    });
    child.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      // A run that lasted the whole wall clock was ended by it, whoever noticed first (the engine's own
      // timeout, a kill racing the launcher's timer) and whatever exit code the engine then returned.
      if (launcherLimit === undefined && limits.timeoutMs > 0 && performance.now() - startedAt >= limits.timeoutMs) launcherLimit = 'wall-clock';
      // A normal end: the container is gone (`--rm`) or stopped by `stop`; the lifeline is not needed.
      watchdog?.kill('SIGKILL');
      channel?.finish();
      const stderrText = Buffer.concat(stderr).toString('utf8');
      const setupFailure = code !== null && code === command.setupFailureStatus && stderrText.startsWith('tki-enter-cgroup: ') ? stderrText.split('\n')[0] : undefined;
      resolve({
        exitCode: code ?? 3,
        ...(signal === null ? {} : { signal }),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: stderrText,
        ...(channel === undefined ? {} : { channel }),
        ...(launcherLimit === undefined ? {} : { launcherLimit }),
        ...(setupFailure === undefined ? {} : { setupFailure }),
      });
    });
  });
}
