import { join } from 'node:path';
import type { ResourceLimitName } from '../profile/types.js';
import { ADDON_RELATIVE_PATH, packageRoot } from '../runtime/package-root.js';

/** The functions of sandbox/native/tki_seccomp.c; each answers 0 or an errno. */
export interface SeccompAddon {
  installFilter(bpf: Buffer): number;
  markInheritedFdsCloexec(): number;
  /** 0 when the call succeeded, its errno otherwise, -1 for a name the addon does not know. */
  attemptSyscall(name: AttemptableSyscall): number;
  setResourceLimit(name: ResourceLimitName, soft: number, hard: number): number;
  /** Forks up to `n` children that only pause, then kills and reaps them: `[created, errno of the first failure or 0]`. */
  attemptProcesses(n: number): [number, number];
  /** Installs the SIGSYS handler that records calls the locked filter traps as unlisted (before installFilter). */
  recordUnlistedCalls(): number;
  /** `[traps in total, ...distinct syscall numbers]` the handler answered with ENOSYS. */
  refusedCalls(): number[];
  /** Arms a POSIX timer on CLOCK_MONOTONIC that sends SIGKILL to this process after `seconds`; 0 or errno. */
  armKillTimer(seconds: number): number;
}

export type { ResourceLimitName } from '../profile/types.js';

/** Only attempts that cannot change anything when they succeed (outside a sandbox). */
export type AttemptableSyscall = 'socket' | 'ptrace' | 'execve' | 'memfd_create' | 'mbind' | 'memfd_secret';

export type AddonResult = { ok: true; addon: SeccompAddon } | { ok: false; error: { code: 'addon/unavailable'; path: string; message: string } };

let loaded: AddonResult | undefined;

/** Loads the addon once, with `process.dlopen` (a fixed path, never one chosen at run time). */
export function loadSeccompAddon(): AddonResult {
  if (loaded !== undefined) return loaded;
  const path = join(packageRoot(), ADDON_RELATIVE_PATH);
  const holder: { exports: Partial<SeccompAddon> } = { exports: {} };
  try {
    process.dlopen(holder, path);
  } catch (error) {
    loaded = { ok: false, error: { code: 'addon/unavailable', path, message: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) } };
    return loaded;
  }
  const { installFilter, markInheritedFdsCloexec, attemptSyscall, setResourceLimit, attemptProcesses, recordUnlistedCalls, refusedCalls, armKillTimer } = holder.exports;
  if (installFilter === undefined || markInheritedFdsCloexec === undefined || attemptSyscall === undefined || setResourceLimit === undefined || attemptProcesses === undefined || recordUnlistedCalls === undefined || refusedCalls === undefined || armKillTimer === undefined) {
    loaded = { ok: false, error: { code: 'addon/unavailable', path, message: 'the addon does not export the expected functions' } };
  } else {
    loaded = { ok: true, addon: { installFilter, markInheritedFdsCloexec, attemptSyscall, setResourceLimit, attemptProcesses, recordUnlistedCalls, refusedCalls, armKillTimer } };
  }
  return loaded;
}
