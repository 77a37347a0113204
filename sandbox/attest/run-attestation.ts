import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir, release } from 'node:os';
import { join } from 'node:path';
import { engineVersion } from '../engines/index.js';
import type { EngineName } from '../engines/engine-types.js';
import { runSandboxed } from '../launch/run-sandboxed.js';
import { createTempDir } from '../launch/work-dir.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { profileSha256, sha256Hex } from '../profile/digest.js';
import { insideLimitArgs } from '../profile/rlimit-text.js';
import type { SandboxProfile } from '../profile/types.js';
import { ADDON_RELATIVE_PATH, packageRoot } from '../runtime/package-root.js';
import { PACKET_NATIVE_MODULE } from '../probes/native-code-probes.js';
import { HOST_PATHS_FILE, PROFILE_FILE } from '../probes/types.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { compileOciSeccomp } from '../seccomp/oci.js';
import { compileLimitFlags } from '../engines/node-flags.js';
import { completeChannelProbes } from './channel-evidence.js';
import { runCeilingProbes } from './ceilings.js';
import { parseInsideReport, type AttestationEvidence } from './evidence.js';
import { sandboxResourceMechanism } from './resource-mechanism.js';

export type AttestationResult = { readonly ok: true; readonly evidence: AttestationEvidence } | { readonly ok: false; readonly line: string };

/**
 * Runs the probe runner inside the sandbox under `engine` with a scratch /in and /out, and
 * returns the evidence object. The probes try to reach the host's project and home directories
 * and the scratch directory's own host path.
 */
export async function runAttestation(engine: EngineName, profile: SandboxProfile = DEFAULT_PROFILE): Promise<AttestationResult> {
  // Private (0700) and the launcher's alone: runSandboxed hands the sandbox a staged copy of the packet, never
  // this directory. Removed at the end and on SIGINT/SIGTERM; a killed attestation's is swept at the next start.
  const created = createTempDir('tki-attest-');
  if (!created.ok) return created;
  const scratch = created.value.path;
  try {
    const packetDir = join(scratch, 'in');
    const outputDir = join(scratch, 'out');
    mkdirSync(packetDir);
    writeFileSync(join(packetDir, 'packet.json'), '{}\n');
    // The host paths the probes try to reach travel in the scratch packet, not on the command line
    // (PR-ENV-2 checks that no process inside shows one); PR-DLOPEN-1's packet-supplied shared object
    // is a copy of tki's own addon, a valid ELF that loads anywhere a file may be mapped executable.
    writeFileSync(join(packetDir, HOST_PATHS_FILE), JSON.stringify([packageRoot(), homedir(), scratch]), { mode: 0o644 });
    copyFileSync(join(packageRoot(), ADDON_RELATIVE_PATH), join(packetDir, PACKET_NATIVE_MODULE));
    writeFileSync(join(packetDir, PROFILE_FILE), JSON.stringify(profile), { mode: 0o644 });
    chmodSync(join(packetDir, PACKET_NATIVE_MODULE), 0o644);
    chmodSync(join(packetDir, 'packet.json'), 0o644);
    const run = await runSandboxed({ engine, profile, packetPath: packetDir, packetIsFile: false, nodeArgs: (runtime, reportFd) => [...compileLimitFlags(profile), runtime.probesEntry, ...insideLimitArgs(profile), '--report-fd', String(reportFd)] });
    if (!run.ok) return run;
    const evidenceRecord = run.exit.channel?.records.find((record) => record.kind === 'evidence');
    const inside = evidenceRecord === undefined ? undefined : parseInsideReport(evidenceRecord.payload.toString('utf8'));
    if (inside === undefined) {
      const channelError = run.exit.channel?.error;
      return { ok: false, line: `tki: the probe runner produced no evidence (exit ${run.exit.exitCode}${channelError === undefined ? '' : `, ${channelError.code}: ${channelError.detail}`}): ${run.exit.stderr.trim().split('\n').pop() ?? ''}` };
    }
    const probes = [...(await completeChannelProbes(run.exit, inside.probes, outputDir, profile)), ...(await runCeilingProbes(engine, profile, packetDir))];
    const startup = engine === 'bwrap' ? compileSeccompBpf(profile, 'startup') : JSON.stringify(compileOciSeccomp(profile));
    const passed = probes.filter((probe) => probe.pass).length;
    return {
      ok: true,
      evidence: {
        engine,
        engine_version: await engineVersion(engine),
        kernel: release(),
        profile_sha256: profileSha256(profile),
        seccomp_sha256: sha256Hex(compileSeccompBpf(profile, 'locked')),
        startup_seccomp_sha256: sha256Hex(startup),
        time: new Date().toISOString(),
        probes,
        passed,
        total: probes.length,
        exec_lock: inside.lock,
        resource_ceilings: sandboxResourceMechanism(engine),
        self_check: inside.selfCheck,
        decision_effect: 'NONE',
        may_gate: false,
      },
    };
  } finally {
    created.value.release();
  }
}
