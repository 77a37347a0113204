import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareEngineCommand } from '../engines/index.js';
import { reportFdFor, type EngineName } from '../engines/engine-types.js';
import type { SandboxProfile } from '../profile/types.js';
import { reportChannelCaps } from '../report/channel-caps.js';
import { discoverRuntime, type RuntimeFiles } from '../runtime/runtime-files.js';
import { engineRefusal } from './engine-refusal.js';
import { sandboxHostUser } from './host-user.js';
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
  const work = createWorkDir();
  const workDir = work.path;
  try {
    const hostUser = sandboxHostUser(run.profile);
    // bwrap resolves its remaining bind sources (node, its libraries) by name as the sandbox's user: what it cannot reach is one line here, not a failed mount.
    if (hostUser !== undefined && run.engine === 'bwrap') {
      for (const binding of runtime.bindings.filter((entry) => entry.own !== true)) {
        const blocked = unreadableBySandbox(binding.source, [], hostUser);
        if (blocked !== undefined) return { ok: false, line: `tki: BLOCKED: the sandbox runs as ${run.profile.rootOperatorRunsAs.name} (uid ${hostUser.uid}) and cannot read ${blocked.path} (mode ${blocked.mode}, owner uid ${blocked.uid}); make it readable for others or run tki as a non-root user who owns it` };
      }
    }
    // The packet is handed in as a private stage (launch/stage-packet.ts): under a name nobody else
    // can list (the work directory is 0700, or 0711 when a root operator's sandbox user must pass).
    const stage = join(workDir, randomBytes(12).toString('hex'));
    mkdirSync(stage, { mode: 0o755 });
    if (hostUser !== undefined) chmodSync(workDir, 0o711);
    const staged = stagePacket(run.packetPath, join(stage, run.packetIsFile ? 'packet.json' : 'in'), { reader: hostUser === undefined && run.engine === 'bwrap' ? 'operator' : 'others' });
    if (!staged.ok) return { ok: false, line: staged.error.line };
    // A root operator's stage holds copies of files only root could read (0444 so the sandbox's
    // user can): its directory then belongs to that user alone (0500), so no other local user can
    // pass into it, whatever name /proc/<pid>/mountinfo shows for /in (round 4).
    if (hostUser !== undefined) {
      chownSync(stage, hostUser.uid, hostUser.gid);
      chmodSync(stage, 0o500);
    }
    const invocation = {
      runtime,
      packetPath: staged.value.path,
      packetIsFile: run.packetIsFile,
      nodeArgs: run.nodeArgs(runtime, reportFdFor(run.engine, run.profile.reportChannel.fd)),
      ...(hostUser === undefined ? {} : { hostUser }),
    };
    const command = await prepareEngineCommand(run.engine, run.profile, invocation, workDir);
    if (!command.ok) return { ok: false, line: command.error.line };
    const exited = await spawnEngine({ ...command.value, limits: launcherReadLimits(run.profile) });
    if (exited.launcherLimit !== undefined && command.value.stop !== undefined) await spawnEngine(command.value.stop);
    const refusal = engineRefusal(run.engine, exited);
    if (refusal !== undefined) return { ok: false, line: refusal };
    return { ok: true, exit: exited };
  } finally {
    work.release();
  }
}
