import { compileLimitFlags } from '../engines/node-flags.js';
import type { EngineName } from '../engines/engine-types.js';
import { runSandboxed } from '../launch/run-sandboxed.js';
import type { CeilingAttack } from '../probes/ceiling-attacks.js';
import type { ProbeId, ProbeRecord } from '../probes/types.js';
import { insideLimitArgs } from '../profile/rlimit-text.js';
import type { SandboxProfile } from '../profile/types.js';
import { firedLimit } from '../report/settle.js';

interface CeilingTrial {
  readonly attack: CeilingAttack;
  /** The ceiling lowered for the trial so it fires in seconds; the mechanism is the run's. */
  readonly tighten: (profile: SandboxProfile) => SandboxProfile;
  /** The limit firedLimit must name. */
  readonly expect: RegExp;
}

interface CeilingProbe {
  readonly id: Extract<ProbeId, 'PR-MEM-1' | 'PR-FSIZE-1' | 'PR-TIME-1'>;
  readonly attempt: string;
  readonly expected: string;
  readonly trials: readonly CeilingTrial[];
}

const MIB = 1024 * 1024;
/** A limit this large is "none" (a loosened profile): the trial keeps it, so the probe shows its absence. */
const UNLIMITED = 2 ** 50;
/** Every trial ends by then at the latest, whatever the profile says (a ceiling that does not hold must not hang the attestation). */
const SAFETY_SECONDS = 20;

function lower(value: number, to: number): number {
  return value === 0 || value >= UNLIMITED ? value : Math.min(value, to);
}

function withSafety(profile: SandboxProfile, wallClockSeconds = SAFETY_SECONDS): SandboxProfile {
  const current = profile.limits.wallClockSeconds;
  return { ...profile, limits: { ...profile.limits, wallClockSeconds: current === 0 ? SAFETY_SECONDS : Math.min(current, wallClockSeconds) } };
}

/**
 * The ceilings, each really reached from inside in its own sandboxed run (the probe runner with
 * `--ceiling`): the launcher must end the run, name the limit, and never hang or grow. Ceilings
 * the profile has are lowered for the trial so they fire in seconds (64 MiB heap, 512 MiB data,
 * 2 s wall clock, 1 s CPU); one the profile lacks stays absent, and the trial then fails. The
 * report channel's cap and the stdout cap are the run's own.
 */
export const CEILING_PROBES: readonly CeilingProbe[] = [
  {
    id: 'PR-MEM-1',
    attempt: 'grow the JS heap without end (heap ceiling lowered to 64 MiB); allocate 64 MiB buffers without end (data ceiling lowered to 512 MiB)',
    expected: 'each run ends, named as the memory limit by the launcher, the buffers never past the data ceiling',
    trials: [
      { attack: 'heap', tighten: (profile) => withSafety({ ...profile, limits: { ...profile.limits, memoryMiB: lower(profile.limits.memoryMiB, 64) } }), expect: /memory limit/ },
      { attack: 'buffers', tighten: (profile) => withSafety({ ...profile, rlimits: { ...profile.rlimits, data: { soft: lower(profile.rlimits.data.soft, 512 * MIB), hard: lower(profile.rlimits.data.hard, 512 * MIB) } } }), expect: /memory limit/ },
    ],
  },
  {
    id: 'PR-FSIZE-1',
    attempt: 'send a report frame one byte larger than maxReportBytes and stream it; flood stdout',
    expected: 'the launcher stops each run at its cap (report channel, stdout) and names it',
    trials: [
      { attack: 'channel', tighten: (profile) => withSafety(profile), expect: /report channel cap/ },
      { attack: 'stdout', tighten: (profile) => withSafety(profile), expect: /stdout cap/ },
    ],
  },
  {
    id: 'PR-TIME-1',
    attempt: 'spin without end (wall clock lowered to 2 s); spin without end (CPU lowered to 1 s)',
    expected: 'the wall clock and the CPU limit each end a run within seconds, named',
    trials: [
      { attack: 'spin', tighten: (profile) => withSafety(profile, 2), expect: /wall-clock limit \(2 s\)/ },
      { attack: 'spin', tighten: (profile) => withSafety({ ...profile, rlimits: { ...profile.rlimits, cpu: { soft: lower(profile.rlimits.cpu.soft, 1), hard: lower(profile.rlimits.cpu.hard, 2) } } }), expect: /CPU time/ },
    ],
  },
];

async function runTrial(engine: EngineName, profile: SandboxProfile, packetDir: string, trial: CeilingTrial): Promise<{ observed: string; pass: boolean }> {
  const tightened = trial.tighten(profile);
  const started = Date.now();
  const run = await runSandboxed({
    engine,
    profile: tightened,
    packetPath: packetDir,
    packetIsFile: false,
    nodeArgs: (runtime, reportFd) => [...compileLimitFlags(tightened), runtime.probesEntry, ...insideLimitArgs(tightened), '--report-fd', String(reportFd), '--ceiling', trial.attack],
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!run.ok) return { observed: `${trial.attack}: not run (${run.line})`, pass: false };
  // An allocation the data limit refused is caught inside (node reports it as an error, not a signal).
  const refused = /refused at (\d+) MiB/.exec(run.exit.stderr)?.[1];
  const limit = firedLimit(run.exit, tightened) ?? (refused === undefined ? undefined : `memory limit (allocation refused at ${refused} MiB under a ${tightened.rlimits.data.hard / MIB} MiB data limit)`);
  const allocated = [...run.exit.stderr.matchAll(/allocated (\d+) MiB/g)].pop()?.[1];
  const beyondData = allocated !== undefined && Number(allocated) * MIB > tightened.rlimits.data.hard;
  const detail = allocated === undefined ? '' : `, last allocation at ${allocated} MiB`;
  const pass = limit !== undefined && trial.expect.test(limit) && !beyondData;
  return { observed: `${trial.attack}: ended after ${seconds} s by ${limit ?? `nothing named (exit ${run.exit.exitCode})`}${detail}`, pass };
}

/** The three ceiling probes' records, in PROBE_IDS order. */
export async function runCeilingProbes(engine: EngineName, profile: SandboxProfile, packetDir: string): Promise<ProbeRecord[]> {
  const records: ProbeRecord[] = [];
  for (const probe of CEILING_PROBES) {
    const outcomes = [];
    for (const trial of probe.trials) outcomes.push(await runTrial(engine, profile, packetDir, trial));
    records.push({ id: probe.id, attempt: probe.attempt, expected: probe.expected, observed: outcomes.map((outcome) => outcome.observed).join('; '), pass: outcomes.every((outcome) => outcome.pass) });
  }
  return records;
}
