import type { Namespace, SandboxProfile } from '../profile/types.js';
import type { HandedInFile } from './bwrap-hand-in.js';
import { packetMountTarget, type SandboxInvocation } from './invocation.js';

/**
 * Descriptors of the bwrap process: 3 is the report channel (passed through to node inside), 4
 * carries the seccomp program, 5 the arguments (`--args 5`): host paths never appear on bwrap's
 * command line, which /proc/1/cmdline would show inside.
 */
export const BWRAP_SECCOMP_FD = 4;
export const BWRAP_ARGS_FD = 5;
/** tki's own runtime files are handed in on descriptors from here on (bwrap-hand-in.ts). */
export const BWRAP_FIRST_FILE_FD = 6;

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
 * The character devices node may open. Bound one by one onto an empty /dev instead of `--dev`:
 * `--dev` mounts a devpts, for which bwrap nests a second user namespace, and then
 * /proc/self/uid_map inside shows the intermediate namespace instead of the host uid P1 must check.
 */
export const DEVICE_NODES = ['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom'] as const;

/**
 * The profile as a bubblewrap argument list, ending with `--`, node and its arguments. Order
 * matters to bwrap: mounts are made in sequence on an empty tmpfs root, which is made read-only
 * last; nothing in the sandbox is a writable host path. /proc/sys is covered by an empty read-only
 * tmpfs (bwrap covers it only when it finds it writable); /proc/sysrq-trigger is root's, unmapped here.
 */
/** Descriptors beyond the fixed ones: empty files over the host-information /proc files. */
export interface BwrapExtras {
  readonly masks?: readonly HandedInFile[];
}

export function compileBwrapArgs(profile: SandboxProfile, invocation: SandboxInvocation, handedIn?: readonly HandedInFile[], extras: BwrapExtras = {}): string[] {
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
  // tki's own files arrive as content on descriptors when given (`--file`, into the tmpfs root that
  // is made read-only below): their host paths then appear nowhere inside, not even as a mount's root.
  for (const binding of invocation.runtime.bindings) if (handedIn === undefined || binding.own !== true) args.push('--ro-bind', binding.source, binding.target);
  for (const file of handedIn ?? []) args.push('--perms', '0444', '--file', String(file.fd), file.target);
  args.push('--proc', '/proc');
  if (profile.engineLaunch.coverProcSys) args.push('--tmpfs', '/proc/sys', '--remount-ro', '/proc/sys');
  for (const mask of extras.masks ?? []) args.push('--ro-bind-data', String(mask.fd), mask.target);
  args.push('--tmpfs', '/dev');
  for (const device of DEVICE_NODES) args.push('--dev-bind', device, device);
  args.push('--ro-bind', invocation.packetPath, packetMountTarget(profile.packet.target, invocation.packetIsFile));
  args.push('--remount-ro', '/dev', '--remount-ro', '/');
  args.push('--chdir', '/');
  args.push('--seccomp', String(BWRAP_SECCOMP_FD));
  args.push('--', invocation.runtime.nodePath, ...invocation.nodeArgs);
  return args;
}

/** NUL-terminated arguments for `--args FD`: everything up to `--` (bind sources are host paths). */
export function encodeBwrapArgsFd(args: readonly string[]): { data: Buffer; command: string[] } {
  const split = args.indexOf('--');
  const options = split < 0 ? args : args.slice(0, split);
  const command = split < 0 ? [] : args.slice(split);
  return { data: Buffer.from(options.map((arg) => `${arg}\0`).join(''), 'utf8'), command };
}
