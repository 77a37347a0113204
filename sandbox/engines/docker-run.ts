import { join } from 'node:path';
import { dockerExecutable } from './docker-executable.js';
import { handIn } from './docker-handoff.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

export const DOCKER_INSTALL_HINT = 'tki: docker is not installed; install Docker Engine (Debian/Ubuntu: apt-get install docker.io, then start dockerd: scripts/start-dockerd.sh) or use --engine bwrap';

/** What `docker run` needs besides the shared container flags. */
export interface DockerRun {
  readonly executable: string;
  /** The invocation with the handed-in copy as its packet path. */
  readonly invocation: SandboxInvocation;
}

/**
 * Docker's preparation: the CLI (TKI_DOCKER or PATH), and the packet handed to the sandbox's
 * unprivileged user as a private copy in `workDir`. A daemon that does not answer shows at the
 * image look-up (local-image.ts), one CLI call later.
 */
export function prepareDockerRun(invocation: SandboxInvocation, workDir: string): EngineResult<DockerRun> {
  const executable = dockerExecutable();
  if (executable === undefined) return { ok: false, error: { code: 'engine/missing', line: DOCKER_INSTALL_HINT } };
  if (!executable.ok) return executable;
  const packet = handIn(invocation.packetPath, join(workDir, invocation.packetIsFile ? 'packet.json' : 'packet'));
  if (!packet.ok) return packet;
  return { ok: true, value: { executable: executable.value, invocation: { ...invocation, packetPath: packet.value } } };
}
