import type { Namespace, SandboxProfile } from '../profile/types.js';
import { packetMountTarget, type SandboxInvocation } from './invocation.js';

/** The fd number the seccomp program is passed on (stdio[3] of the bwrap process). */
export const BWRAP_SECCOMP_FD = 3;

const UNSHARE_FLAG: Record<Namespace, string | undefined> = {
  user: '--unshare-user',
  // bwrap always creates a mount namespace.
  mount: undefined,
  net: '--unshare-net',
  pid: '--unshare-pid',
  ipc: '--unshare-ipc',
  uts: '--unshare-uts',
  cgroup: '--unshare-cgroup',
};

/**
 * The profile as a bubblewrap argument list (after `bwrap`). Order matters to bwrap: mounts are
 * made in sequence on an empty tmpfs root, which is made read-only last so that /in, /out and
 * every runtime file are the only host paths and nothing else under / is writable.
 */
export function compileBwrapArgs(profile: SandboxProfile, invocation: SandboxInvocation): string[] {
  const args: string[] = [];
  for (const namespace of profile.namespaces) {
    const flag = UNSHARE_FLAG[namespace];
    if (flag !== undefined) args.push(flag);
  }
  if (!profile.nestedUserNamespaces) args.push('--disable-userns');
  args.push('--die-with-parent', '--new-session', '--clearenv');
  for (const [key, value] of Object.entries(profile.env)) args.push('--setenv', key, value);
  if (profile.dropAllCapabilities) args.push('--cap-drop', 'ALL');
  if (profile.namespaces.includes('uts')) args.push('--hostname', profile.hostname);
  for (const binding of invocation.runtime.bindings) args.push('--ro-bind', binding.source, binding.target);
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--ro-bind', invocation.packetPath, packetMountTarget(profile.packet.target, invocation.packetIsFile));
  args.push('--bind', invocation.outputDir, profile.output.target);
  args.push('--remount-ro', '/dev', '--remount-ro', '/');
  args.push('--chdir', '/');
  args.push('--seccomp', String(BWRAP_SECCOMP_FD));
  args.push('--', invocation.runtime.nodePath, ...invocation.nodeArgs);
  return args;
}
