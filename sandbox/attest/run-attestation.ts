import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineVersion } from '../engines/index.js';
import type { EngineName } from '../engines/engine-types.js';
import { runSandboxed } from '../launch/run-sandboxed.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import { profileSha256, sha256Hex } from '../profile/digest.js';
import type { SandboxProfile } from '../profile/types.js';
import { packageRoot } from '../runtime/package-root.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { compileOciSeccomp } from '../seccomp/oci.js';
import { parseInsideReport, type AttestationEvidence } from './evidence.js';

export type AttestationResult = { readonly ok: true; readonly evidence: AttestationEvidence } | { readonly ok: false; readonly line: string };

/**
 * Runs the probe runner inside the sandbox under `engine` with a scratch /in and /out, and
 * returns the evidence object. The probes try to reach the host's project and home directories
 * and the scratch directory's own host path.
 */
export async function runAttestation(engine: EngineName, profile: SandboxProfile = DEFAULT_PROFILE): Promise<AttestationResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'tki-attest-'));
  try {
    const packetDir = join(scratch, 'in');
    const outputDir = join(scratch, 'out');
    mkdirSync(packetDir);
    mkdirSync(outputDir);
    writeFileSync(join(packetDir, 'packet.json'), '{}\n');
    const hostPaths = [packageRoot(), homedir(), scratch];
    const run = await runSandboxed({ engine, profile, packetPath: packetDir, packetIsFile: false, outputDir, nodeArgs: (runtime) => [runtime.probesEntry, ...hostPaths] });
    if (!run.ok) return run;
    const inside = parseInsideReport(run.exit.stdout);
    if (inside === undefined) {
      return { ok: false, line: `tki: the probe runner produced no evidence (exit ${run.exit.exitCode}): ${run.exit.stderr.trim().split('\n').pop() ?? ''}` };
    }
    const startup = engine === 'bwrap' ? compileSeccompBpf(profile, 'startup') : JSON.stringify(compileOciSeccomp(profile));
    const passed = inside.probes.filter((probe) => probe.pass).length;
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
        probes: inside.probes,
        passed,
        total: inside.probes.length,
        exec_lock: inside.lock,
        self_check: inside.selfCheck,
        decision_effect: 'NONE',
        may_gate: false,
      },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
