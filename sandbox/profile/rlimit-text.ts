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

/** Removes `--rlimits <value>` from an argv and returns the profile it describes (the default's limits when absent). */
export function takeResourceLimits(argv: readonly string[], profile: SandboxProfile): { argv: string[]; profile: SandboxProfile } | { error: string } {
  const index = argv.indexOf('--rlimits');
  if (index < 0) return { argv: [...argv], profile };
  const decoded = decodeResourceLimits(argv[index + 1] ?? '');
  if (decoded === undefined) return { error: `--rlimits needs nofile, nproc, cpu, fsize, core and data as name=soft:hard` };
  return { argv: [...argv.slice(0, index), ...argv.slice(index + 2)], profile: { ...profile, rlimits: decoded } };
}
