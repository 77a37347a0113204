import { realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EngineName } from '../engines/engine-types.js';
import { compileNodeFlags } from '../engines/node-flags.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { insideLimitArgs } from '../profile/rlimit-text.js';
import type { SandboxProfile } from '../profile/types.js';
import { prepareOutputDirectory } from '../report/output-dir.js';
import { insideSnapshotArgs, insideStartUp, type InsideStartUp } from '../runtime/inside-snapshot.js';
import { packageRoot } from '../runtime/package-root.js';
import { runSandboxed } from './run-sandboxed.js';
import { untrusted } from '../../src/text/untrusted-span.js';

export interface SandboxedInspection {
  readonly engine: EngineName;
  /** Host path as the operator typed it: a packet directory or a single `.json` packet. */
  readonly packetPath: string;
  /** Host path of the output directory as typed; created when missing (SPEC §5 rules apply). */
  readonly outputDir: string;
  readonly name?: string;
  readonly profile?: SandboxProfile;
  /** Told how the inspector will start (snapshot or plain bundle, and why) before the engine starts. */
  readonly onStartUp?: (startUp: InsideStartUp) => void;
}

export type SandboxedInspectionResult =
  | { readonly ok: true; readonly exitCode: 1 | 2 | 3; readonly stdoutLines: readonly string[]; readonly stderrLines: readonly string[] }
  | { readonly ok: false; readonly line: string };

type PacketCheck = { ok: true; path: string; isFile: boolean } | { ok: false; line: string };

/** The packet as the operator named it; every message names the typed path, never /in. */
function checkPacket(typed: string): PacketCheck {
  const path = resolve(typed);
  const refuse = (problem: string): PacketCheck => ({ ok: false, line: `tki run: BLOCKED: ${problem}` });
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return refuse(`no packet at ${untrusted(typed)}`);
  if (stats.isFile() && !path.endsWith('.json')) return refuse(`a single-file packet must be a .json file: ${untrusted(typed)}`);
  if (!stats.isFile() && !stats.isDirectory()) return refuse(`the packet ${untrusted(typed)} is neither a directory nor a file`);
  if (stats.isDirectory() && statSync(join(path, 'packet.json'), { throwIfNoEntry: false })?.isFile() !== true) return refuse(`${untrusted(join(typed, 'packet.json'))} does not exist or is not a regular file`);
  return { ok: true, path, isFile: stats.isFile() };
}

/**
 * `tki run` as a function (the CLI prints its result; the acceptance run binds it). The launcher
 * checks the packet and `--out` (SPEC §5), runs `tki inspect` inside the engine with the packet
 * read-only at /in and no writable host path, then writes the three files itself from what came
 * over the report channel — or its own BLOCKED report when a limit fired or the triplet was
 * refused. Messages and report paths are the operator's host paths.
 */
export async function inspectInSandbox(request: SandboxedInspection): Promise<SandboxedInspectionResult> {
  const profile = request.profile ?? DEFAULT_PROFILE;
  const packet = checkPacket(request.packetPath);
  if (!packet.ok) return packet;
  const output = prepareOutputDirectory(request.outputDir, packet, 'run');
  if (!output.ok) return output;
  const name = request.name;
  // The report's validator and writer (zod, the inspector's renderers and text normalizer) are not
  // needed until the inside's report arrives: loaded once the engine has started, so their load runs
  // beside the inside's start-up instead of before it (bench/sandbox-layers.ts measures the difference).
  type Finishing = Promise<[typeof import('../report/finish-run.js'), typeof import('../report/report-schema-check.js')]>;
  let finishing: Finishing | undefined;
  const loadFinishing = (): Finishing => (finishing ??= Promise.all([import('../report/finish-run.js'), import('../report/report-schema-check.js')]));
  // Every engine runs the host's node binary (bound under bwrap, copied into the container image)
  // on tki's own dist/: the build's start-up snapshot fits when that node built it under this
  // profile's V8 flags (runtime/inside-snapshot.ts); otherwise the plain bundle runs.
  const startUp = insideStartUp(packageRoot(), profile, realpathSync(process.execPath));
  request.onStartUp?.(startUp);
  const snapshot = startUp.mode === 'snapshot';
  const run = await runSandboxed({
    whileRunning: () => void loadFinishing().catch(() => undefined),
    engine: request.engine,
    profile,
    packetPath: packet.path,
    packetIsFile: packet.isFile,
    nodeArgs: (runtime, reportFd) => [
      ...compileNodeFlags(profile),
      ...insideSnapshotArgs(snapshot, profile.runtimeRoot),
      runtime.cliEntry,
      'inspect',
      '--in',
      profile.packet.target,
      '--report-fd',
      String(reportFd),
      ...insideLimitArgs(profile),
      ...(name === undefined ? [] : ['--name', name]),
    ],
  });
  if (!run.ok) {
    output.value.release();
    return run;
  }
  const [{ finishRun }, { checkReportJson, expectedCheckpointName }] = await loadFinishing();
  return finishRun({ exit: run.exit, profile, output: output.value, name, packetLabel: request.packetPath, checkReportJson, checkpointName: expectedCheckpointName(name) });
}
