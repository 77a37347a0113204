import { randomBytes } from 'node:crypto';
import type { SandboxProfile } from '../profile/types.js';

/**
 * What Docker needs beyond the flags it shares with podman (`container-args.ts`).
 *
 * `/dev`: Docker's own minimal /dev, made read-only. A tmpfs the operator mounts at /dev replaces
 * Docker's, and Docker then also drops what it would add under it (`/dev/pts`, a writable
 * `/dev/shm`, `/dev/mqueue`). runc still creates its device nodes in it (null, zero, full, random,
 * urandom, tty, ptmx, the fd links) and remounts /dev read-only once they are in place. The mount
 * must carry `dev`: Docker's tmpfs default is `nodev`, and runc's init cannot then reopen
 * /dev/null for the container's stdio ("error reopening /dev/null inside container: permission
 * denied", the failure of the earlier, podman-shaped flags). `noexec`/`nosuid` stay.
 */
export const DOCKER_DEV_TMPFS = '/dev:ro,dev,nosuid,noexec,mode=0755,size=64k';

/**
 * The files Docker generates for every container (its own copies under /var/lib/docker/containers/<id>/,
 * whose host paths /proc/self/mountinfo would show) are replaced by read-only binds of /dev/null:
 * Docker skips its own mount where the operator mounted one, the files read empty (no network:
 * nothing resolves anyway), and the mount's root reads `/null` — no host path.
 */
export const DOCKER_GENERATED_FILES = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'] as const;

export function dockerGeneratedFileArgs(): string[] {
  return DOCKER_GENERATED_FILES.flatMap((target) => ['--mount', `type=bind,source=/dev/null,destination=${target},ro=true`]);
}

/**
 * V8's old space (`--max-old-space-size`, the profile's memory) is not all of node's memory: code,
 * the young generation, native buffers and the addon come on top. The container's memory ceiling
 * leaves this much room above the heap limit, so V8's own limit fires first.
 */
export const DOCKER_MEMORY_HEADROOM_MIB = 256;

/**
 * The profile's ceilings as Docker's cgroup flags (the rlimits travel as `--ulimit`, shared with
 * podman): memory with no swap on top, and a process ceiling for the container as a whole (the
 * nproc rlimit counts every process of uid 65534 on the host, the cgroup only this container's).
 */
export function dockerLimitArgs(profile: SandboxProfile): string[] {
  const memory = `${profile.limits.memoryMiB + DOCKER_MEMORY_HEADROOM_MIB}m`;
  return ['--memory', memory, '--memory-swap', memory, '--pids-limit', String(profile.rlimits.nproc.hard)];
}

/**
 * `--name`: the launcher's handle to stop the container when one of its ceilings fires (killing
 * the docker CLI does not stop the container). `--init`: Docker's tini (bind-mounted read-only at
 * /sbin/docker-init) is PID 1 and node its child; as PID 1 of the pid namespace node itself would
 * be immune to every signal it has no handler for, so RLIMIT_CPU's SIGXCPU and RLIMIT_FSIZE's
 * SIGXFSZ would not end it (the CPU limit would then only fire at its hard value, as a SIGKILL
 * indistinguishable from an OOM kill). `--log-driver none`: the container's stdout (the
 * report channel) still reaches the attached CLI, but the daemon keeps no copy of it on the host's
 * disk (json-file logs under /var/lib/docker).
 */
export function dockerOnlyArgs(profile: SandboxProfile, containerName: string): string[] {
  return ['--name', containerName, '--log-driver', 'none', '--init', '--tmpfs', DOCKER_DEV_TMPFS, ...dockerGeneratedFileArgs(), ...dockerLimitArgs(profile)];
}

/** A fresh container name per run: `tki-sandbox-<12 hex>`. */
export function dockerContainerName(): string {
  return `tki-sandbox-${randomBytes(6).toString('hex')}`;
}

/**
 * Keys the Docker daemon puts into every container's environment (PATH, HOSTNAME, and HOME when
 * unset) that the profile does not have. `--env KEY` without a value, sent by a CLI whose own
 * environment lacks KEY, makes the daemon drop it (the launcher starts the CLI without PATH).
 */
const DOCKER_ADDED_ENV = ['PATH', 'HOSTNAME', 'HOME'];

export function dockerUnsetEnvArgs(profile: SandboxProfile): string[] {
  return DOCKER_ADDED_ENV.filter((key) => !(key in profile.env)).flatMap((key) => ['--env', key]);
}
