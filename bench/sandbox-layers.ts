import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bwrapCommand } from '../sandbox/engines/bwrap.js';
import { compileNodeFlags } from '../sandbox/engines/node-flags.js';
import { insideLimitArgs } from '../sandbox/profile/rlimit-text.js';
import { sandboxHostUser } from '../sandbox/launch/host-user.js';
import { launcherReadLimits } from '../sandbox/launch/run-sandboxed.js';
import { spawnEngine, type EngineCommand, type EngineExit } from '../sandbox/launch/spawn-engine.js';
import { stagePacket } from '../sandbox/launch/stage-packet.js';
import { DEFAULT_PROFILE } from '../sandbox/profile/default-profile.js';
import type { SandboxProfile } from '../sandbox/profile/types.js';
import { finishRun } from '../sandbox/report/finish-run.js';
import { prepareOutputDirectory } from '../sandbox/report/output-dir.js';
import { checkReportJson, expectedCheckpointName } from '../sandbox/report/report-schema-check.js';
import { discoverRuntime, type RuntimeFiles } from '../sandbox/runtime/runtime-files.js';
import { insideSnapshotArgs, insideSnapshotUsable } from '../sandbox/runtime/inside-snapshot.js';
import { packageRoot } from '../sandbox/runtime/package-root.js';
import { realpathSync } from 'node:fs';
import { median } from './stats.js';

/**
 * The cost of each layer of the bwrap sandbox, each measured as the difference between two
 * variants that differ in that layer only, rounds interleaved, medians of each variant:
 * bwrap alone (namespaces, mounts, the runtime bound), + the start-up seccomp filter, + the
 * resource limits and the in-process lock (tki's inside library bundle), + P1; + the inspector's
 * node flags (permission model, code-generation ban, no JIT, heap and young-generation sizes) on
 * that same P1 script; then the real `tki inspect` in three steps: + its program, lock, P1 and
 * node-hardening, refused before the inspection (`--in` elsewhere than /in), started from the
 * build's V8 start-up snapshot as `tki run` starts it (`snapshot`), and beside it from the plain
 * bundle (`bundle`: read, compile, evaluate zod, the schemas, the text normalizer, the renderers),
 * which is what the snapshot saves; + the inspection and the report channel; + the launcher's
 * decode, validation, re-render and write of the triplet. Then, off the
 * chain: + handing tki's runtime in as file contents instead of binding it (to the refused
 * `tki inspect`, so the 7.5 MB start-up snapshot is among the files copied), and the private stage
 * of the packet (timed in the launcher). Node inside runs a script with `-e` in the first
 * variants, so its own start-up is in every variant alike.
 */
const RUNTIME = '/opt/tki/dist';
const INSIDE = `${RUNTIME}/sandbox/bundle/inside.js`;
const LOCK = `const { applyExecLock } = await import('${INSIDE}'); if (!applyExecLock().ok) process.exit(9);`;
const P1 = `${LOCK} const { runSelfCheck } = await import('${INSIDE}'); if (!runSelfCheck().ok) process.exit(8);`;
export const LAYER_SCRIPTS = { empty: '0', lock: LOCK, p1: P1 } as const;

function withoutStartupFilter(command: EngineCommand): EngineCommand {
  const args = [...command.args];
  const at = args.indexOf('--seccomp');
  if (at >= 0) args.splice(at, 2);
  return { ...command, args, inputs: (command.inputs ?? []).filter((input) => input.fd !== 4) };
}

async function timedRun(command: EngineCommand, expected: readonly number[] = [0]): Promise<{ ms: number; exit: EngineExit }> {
  const started = process.hrtime.bigint();
  const exit = await spawnEngine(command);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!expected.includes(exit.exitCode)) throw new Error(`bench/sandbox-layers: the sandbox exited ${exit.exitCode} (signal ${exit.signal ?? "none"}, limit ${exit.launcherLimit ?? "none"}, ${command.args.slice(-1)[0]?.slice(0, 60) ?? ""}): ${exit.stderr.trim().split('\n').pop() ?? ''}`);
  return { ms, exit };
}

function timedBare(script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // The same (empty) environment node gets inside: NODE_EXTRA_CA_CERTS alone costs tens of ms.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore', env: {} });
    child.on('error', reject);
    child.on('close', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
  });
}

export interface LayerCosts {
  readonly medians: Readonly<Record<string, number>>;
  readonly layers: Readonly<Record<string, number>>;
}

/** Runs `rounds` interleaved rounds of every variant against `packet` (a directory) in `scratch`. */
export async function measureLayers(packet: string, scratch: string, rounds: number): Promise<LayerCosts> {
  const discovered = await discoverRuntime();
  if (!discovered.ok) throw new Error(`bench/sandbox-layers: ${discovered.error.path} is missing`);
  const runtime: RuntimeFiles = discovered.runtime;
  // Options on the command line in every variant (so the filter can be taken out); --args costs the same.
  const bound: SandboxProfile = { ...DEFAULT_PROFILE, engineLaunch: { ...DEFAULT_PROFILE.engineLaunch, argumentsOnDescriptor: false, handInRuntime: false } };
  const handed: SandboxProfile = { ...bound, engineLaunch: { ...bound.engineLaunch, handInRuntime: true } };
  const hostUser = sandboxHostUser(DEFAULT_PROFILE);
  const reader = hostUser === undefined ? 'operator' : 'others';
  let stageCount = 0;
  const stage = (): { ms: number; path: string } => {
    const parent = join(scratch, `stage-${stageCount++}`);
    mkdirSync(parent, { mode: 0o755 });
    const started = process.hrtime.bigint();
    const staged = stagePacket(packet, join(parent, 'in'), { reader });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!staged.ok) throw new Error(staged.error.line);
    return { ms, path: staged.value.path };
  };
  const packetPath = stage().path;
  const command = (profile: SandboxProfile, script: string | readonly string[], filter: boolean): EngineCommand => {
    const nodeArgs = typeof script === 'string' ? ['--input-type=module', '-e', script] : [...script];
    const built = bwrapCommand(profile, { runtime, packetPath, packetIsFile: false, nodeArgs, ...(hostUser === undefined ? {} : { hostUser }) });
    if (!built.ok) throw new Error(built.error.line);
    const limited = { ...built.value, limits: launcherReadLimits(DEFAULT_PROFILE) };
    return filter ? limited : withoutStartupFilter(limited);
  };
  const flags = compileNodeFlags(DEFAULT_PROFILE);
  // The real `tki inspect` (its node flags, the bundle, lock, P1, node-hardening, the inspection, the channel).
  if (!insideSnapshotUsable(packageRoot(), DEFAULT_PROFILE, realpathSync(process.execPath))) throw new Error('bench/sandbox-layers: the inspector\'s start-up snapshot is missing or was built by another node: run `npm run build`');
  const snapshot = insideSnapshotArgs(true, DEFAULT_PROFILE.runtimeRoot);
  const inspectWith = (packetTarget: string, start: readonly string[]): string[] => [...flags, ...start, runtime.cliEntry, 'inspect', '--in', packetTarget, '--report-fd', String(DEFAULT_PROFILE.reportChannel.fd), ...insideLimitArgs(DEFAULT_PROFILE)];
  const inspect = inspectWith(DEFAULT_PROFILE.packet.target, snapshot);
  // The same, refused after lock, P1 and node-hardening and before reading anything: `--in` is not /in.
  const refused = inspectWith(`${DEFAULT_PROFILE.packet.target}/..`, snapshot);
  const refusedFromBundle = inspectWith(`${DEFAULT_PROFILE.packet.target}/..`, []);
  const times: Record<string, number[]> = { bare: [], bwrap: [], seccomp: [], lock: [], p1: [], p1Flags: [], bundle: [], snapshot: [], inspect: [], finished: [], handIn: [], stage: [] };
  let outCount = 0;
  for (let round = -1; round < rounds; round += 1) {
    const sample: Record<string, number> = {};
    sample.bare = await timedBare(LAYER_SCRIPTS.empty);
    sample.bwrap = (await timedRun(command(bound, LAYER_SCRIPTS.empty, false))).ms;
    sample.seccomp = (await timedRun(command(bound, LAYER_SCRIPTS.empty, true))).ms;
    sample.lock = (await timedRun(command(bound, LAYER_SCRIPTS.lock, true))).ms;
    sample.p1 = (await timedRun(command(bound, LAYER_SCRIPTS.p1, true))).ms;
    sample.p1Flags = (await timedRun(command(bound, [...flags, '--input-type=module', '-e', LAYER_SCRIPTS.p1], true))).ms;
    sample.bundle = (await timedRun(command(bound, refusedFromBundle, true), [3])).ms;
    sample.snapshot = (await timedRun(command(bound, refused, true), [3])).ms;
    const started = process.hrtime.bigint();
    const inspectRun = await timedRun(command(bound, inspect, true), [1, 2]);
    sample.inspect = Number(process.hrtime.bigint() - started) / 1e6;
    const output = prepareOutputDirectory(join(scratch, `out-${outCount++}`), undefined, 'run');
    if (!output.ok) throw new Error(output.line);
    const finished = await finishRun({ exit: inspectRun.exit, profile: DEFAULT_PROFILE, output: output.value, name: undefined, packetLabel: 'bench', checkReportJson, checkpointName: expectedCheckpointName(undefined) });
    if (!finished.ok || finished.exitCode === 3) throw new Error('bench/sandbox-layers: the launcher refused the bench report');
    sample.finished = Number(process.hrtime.bigint() - started) / 1e6;
    // The refused inspect again, its runtime (the start-up snapshot included) handed in as content.
    sample.handIn = (await timedRun(command(handed, refused, true), [3])).ms;
    sample.stage = stage().ms;
    // The first round warms the page cache and the module caches: not counted.
    if (round >= 0) for (const [key, value] of Object.entries(sample)) times[key]?.push(value);
  }
  const medians = Object.fromEntries(Object.entries(times).map(([key, values]) => [key, median(values)]));
  const m = (key: string): number => medians[key] ?? Number.NaN;
  return {
    medians,
    layers: {
      bwrap_alone: m('bwrap') - m('bare'),
      startup_seccomp: m('seccomp') - m('bwrap'),
      limits_and_lock: m('lock') - m('seccomp'),
      p1_self_check: m('p1') - m('lock'),
      inspector_node_flags: m('p1Flags') - m('p1'),
      inspector_bundle_load: m('bundle') - m('p1Flags'),
      inspector_snapshot_load: m('snapshot') - m('p1Flags'),
      inspection_and_channel: m('inspect') - m('snapshot'),
      launcher_check_and_write: m('finished') - m('inspect'),
      runtime_hand_in: m('handIn') - m('snapshot'),
      private_packet_stage: m('stage'),
    },
  };
}
