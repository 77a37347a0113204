import { join } from 'node:path';
import type { EngineExit } from '../launch/spawn-engine.js';
import { dockerExecutable } from './docker-executable.js';
import { collectOutput, handIn, handOutputIn } from './docker-handoff.js';
import { dockerUserFlag } from './docker-user.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

export const DOCKER_INSTALL_HINT = 'tki: docker is not installed; install Docker Engine (Debian/Ubuntu: apt-get install docker.io, then start dockerd: scripts/start-dockerd.sh) or use --engine bwrap';

/** What `docker run` needs besides the shared container flags. */
export interface DockerRun {
  readonly executable: string;
  /** The invocation with the handed-in copies as its packet and output paths. */
  readonly invocation: SandboxInvocation;
  /** `--user`: never 0 (see docker-user.ts). */
  readonly user: string;
  /** Brings the run's report files home into the operator's output directory. */
  readonly afterExit: (exit: EngineExit) => EngineExit;
}

/**
 * Docker's preparation: the CLI (TKI_DOCKER or PATH), the non-root sandbox user, and the packet and output directory handed to that user as private copies in `workDir`.
 */
export async function prepareDockerRun(invocation: SandboxInvocation, workDir: string): Promise<EngineResult<DockerRun>> {
  const executable = dockerExecutable();
  if (executable === undefined) return { ok: false, error: { code: 'engine/missing', line: DOCKER_INSTALL_HINT } };
  if (!executable.ok) return executable;
  // A daemon that does not answer shows at the image look-up (local-image.ts), one CLI call later.
  const packet = handIn(invocation.packetPath, join(workDir, invocation.packetIsFile ? 'packet.json' : 'packet'));
  if (!packet.ok) return packet;
  const outputDir = join(workDir, 'out');
  const before = handOutputIn(invocation.outputDir, outputDir);
  if (!before.ok) return before;
  const afterExit = (exit: EngineExit): EngineExit => {
    try {
      collectOutput(outputDir, invocation.outputDir, before.value);
      return exit;
    } catch (error) {
      return { ...exit, exitCode: 3, stderr: `${exit.stderr}tki: docker: cannot copy the report into ${invocation.outputDir}: ${error instanceof Error ? error.message : String(error)}\n` };
    }
  };
  return { ok: true, value: { executable: executable.value, invocation: { ...invocation, packetPath: packet.value, outputDir }, user: dockerUserFlag(), afterExit } };
}
