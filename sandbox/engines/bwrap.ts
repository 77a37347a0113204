import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import type { EngineCommand } from '../launch/spawn-engine.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { BWRAP_ARGS_FD, BWRAP_SECCOMP_FD, compileBwrapArgs, encodeBwrapArgsFd } from './bwrap-argv.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

/**
 * bubblewrap: options on fd 5, the start-up filter on fd 4, the report channel on fd 3; started
 * with an empty environment, as `bwrap` (no host path in argv[0]), and as the sandbox's host user
 * when the operator is root. node adds the exec lock itself once running.
 */
export function bwrapCommand(profile: SandboxProfile, invocation: SandboxInvocation): EngineResult<EngineCommand> {
  const executable = findExecutable('bwrap');
  if (executable === undefined) {
    return { ok: false, error: { code: 'engine/missing', line: 'tki: bubblewrap (bwrap) is not installed; install it: apt-get install bubblewrap (Debian/Ubuntu) or dnf install bubblewrap (Fedora)' } };
  }
  const all = compileBwrapArgs(profile, invocation);
  const { data, command } = encodeBwrapArgsFd(all);
  const viaDescriptor = profile.engineLaunch.argumentsOnDescriptor;
  return {
    ok: true,
    value: {
      executable,
      argv0: 'bwrap',
      args: viaDescriptor ? ['--args', String(BWRAP_ARGS_FD), ...command] : all,
      inputs: [
        { fd: BWRAP_SECCOMP_FD, bytes: compileSeccompBpf(profile, 'startup') },
        ...(viaDescriptor ? [{ fd: BWRAP_ARGS_FD, bytes: data }] : []),
      ],
      channel: 'fd3',
      env: profile.engineLaunch.emptyEnvironment ? 'empty' : 'engine',
      ...(invocation.hostUser === undefined ? {} : { user: invocation.hostUser }),
    },
  };
}
