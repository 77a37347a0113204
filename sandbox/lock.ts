import { DEFAULT_PROFILE } from './profile/default-profile.js';
import type { SandboxProfile } from './profile/types.js';
import { loadSeccompAddon } from './native/addon.js';
import { compileSeccompBpf } from './seccomp/bpf.js';

/** How long after the launcher's wall clock the inside's own kill timer fires. */
export const INSIDE_KILL_GRACE_SECONDS = 5;

export type ExecLockResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'lock/addon_unavailable' | 'lock/install_failed' | 'lock/limits_failed'; readonly detail: string };

/**
 * The rules the lock installs in this process: refusing all executable memory holds only in a node
 * started with `--jitless` (V8's JIT would otherwise abort the process at its first compilation);
 * elsewhere the lock keeps refusing executable *file* mappings, and `tki inspect`'s node-hardening
 * check refuses to read a packet without the flag (the probe runner always gets it).
 */
export function lockedRules(profile: SandboxProfile, execArgv: readonly string[]): SandboxProfile {
  if (!profile.seccomp.denyExecMemoryAfterStart || execArgv.includes('--jitless')) return profile;
  return { ...profile, seccomp: { ...profile.seccomp, denyExecMemoryAfterStart: false } };
}

/**
 * The in-process lock: the profile's resource limits (bwrap cannot set them; podman and docker
 * already did, so this is a no-op there; limits are only ever tightened), then no_new_privs plus
 * the `locked` seccomp filter (the whole deny list and execve/execveat) on every thread, via TSYNC. Called once node has started and before any
 * packet byte is read; from then on this process cannot start or become another program.
 */
export function applyExecLock(profile: SandboxProfile = DEFAULT_PROFILE): ExecLockResult {
  const loaded = loadSeccompAddon();
  if (!loaded.ok) return { ok: false, code: 'lock/addon_unavailable', detail: `${loaded.error.path}: ${loaded.error.message}` };
  for (const [name, limit] of Object.entries(profile.rlimits) as Array<[keyof SandboxProfile['rlimits'], { soft: number; hard: number }]>) {
    const failed = loaded.addon.setResourceLimit(name, limit.soft, limit.hard);
    if (failed !== 0) return { ok: false, code: 'lock/limits_failed', detail: `setrlimit(${name}, ${limit.soft}, ${limit.hard}) failed with errno ${failed}` };
  }
  // The sandbox's own wall clock: SIGKILL a little after the launcher's (which names the limit when it
  // is alive), so that nothing inside outlives a launcher killed together with its watchdog.
  if (profile.limits.wallClockSeconds > 0) {
    const failed = loaded.addon.armKillTimer(profile.limits.wallClockSeconds + INSIDE_KILL_GRACE_SECONDS);
    if (failed !== 0) return { ok: false, code: 'lock/limits_failed', detail: `timer_create/timer_settime (the wall-clock kill timer) failed with errno ${failed}` };
  }
  if (profile.seccomp.reportUnlistedAfterStart) {
    // The handler first: the locked filter traps unlisted calls, and a trap without a handler kills.
    const failed = loaded.addon.recordUnlistedCalls();
    if (failed !== 0) return { ok: false, code: 'lock/install_failed', detail: `sigaction(SIGSYS) failed with errno ${failed}` };
  }
  const errno = loaded.addon.installFilter(compileSeccompBpf(lockedRules(profile, process.execArgv), 'locked'));
  return errno === 0 ? { ok: true } : { ok: false, code: 'lock/install_failed', detail: `seccomp(SECCOMP_SET_MODE_FILTER, TSYNC) failed with errno ${errno}` };
}
