import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import { spawnEngine, type EngineCommand } from '../launch/spawn-engine.js';
import { bwrapCommand } from './bwrap.js';
import { dockerVersion } from './docker-version.js';
import type { EngineName, EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

/** The command that runs `invocation` under `engine`; `workDir` holds engine-side temp files. */
export async function prepareEngineCommand(
  engine: EngineName,
  profile: SandboxProfile,
  invocation: SandboxInvocation,
  workDir: string,
): Promise<EngineResult<EngineCommand>> {
  if (engine === 'bwrap') return bwrapCommand(profile, invocation);
  // Loaded on demand: the image build and the OCI compiler are start-up time bwrap runs never need.
  const { containerCommand } = await import('./container.js');
  return containerCommand(engine, profile, invocation, workDir);
}

/** `bubblewrap 0.8.0`, `podman version 4.3.1`: the first line of `<engine> --version`. */
export async function engineVersion(engine: EngineName): Promise<string> {
  if (engine === 'docker') return dockerVersion();
  const executable = findExecutable(engine);
  if (executable === undefined) return 'not installed';
  const result = await spawnEngine({ executable, args: ['--version'] });
  return result.stdout.split('\n')[0]?.trim() || `unknown (exit ${result.exitCode})`;
}

export { compileBwrapArgs, BWRAP_SECCOMP_FD } from './bwrap-argv.js';
export { compileContainerArgs, PODMAN_TIMEOUT_GRACE_SECONDS, type ContainerRunOptions } from './container-args.js';
export { compileNodeFlags } from './node-flags.js';
export { ENGINE_NAMES, isEngineName, type EngineError, type EngineName, type EngineResult } from './engine-types.js';
export { packetMountTarget, type SandboxInvocation } from './invocation.js';
