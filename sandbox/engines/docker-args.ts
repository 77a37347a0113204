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
 * `--log-driver none`: the container's stdout still reaches the attached CLI (and the launcher),
 * but the daemon keeps no copy of it on the host's disk (json-file logs under /var/lib/docker).
 */
export function dockerOnlyArgs(): string[] {
  return ['--log-driver', 'none', '--tmpfs', DOCKER_DEV_TMPFS];
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
