import type { SandboxProfile } from '../profile/types.js';
import type { EngineName } from './engine-types.js';
import { dockerOnlyArgs, dockerUnsetEnvArgs } from './docker-args.js';
import { packetMountTarget, type SandboxInvocation } from './invocation.js';

export interface ContainerRunOptions {
  readonly engine: Exclude<EngineName, 'bwrap'>;
  readonly image: string;
  /** Host path of the OCI seccomp JSON compiled from the profile. */
  readonly seccompPath: string;
  /** `uid:gid` the inspector runs as, so reports belong to the operator as under bwrap. */
  readonly user: string;
  /** Rootless podman maps the operator to root inside; `keep-id` maps them to their own uid instead. */
  readonly rootless: boolean;
}

/**
 * The profile as `podman run` / `docker run` arguments (after the engine name). The image holds
 * only the runtime files (built FROM scratch, no shell). /dev, /sys and /sys/fs/cgroup are
 * replaced by empty read-only tmpfs mounts so that /out is the only writable path besides /proc;
 * `runc` is asked for by name under podman because crun fails on hybrid-cgroup hosts.
 */
export function compileContainerArgs(profile: SandboxProfile, invocation: SandboxInvocation, options: ContainerRunOptions): string[] {
  const args = ['run', '--rm', '--pull', 'never'];
  if (options.engine === 'podman') args.push('--runtime', 'runc', '--read-only-tmpfs=false', '--no-hosts', '--unsetenv-all');
  if (options.engine === 'podman' && options.rootless) args.push('--userns', 'keep-id');
  if (profile.namespaces.includes('net')) args.push('--network', 'none');
  if (profile.namespaces.includes('ipc')) args.push('--ipc', 'none');
  args.push('--read-only');
  if (profile.dropAllCapabilities) args.push('--cap-drop', 'ALL');
  if (profile.noNewPrivs) args.push('--security-opt', 'no-new-privileges');
  args.push('--security-opt', `seccomp=${options.seccompPath}`);
  args.push('--hostname', profile.hostname, '--user', options.user, '--workdir', '/');
  for (const [name, limit] of Object.entries(profile.rlimits)) args.push('--ulimit', `${name}=${limit.soft}:${limit.hard}`);
  for (const [key, value] of Object.entries(profile.env)) args.push('--env', `${key}=${value}`);
  if (options.engine === 'docker') args.push(...dockerUnsetEnvArgs(profile), ...dockerOnlyArgs());
  for (const target of [...(options.engine === 'docker' ? [] : ['/dev']), '/sys', '/sys/fs/cgroup']) args.push('--mount', `type=tmpfs,destination=${target},ro=true`);
  args.push('--mount', `type=bind,source=${invocation.packetPath},destination=${packetMountTarget(profile.packet.target, invocation.packetIsFile)},ro=true`);
  args.push('--mount', `type=bind,source=${invocation.outputDir},destination=${profile.output.target}`);
  args.push('--entrypoint', invocation.runtime.nodePath, options.image, ...invocation.nodeArgs);
  return args;
}
