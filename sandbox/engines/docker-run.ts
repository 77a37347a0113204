import { join } from 'node:path';
import { dockerExecutable } from './docker-executable.js';
import { handIn } from './docker-handoff.js';
import { dockerUserFlag } from './docker-user.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

export const DOCKER_INSTALL_HINT = 'tki: docker is not installed; install Docker Engine (Debian/Ubuntu: apt-get install docker.io, then start dockerd: scripts/start-dockerd.sh) or use --engine bwrap';

/** What `docker run` needs besides the shared container flags. */
export interface DockerRun {
  readonly executable: string;
  /** The invocation with the handed-in copy as its packet path (the reports come back over the stdout channel). */
  readonly invocation: SandboxInvocation;
  /** `--user`: never 0 (see docker-user.ts). */
  readonly user: string;
}

/**
 * Docker's preparation: the CLI (TKI_DOCKER or PATH), the non-root sandbox user, and the packet handed to that user as a private copy in `workDir`.
 */
export function prepareDockerRun(invocation: SandboxInvocation, workDir: string): EngineResult<DockerRun> {
  const executable = dockerExecutable();
  if (executable === undefined) return { ok: false, error: { code: 'engine/missing', line: DOCKER_INSTALL_HINT } };
  if (!executable.ok) return executable;
  // A daemon that does not answer shows at the image look-up (local-image.ts), one CLI call later.
  const packet = handIn(invocation.packetPath, join(workDir, invocation.packetIsFile ? 'packet.json' : 'packet'));
  if (!packet.ok) return packet;
  return { ok: true, value: { executable: executable.value, invocation: { ...invocation, packetPath: packet.value }, user: dockerUserFlag() } };
}
