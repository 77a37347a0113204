import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import { spawnEngine, type EngineCommand } from '../launch/spawn-engine.js';
import { compileOciSeccomp } from '../seccomp/oci.js';
import { compileContainerArgs } from './container-args.js';
import type { EngineName, EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';
import { ensureLocalImage } from './local-image.js';

const INSTALL_HINT: Record<Exclude<EngineName, 'bwrap'>, string> = {
  podman: 'tki: podman is not installed; install it: apt-get install podman runc uidmap (Debian/Ubuntu)',
  docker: 'tki: docker is not installed; install Docker Engine (https://docs.docker.com/engine/install/) or use --engine bwrap',
};

/** podman or docker: a local FROM-scratch image, the OCI seccomp JSON in `workDir`, then `run`. */
export async function containerCommand(
  engine: Exclude<EngineName, 'bwrap'>,
  profile: SandboxProfile,
  invocation: SandboxInvocation,
  workDir: string,
): Promise<EngineResult<EngineCommand>> {
  const executable = findExecutable(engine);
  if (executable === undefined) return { ok: false, error: { code: 'engine/missing', line: INSTALL_HINT[engine] } };
  // `--mount` is a comma-separated key=value list: a comma in a path would be read as another option.
  const unsafe = [invocation.packetPath].find((path) => /[,\n]/.test(path));
  if (unsafe !== undefined) return { ok: false, error: { code: 'engine/unusable', line: `tki: ${engine} cannot mount a path containing a comma or newline: ${JSON.stringify(unsafe)}; rename it or use --engine bwrap` } };
  if (engine === 'docker') {
    const server = await spawnEngine({ executable, args: ['version', '--format', '{{.Server.Version}}'] });
    if (server.exitCode !== 0) {
      return { ok: false, error: { code: 'engine/unusable', line: 'tki: the docker daemon is not reachable; start it, or use --engine bwrap or --engine podman' } };
    }
  }
  const image = await ensureLocalImage(executable, invocation.runtime.bindings, workDir, spawnEngine);
  if (!image.ok) return image;
  const seccompPath = join(workDir, 'seccomp.json');
  writeFileSync(seccompPath, JSON.stringify(compileOciSeccomp(profile)));
  const user = `${profile.rootOperatorRunsAs.uid}:${profile.rootOperatorRunsAs.gid}`;
  const args = compileContainerArgs(profile, invocation, { engine, image: image.value, seccompPath, user, cgroupLimits: process.getuid?.() === 0 });
  // Docker cannot pass a descriptor: its report channel is the container's stdout (same framing).
  return { ok: true, value: { executable, args, channel: engine === 'docker' ? 'stdout' : 'fd3', env: 'engine' } };
}
