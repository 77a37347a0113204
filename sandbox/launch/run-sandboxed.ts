import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareEngineCommand } from '../engines/index.js';
import type { EngineName } from '../engines/engine-types.js';
import type { SandboxProfile } from '../profile/types.js';
import { discoverRuntime, type RuntimeFiles } from '../runtime/runtime-files.js';
import { engineRefusal } from './engine-refusal.js';
import { spawnEngine, type EngineExit } from './spawn-engine.js';

export interface SandboxedRun {
  readonly engine: EngineName;
  readonly profile: SandboxProfile;
  readonly packetPath: string;
  readonly packetIsFile: boolean;
  readonly outputDir: string;
  /** node's arguments inside, chosen once the runtime's paths are known. */
  readonly nodeArgs: (runtime: RuntimeFiles) => readonly string[];
}

export type SandboxedRunResult = { readonly ok: true; readonly exit: EngineExit } | { readonly ok: false; readonly line: string };

/** Discover the runtime, compile the profile for the engine, run it, clean the engine's temp files. */
export async function runSandboxed(run: SandboxedRun): Promise<SandboxedRunResult> {
  const discovered = await discoverRuntime();
  if (!discovered.ok) return { ok: false, line: `tki: the sandbox runtime is incomplete: ${discovered.error.path} is missing (${discovered.error.hint})` };
  const runtime = discovered.runtime;
  const workDir = mkdtempSync(join(tmpdir(), 'tki-engine-'));
  try {
    const invocation = { runtime, packetPath: run.packetPath, packetIsFile: run.packetIsFile, outputDir: run.outputDir, nodeArgs: run.nodeArgs(runtime) };
    const command = await prepareEngineCommand(run.engine, run.profile, invocation, workDir);
    if (!command.ok) return { ok: false, line: command.error.line };
    const exited = await spawnEngine(command.value);
    const refusal = engineRefusal(run.engine, exited);
    if (refusal !== undefined) return { ok: false, line: refusal };
    return { ok: true, exit: command.value.afterExit?.(exited) ?? exited };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
