import type { EngineName } from '../engines/engine-types.js';
import { planSandboxCgroup } from '../launch/cgroup.js';

/**
 * Which mechanism bounds the sandbox's memory and process count as a whole for this engine and
 * operator (docs/sandbox.md, Round four), stated in the attestation so a reader knows when only the
 * per-process rlimits hold (RLIMIT_DATA misses shared and grows-down mappings and counts per process).
 */
export function sandboxResourceMechanism(engine: EngineName): string {
  if (engine !== 'bwrap') {
    if (engine === 'podman' && process.getuid?.() !== 0) return 'rootless podman: the per-process rlimits only (its --memory/--pids-limit are not set: cgroups v1 ignores them for rootless containers)';
    return `${engine}: the container's memory and pids cgroup (--memory, --pids-limit), plus the per-process rlimits`;
  }
  const plan = planSandboxCgroup();
  if (plan.ok) return `bwrap: a memory and pids cgroup of its own per run (cgroup v${plan.version}), plus the per-process rlimits`;
  return `bwrap: the per-process rlimits only — no cgroup can be made: ${plan.reason}`;
}
