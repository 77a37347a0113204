import type { SandboxProfile } from './types.js';

/** The ceilings an operator may set on `tki run` (flags), each a positive whole number. */
export interface OperatorLimits {
  /** --timeout: wall clock, seconds. */
  readonly timeout?: string;
  /** --memory: the V8 heap, MiB; the data-segment limit follows it (+1 GiB for buffers, code and node itself). */
  readonly memory?: string;
  /** --cpu: CPU seconds (SIGXCPU; SIGKILL 10 s later). */
  readonly cpu?: string;
  /** --processes: processes and threads of the sandbox's user. */
  readonly processes?: string;
}

const MIB = 1024 * 1024;

/**
 * Upper bounds where a larger number would break the mechanism rather than raise the ceiling:
 * Node clamps a timer past 2^31 − 1 ms to 1 ms (red team round 9: `--timeout 2147484` fired at
 * once or hung), so the wall clock stops at one day, far above any inspection.
 */
const MAXIMUM: Readonly<Partial<Record<keyof OperatorLimits, number>>> = { timeout: 24 * 60 * 60 };

/** The profile with the operator's ceilings, or one line naming the flag that is not a positive whole number. */
export function withOperatorLimits(profile: SandboxProfile, flags: OperatorLimits): { ok: true; profile: SandboxProfile } | { ok: false; problem: string } {
  const values: Record<string, number> = {};
  for (const [name, text] of Object.entries(flags)) {
    if (text === undefined) continue;
    if (!/^[1-9]\d{0,8}$/.test(text)) return { ok: false, problem: `--${name} must be a positive whole number, got ${JSON.stringify(text)}` };
    const maximum = MAXIMUM[name as keyof OperatorLimits];
    if (maximum !== undefined && Number(text) > maximum) return { ok: false, problem: `--${name} must be at most ${String(maximum)}, got ${text}` };
    values[name] = Number(text);
  }
  const { timeout, memory, cpu, processes } = values;
  return {
    ok: true,
    profile: {
      ...profile,
      limits: { ...profile.limits, ...(timeout === undefined ? {} : { wallClockSeconds: timeout }), ...(memory === undefined ? {} : { memoryMiB: memory }) },
      rlimits: {
        ...profile.rlimits,
        ...(memory === undefined ? {} : { data: { soft: (memory + 1024) * MIB, hard: (memory + 1024) * MIB } }),
        ...(cpu === undefined ? {} : { cpu: { soft: cpu, hard: cpu + 10 } }),
        ...(processes === undefined ? {} : { nproc: { soft: processes, hard: processes } }),
      },
    },
  };
}
