import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareEngineCommand } from '../engines/index.js';
import { reportFdFor, type EngineName } from '../engines/engine-types.js';
import type { SandboxProfile } from '../profile/types.js';
import { reportChannelCaps } from '../report/channel-caps.js';
import { discoverRuntime, type RuntimeFiles } from '../runtime/runtime-files.js';
import { createSandboxCgroup, planSandboxCgroup, removeSandboxCgroup, sandboxCgroupProcsFiles, sandboxMemoryCeilingBytes, type SandboxCgroup } from './cgroup.js';
import { engineRefusal } from './engine-refusal.js';
import { chooseSandboxIdentity } from './host-user.js';
import { unreadableBySandbox } from './readable-by.js';
import { stagePacket } from './stage-packet.js';
import { createWorkDir } from './work-dir.js';
import { spawnEngine, type EngineExit, type ReadLimits } from './spawn-engine.js';

export interface SandboxedRun {
  readonly engine: EngineName;
  readonly profile: SandboxProfile;
  readonly packetPath: string;
  readonly packetIsFile: boolean;
  /** node's arguments inside, chosen once the runtime's paths and the report channel's descriptor are known. */
  readonly nodeArgs: (runtime: RuntimeFiles, reportFd: number) => readonly string[];
  /** Called once the engine has started: the launcher's own work that can run beside the inside's start-up. */
  readonly whileRunning?: () => void;
}

export type SandboxedRunResult = { readonly ok: true; readonly exit: EngineExit } | { readonly ok: false; readonly line: string };

/** What the launcher reads at most (SPEC §6): the report channel's cap is the inspector's report limit, one number. */
export function launcherReadLimits(profile: SandboxProfile): ReadLimits {
  return {
    timeoutMs: profile.limits.wallClockSeconds * 1000,
    maxStdoutBytes: profile.limits.maxStdoutBytes,
    maxStderrBytes: profile.limits.maxStderrBytes,
    channel: reportChannelCaps(),
  };
}

/** Discover the runtime, compile the profile for the engine, run it, clean the engine's temp files. */
export async function runSandboxed(run: SandboxedRun): Promise<SandboxedRunResult> {
  const discovered = await discoverRuntime();
  if (!discovered.ok) return { ok: false, line: `tki: the sandbox runtime is incomplete: ${discovered.error.path} is missing (${discovered.error.hint})` };
  const runtime = discovered.runtime;
  const chosen = chooseSandboxIdentity(run.engine, run.profile);
  if (!chosen.ok) return { ok: false, line: chosen.line };
  const hostUser = chosen.identity;
  // bwrap started as the sandbox's own uid binds from the work directory by name: TMPDIR must let it pass.
  const work = createWorkDir(hostUser !== undefined && run.engine === 'bwrap' ? { traverser: hostUser } : {});
  if (!work.ok) return { ok: false, line: work.line };
  const workDir = work.value.path;
  let cgroup: SandboxCgroup | undefined;
  try {
    // bwrap resolves its remaining bind sources (node, its libraries) by name as the sandbox's user: what it cannot reach is one line here, not a failed mount.
    if (hostUser !== undefined && run.engine === 'bwrap') {
      for (const binding of runtime.bindings.filter((entry) => entry.own !== true)) {
        const blocked = unreadableBySandbox(binding.source, [], hostUser);
        if (blocked !== undefined) return { ok: false, line: `tki: BLOCKED: the sandbox runs as its own unprivileged uid ${hostUser.uid} and cannot read ${blocked.path} (mode ${blocked.mode}, owner uid ${blocked.uid}); make it readable for others or run tki as a non-root user who owns it` };
      }
    }
    // The packet is handed in as a private stage (launch/stage-packet.ts). No other host user can
    // reach it: the work directory is the operator's 0700, or, for a root operator, root:<the
    // sandbox's gid> 0710 (only root and this sandbox's uid may pass; bwrap binds it by name as that
    // uid), and the stage below it root:<gid> 0750 with 0440 copies.
    const rootStage = hostUser !== undefined && process.getuid?.() === 0;
    if (rootStage) {
      chownSync(workDir, 0, hostUser.gid);
      chmodSync(workDir, 0o710);
    }
    const stage = join(workDir, randomBytes(12).toString('hex'));
    mkdirSync(stage, { mode: rootStage ? 0o750 : 0o700 });
    if (rootStage) chownSync(stage, 0, hostUser.gid);
    const reader = hostUser === undefined && run.engine === 'bwrap' ? 'operator' : 'others';
    const staged = stagePacket(run.packetPath, join(stage, run.packetIsFile ? 'packet.json' : 'in'), { reader, ...(rootStage ? { group: hostUser.gid } : {}) });
    if (!staged.ok) return { ok: false, line: staged.error.line };
    // bwrap run by root: a memory and pids cgroup of its own (launch/cgroup.ts); elsewhere the rlimits hold alone.
    const plan = run.engine === 'bwrap' ? planSandboxCgroup() : undefined;
    if (plan?.ok === true) {
      try {
        cgroup = createSandboxCgroup(plan, { memoryBytes: sandboxMemoryCeilingBytes(run.profile.limits, run.profile.rlimits.data.hard), pids: run.profile.rlimits.nproc.hard });
      } catch (error) {
        const path = error instanceof Error && 'path' in error ? String(error.path) : 'a cgroup file';
        const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
        return { ok: false, line: `tki: BLOCKED: could not create the sandbox's cgroup (${path}: ${code})` };
      }
    }
    const invocation = {
      runtime,
      packetPath: staged.value.path,
      packetIsFile: run.packetIsFile,
      nodeArgs: run.nodeArgs(runtime, reportFdFor(run.engine, run.profile.reportChannel.fd)),
      ...(hostUser === undefined ? {} : { hostUser }),
      ...(cgroup === undefined ? {} : { cgroupProcs: sandboxCgroupProcsFiles(cgroup) }),
    };
    const command = await prepareEngineCommand(run.engine, run.profile, invocation, workDir);
    if (!command.ok) return { ok: false, line: command.error.line };
    const exited = await spawnEngine({ ...command.value, limits: launcherReadLimits(run.profile), ...(run.whileRunning === undefined ? {} : { onStarted: run.whileRunning }) });
    if (exited.launcherLimit !== undefined && command.value.stop !== undefined) await spawnEngine(command.value.stop);
    if (exited.setupFailure !== undefined) return { ok: false, line: `tki: BLOCKED: ${exited.setupFailure}` };
    const refusal = engineRefusal(run.engine, exited);
    if (refusal !== undefined) return { ok: false, line: refusal };
    return { ok: true, exit: exited };
  } finally {
    work.value.release();
    if (cgroup !== undefined) await removeSandboxCgroup(cgroup);
  }
}
