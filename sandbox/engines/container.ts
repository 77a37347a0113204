import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import { spawnEngine, type EngineCommand } from '../launch/spawn-engine.js';
import { compileOciSeccomp } from '../seccomp/oci.js';
import { compileContainerArgs } from './container-args.js';
import { dockerContainerName } from './docker-args.js';
import { prepareDockerRun } from './docker-run.js';
import type { EngineName, EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';
import { ensureLocalImage } from './local-image.js';

const PODMAN_INSTALL_HINT = 'tki: podman is not installed; install it: apt-get install podman runc uidmap (Debian/Ubuntu)';

/** podman or docker: a local FROM-scratch image, the OCI seccomp JSON in `workDir`, then `run`. */
export async function containerCommand(
  engine: Exclude<EngineName, 'bwrap'>,
  profile: SandboxProfile,
  invocation: SandboxInvocation,
  workDir: string,
): Promise<EngineResult<EngineCommand>> {
  const docker = engine === 'docker' ? prepareDockerRun(invocation) : undefined;
  if (docker !== undefined && !docker.ok) return docker;
  const executable = docker === undefined ? findExecutable(engine) : docker.value.executable;
  if (executable === undefined) return { ok: false, error: { code: 'engine/missing', line: PODMAN_INSTALL_HINT } };
  const run = docker?.value.invocation ?? invocation;
  // `--mount` is a comma-separated key=value list: a comma in a path would be read as another option.
  const unsafe = [run.packetPath].find((path) => /[,\n]/.test(path));
  if (unsafe !== undefined) return { ok: false, error: { code: 'engine/unusable', line: `tki: ${engine} cannot mount a path containing a comma or newline: ${JSON.stringify(unsafe)}; rename it or use --engine bwrap` } };
  const image = await ensureLocalImage(executable, invocation.runtime.bindings, workDir, spawnEngine);
  if (!image.ok) return image;
  const seccompPath = join(workDir, 'seccomp.json');
  writeFileSync(seccompPath, JSON.stringify(compileOciSeccomp(profile)));
  // A root operator's (and every Docker) sandbox: its own per-run uid/gid (launch/host-user.ts);
  // rootless podman: the profile's user, mapped into the operator's subordinate ids.
  const identity = invocation.hostUser ?? profile.rootOperatorRunsAs;
  const user = `${identity.uid}:${identity.gid}`;
  const containerName = dockerContainerName();
  // Docker's own flags carry its memory and pids limits (docker-args.ts); rootful podman gets them here.
  const cgroupLimits = engine === 'podman' && process.getuid?.() === 0;
  const args = compileContainerArgs(profile, run, { engine, image: image.value, seccompPath, user, cgroupLimits, containerName });
  // Docker cannot pass a descriptor: its report channel is the container's stdout (same framing), and
  // its CLI runs with an empty environment, so that `--env PATH` (no value) unsets the PATH Docker adds inside.
  const env = docker === undefined ? 'engine' as const : 'empty' as const;
  // A container does not die with its CLI: a launcher ceiling kills it by name (`stop`), and a
  // watchdog removes it if the launcher itself dies first (`onLauncherDeath`, spawn-engine.ts).
  const stop = { executable, args: ['kill', containerName], env };
  // podman's `rm -f` first waits 10 s for a SIGTERM to work; `-t 0` kills at once (Docker's rm -f always does).
  const onLauncherDeath = { executable, args: ['rm', '-f', ...(docker === undefined ? ['-t', '0'] : []), containerName], env };
  return { ok: true, value: { executable, args, channel: docker === undefined ? 'fd3' : 'stdout', env, stop, onLauncherDeath } };
}
