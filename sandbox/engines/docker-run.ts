import { dockerExecutable } from './docker-executable.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

export const DOCKER_INSTALL_HINT = 'tki: docker is not installed; install Docker Engine (Debian/Ubuntu: apt-get install docker.io, then start dockerd: scripts/start-dockerd.sh) or use --engine bwrap';

/** What `docker run` needs besides the shared container flags. */
export interface DockerRun {
  readonly executable: string;
  readonly invocation: SandboxInvocation;
}

/**
 * Docker's preparation: the CLI (TKI_DOCKER or PATH). The packet is already staged for the
 * sandbox's user (launch/stage-packet.ts, every engine). A daemon that does not answer shows at the
 * image look-up (local-image.ts), one CLI call later.
 */
export function prepareDockerRun(invocation: SandboxInvocation): EngineResult<DockerRun> {
  const executable = dockerExecutable();
  if (executable === undefined) return { ok: false, error: { code: 'engine/missing', line: DOCKER_INSTALL_HINT } };
  if (!executable.ok) return executable;
  return { ok: true, value: { executable: executable.value, invocation } };
}
