import type { ResourceLimit, ResourceLimitName, SandboxProfile } from './types.js';

const NAMES: readonly ResourceLimitName[] = ['nofile', 'nproc', 'cpu', 'fsize', 'core', 'data'];

/**
 * The run's resource limits as one argument for the inside (`--rlimits nofile=1024:4096,…`): bwrap
 * has no option for them, so the launcher hands them to the inside's lock, which applies them to
 * itself before anything else (only ever tightening) and P1 confirms them. The operator may have
 * changed them with flags, so the inside cannot take them from its built-in profile.
 */
export function encodeResourceLimits(rlimits: SandboxProfile['rlimits']): string {
  return NAMES.map((name) => `${name}=${rlimits[name].soft}:${rlimits[name].hard}`).join(',');
}

/** The inverse; undefined unless every limit is present exactly once with soft ≤ hard. */
export function decodeResourceLimits(text: string): SandboxProfile['rlimits'] | undefined {
  const found = new Map<string, ResourceLimit>();
  for (const part of text.split(',')) {
    const match = /^([a-z]+)=(\d{1,15}):(\d{1,15})$/.exec(part);
    if (match === null || found.has(match[1] ?? '')) return undefined;
    const soft = Number(match[2]);
    const hard = Number(match[3]);
    if (soft > hard) return undefined;
    found.set(match[1] ?? '', { soft, hard });
  }
  if (found.size !== NAMES.length || !NAMES.every((name) => found.has(name))) return undefined;
  return Object.fromEntries(NAMES.map((name) => [name, found.get(name)])) as SandboxProfile['rlimits'];
}

/**
 * The limits the inside applies to itself, as node arguments: `--rlimits` and the run's wall clock
 * (`--wall-clock <s>`: the lock arms a kill timer from it, launch/../lock.ts), which the operator
 * may also have changed.
 */
export function insideLimitArgs(profile: SandboxProfile): string[] {
  return ['--rlimits', encodeResourceLimits(profile.rlimits), '--wall-clock', String(profile.limits.wallClockSeconds)];
}

/**
 * Removes `--rlimits <value>` and `--wall-clock <s>` from an argv and returns the profile they
 * describe (the given profile's limits for an absent one).
 */
export function takeResourceLimits(argv: readonly string[], profile: SandboxProfile): { argv: string[]; profile: SandboxProfile } | { error: string } {
  let rest = [...argv];
  let limited = profile;
  const index = rest.indexOf('--rlimits');
  if (index >= 0) {
    const decoded = decodeResourceLimits(rest[index + 1] ?? '');
    if (decoded === undefined) return { error: `--rlimits needs nofile, nproc, cpu, fsize, core and data as name=soft:hard` };
    rest = [...rest.slice(0, index), ...rest.slice(index + 2)];
    limited = { ...limited, rlimits: decoded };
  }
  const clock = rest.indexOf('--wall-clock');
  if (clock >= 0) {
    const text = rest[clock + 1] ?? '';
    if (!/^\d{1,7}$/.test(text)) return { error: `--wall-clock needs whole seconds (0: none), not "${text}"` };
    rest = [...rest.slice(0, clock), ...rest.slice(clock + 2)];
    limited = { ...limited, limits: { ...limited.limits, wallClockSeconds: Number(text) } };
  }
  return { argv: rest, profile: limited };
}
