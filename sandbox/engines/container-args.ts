import type { SandboxProfile } from '../profile/types.js';
import type { EngineName } from './engine-types.js';
import { dockerContainerName, dockerOnlyArgs, dockerUnsetEnvArgs } from './docker-args.js';
import { HOST_INFO_FILES, RUNC_BINDABLE_HOST_INFO_FILES } from './host-info-masks.js';
import { packetMountTarget, type SandboxInvocation } from './invocation.js';

/** Seconds podman's `--timeout` waits past the wall clock the launcher enforces. */
export const PODMAN_TIMEOUT_GRACE_SECONDS = 5;

export interface ContainerRunOptions {
  readonly engine: Exclude<EngineName, 'bwrap'>;
  readonly image: string;
  /** Host path of the OCI seccomp JSON compiled from the profile. */
  readonly seccompPath: string;
  /**
   * `uid:gid` the inspector runs as: the profile's unprivileged user whoever the operator is. Under
   * rootful engines that is host uid 65534; under rootless podman a subordinate uid (the operator
   * is uid 0 of podman's own namespace, so no uid inside maps to the operator, let alone to root).
   */
  readonly user: string;
  /** Memory and pids cgroup limits: only where the engine enforces them (rootful; rootless podman on cgroups v1 cannot). */
  readonly cgroupLimits?: boolean;
  /** The container's name, the launcher's handle to stop or remove it (docker-args.ts for Docker). */
  readonly containerName?: string;
}

/**
 * The profile as `podman run` / `docker run` arguments (after the engine name). The image holds
 * only the runtime files (built FROM scratch, no shell). /dev, /sys and /sys/fs/cgroup are
 * replaced by empty read-only tmpfs mounts so that nothing is writable besides /proc's kernel files;
 * `runc` is asked for by name under podman because crun fails on hybrid-cgroup hosts.
 */
export function compileContainerArgs(profile: SandboxProfile, invocation: SandboxInvocation, options: ContainerRunOptions): string[] {
  const args = ['run', '--rm', '--pull', 'never'];
  if (options.engine === 'podman') args.push('--runtime', 'runc', '--read-only-tmpfs=false', '--no-hosts', '--unsetenv-all');
  // podman hands the report channel's pipe (fd 3 of the podman process) to the container as fd 3.
  if (options.engine === 'podman') args.push('--preserve-fds', '1');
  // The launcher's handle on the container (docker-args.ts adds Docker's with its own flags).
  if (options.engine === 'podman' && options.containerName !== undefined) args.push('--name', options.containerName);
  if (profile.namespaces.includes('net')) args.push('--network', 'none');
  if (profile.namespaces.includes('ipc')) args.push('--ipc', 'none');
  // On cgroups v1 both engines default to the host's cgroup namespace: /proc/self/cgroup would name
  // the container's host cgroup (/docker/<id>, /libpod_parent/libpod-<id>).
  if (profile.namespaces.includes('cgroup')) args.push('--cgroupns', 'private');
  args.push('--read-only');
  if (profile.dropAllCapabilities) args.push('--cap-drop', 'ALL');
  if (profile.noNewPrivs) args.push('--security-opt', 'no-new-privileges');
  args.push('--security-opt', `seccomp=${options.seccompPath}`);
  // Host information under /proc (host-info-masks.ts): podman masks paths by name; the Docker CLI
  // cannot, and runc binds /dev/null over only the /proc files on its allowlist.
  if (options.engine === 'podman') args.push('--security-opt', `mask=${HOST_INFO_FILES.join(':')}`);
  else for (const target of RUNC_BINDABLE_HOST_INFO_FILES) args.push('--mount', `type=bind,source=/dev/null,destination=${target},ro=true`);
  args.push('--hostname', profile.hostname, '--user', options.user, '--workdir', '/');
  for (const [name, limit] of Object.entries(profile.rlimits)) args.push('--ulimit', `${name}=${limit.soft}:${limit.hard}`);
  // The launcher's timer ends the run and names it; podman's own timeout is only the backstop for a
  // launcher that died, later by a grace so the two never race (a podman timeout exits 255, unnamed).
  if (options.engine === 'podman' && profile.limits.wallClockSeconds > 0) args.push('--timeout', String(profile.limits.wallClockSeconds + PODMAN_TIMEOUT_GRACE_SECONDS));
  if (options.cgroupLimits === true) {
    args.push('--pids-limit', String(profile.rlimits.nproc.hard));
    if (profile.limits.memoryMiB > 0) args.push('--memory', `${profile.limits.memoryMiB + 1024}m`, '--memory-swap', `${profile.limits.memoryMiB + 1024}m`);
  }
  for (const [key, value] of Object.entries(profile.env)) args.push('--env', `${key}=${value}`);
  if (options.engine === 'docker') args.push(...dockerUnsetEnvArgs(profile), ...dockerOnlyArgs(profile, options.containerName ?? dockerContainerName()));
  for (const target of [...(options.engine === 'docker' ? [] : ['/dev']), '/sys', '/sys/fs/cgroup']) args.push('--mount', `type=tmpfs,destination=${target},ro=true`);
  args.push('--mount', `type=bind,source=${invocation.packetPath},destination=${packetMountTarget(profile.packet.target, invocation.packetIsFile)},ro=true`);
  args.push('--entrypoint', invocation.runtime.nodePath, options.image, ...invocation.nodeArgs);
  return args;
}
