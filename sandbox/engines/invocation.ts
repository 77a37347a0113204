import type { RuntimeFiles } from '../runtime/runtime-files.js';

/** What one sandboxed run needs from the host: every engine compiles this with the profile. */
export interface SandboxInvocation {
  readonly runtime: RuntimeFiles;
  /** Host path of the packet: a directory, or a single `.json` file. */
  readonly packetPath: string;
  readonly packetIsFile: boolean;
  /** Arguments to node inside the sandbox: an entry script under /opt/tki and its arguments. */
  readonly nodeArgs: readonly string[];
  /** The host uid/gid the sandbox runs as when it is not the operator's own (a root operator). */
  readonly hostUser?: { readonly uid: number; readonly gid: number };
  /**
   * bwrap run by root: the `cgroup.procs` files of the sandbox's own cgroup (launch/cgroup.ts).
   * bwrap is then started through tki-enter-cgroup, which joins them and drops to `hostUser`
   * before bwrap creates any namespace.
   */
  readonly cgroupProcs?: readonly string[];
}

/** Where the packet's own files appear inside: a single-file packet becomes `<target>/packet.json`. */
export function packetMountTarget(packetTarget: string, packetIsFile: boolean): string {
  return packetIsFile ? `${packetTarget}/packet.json` : packetTarget;
}
