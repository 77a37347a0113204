import type { EngineName } from '../engines/engine-types.js';
import type { EngineExit } from './spawn-engine.js';

/**
 * Exit codes with which docker and podman say that *they* failed, before or instead of the
 * sandboxed process: 125 the engine itself (daemon error, bad flag, OCI runtime failure), 126 the
 * command inside could not be invoked, 127 it was not found. The inspector inside only ever ends
 * with 1, 2 or 3, and the probe runner with 0.
 */
const CONTAINER_ENGINE_EXIT_CODES: ReadonlySet<number> = new Set([125, 126, 127]);

/**
 * The OCI runtime's own failure to start the container's first process (runc: `exec
 * /sbin/docker-init: resource temporarily unavailable`), which docker passes on with exit 1: its
 * one line alone on stderr, nothing on the report channel.
 */
const RUNTIME_EXEC_FAILURE = /^exec \S+: [a-z][a-z ]+$/;

/** bubblewrap reports its own set-up failures as `bwrap: <reason>` on stderr, with exit 1. */
const BWRAP_ERROR_PREFIX = 'bwrap: ';

/** Known engine errors and what the operator can do about them; the first match wins. */
const REMEDIES: readonly { readonly pattern: RegExp; readonly remedy: (engine: EngineName) => string }[] = [
  { pattern: /Cannot connect to the Docker daemon|Is the docker daemon running/i, remedy: () => 'start the Docker daemon (as root: `bash scripts/setup.sh`, or `dockerd >/var/log/dockerd.log 2>&1 &`), or use --engine bwrap' },
  { pattern: /permission denied while trying to connect to the Docker daemon socket/i, remedy: () => 'run as a member of the docker group or as root, or use --engine bwrap' },
  { pattern: /No such image|Unable to find image|pull access denied/i, remedy: () => 'the local sandbox image vanished while tki ran (removed concurrently?); run the command again and tki rebuilds it' },
  { pattern: /reopening \/dev\/null|\/dev\/null.*permission denied/i, remedy: (engine) => `${engine} could not open /dev/null inside the container: /dev must allow device nodes (see docs/sandbox.md, Docker)` },
  { pattern: /seccomp/i, remedy: (engine) => `${engine} or its runtime refused the seccomp profile: the engine needs libseccomp support (check \`${engine} info\` for "seccomp" under Security Options)` },
  { pattern: /cgroup/i, remedy: (engine) => `${engine} could not set up the container's cgroup (resource limits): check \`${engine} info\` (cgroup driver and version) and the daemon's log` },
  { pattern: /No permissions to creat|setting up uid map|unprivileged|Operation not permitted/i, remedy: () => 'unprivileged user namespaces are off: enable them (sysctl kernel.unprivileged_userns_clone=1 and user.max_user_namespaces > 0) or run as root' },
  { pattern: /ulimit|Minimum memory limit|memory limit|pids-limit|--cpus|cpu quota|NanoCPUs/i, remedy: (engine) => `a resource limit tki asked for is outside what ${engine} accepts: adjust the limit (the profile's limits, or the operator's override) and run again` },
  { pattern: /Can't find source path|No such file or directory/i, remedy: () => 'a path tki hands to the sandbox vanished or cannot be reached: check that the packet and output paths exist and that the launching user can read them' },
  { pattern: /resource temporarily unavailable/i, remedy: () => "a process limit was reached as the container started (RLIMIT_NPROC counts every process of the sandbox's host uid; each run has a uid of its own, so another process holds it): run again, and check the host's process count" },
  { pattern: /No space left on device/i, remedy: (engine) => `free disk space where ${engine} keeps its state (or prune images: \`${engine} image prune\`)` },
];

/**
 * Lines engines print around their error: usage hints ("Run 'docker run --help' for more
 * information", "See 'docker run --help'.", "Usage: ..."), the legacy builder's deprecation notice
 * and its indented continuation, and build progress ("Sending build context", "Step 2/4 : ...").
 */
const NOISE = [/^(Run|See) '.*--help'/, /^Usage:/, /^DEPRECATED:/, /^\s/, /^Sending build context/, /^Step \d+\/\d+ :/, /^-+>/];

/** The engine's own error line out of its stderr: the last line that is not noise (errors come last). */
export function engineErrorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '' && !NOISE.some((noise) => noise.test(line)));
  return lines.at(-1)?.trim() ?? '(no message)';
}

/** "what to do" for an engine error line: a known remedy, or how to look closer. */
export function engineRemedy(engine: EngineName, errorLine: string): string {
  const known = REMEDIES.find((entry) => entry.pattern.test(errorLine));
  if (known !== undefined) return known.remedy(engine);
  if (engine === 'bwrap') return 'bubblewrap runs as the launching user: check the path or permission it names, or choose another engine with --engine';
  return `check that \`${engine}\` can run a container here (\`${engine} info\`, the daemon's or runtime's log), or choose another engine with --engine`;
}

/**
 * When the engine refused to start the sandbox (as opposed to the sandboxed process ending), one
 * line for the operator: the engine, its exit code, its own error line and what to do. Undefined
 * when the exit belongs to the process inside.
 */
export function engineRefusal(engine: EngineName, exit: EngineExit): string | undefined {
  const stderrLines = exit.stderr.split('\n').filter((line) => line.trim() !== '');
  const runtimeExecFailure = exit.exitCode === 1 && stderrLines.length === 1 && RUNTIME_EXEC_FAILURE.test(stderrLines[0]?.trim() ?? '') && (exit.channel?.records.length ?? 0) === 0;
  const refused = engine === 'bwrap'
    ? exit.exitCode === 1 && exit.stderr.trimStart().startsWith(BWRAP_ERROR_PREFIX)
    : CONTAINER_ENGINE_EXIT_CODES.has(exit.exitCode) || runtimeExecFailure;
  if (!refused) return undefined;
  const errorLine = engineErrorLine(exit.stderr);
  return `tki: ${engine} refused to start the sandbox (exit ${exit.exitCode}): ${errorLine} — what to do: ${engineRemedy(engine, errorLine)}`;
}
