import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import type { EngineCommand } from '../launch/spawn-engine.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { BWRAP_ARGS_FD, BWRAP_FIRST_FILE_FD, BWRAP_SECCOMP_FD, compileBwrapArgs, encodeBwrapArgsFd } from './bwrap-argv.js';
import { openOwnRuntimeFiles } from './bwrap-hand-in.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

/**
 * bubblewrap: options on fd 5, the start-up filter on fd 4, the report channel on fd 3, tki's own
 * runtime files on fds 6 and up (their content, copied into the sandbox's tmpfs root); started
 * with an empty environment, as `bwrap` (no host path in argv[0]), and as the sandbox's host user
 * when the operator is root. node adds the exec lock itself once running.
 */
export function bwrapCommand(profile: SandboxProfile, invocation: SandboxInvocation): EngineResult<EngineCommand> {
  const executable = findExecutable('bwrap');
  if (executable === undefined) {
    return { ok: false, error: { code: 'engine/missing', line: 'tki: bubblewrap (bwrap) is not installed; install it: apt-get install bubblewrap (Debian/Ubuntu) or dnf install bubblewrap (Fedora)' } };
  }
  let own: ReturnType<typeof openOwnRuntimeFiles>;
  try {
    own = profile.engineLaunch.handInRuntime ? openOwnRuntimeFiles(invocation.runtime.bindings, BWRAP_FIRST_FILE_FD) : { files: [], sources: [] };
  } catch (error) {
    const path = error instanceof Error && 'path' in error ? String(error.path) : 'a runtime file';
    return { ok: false, error: { code: 'engine/unusable', line: `tki: cannot open tki's own runtime file ${path} to hand it into the sandbox: ${error instanceof Error && 'code' in error ? String(error.code) : String(error)}` } };
  }
  const all = compileBwrapArgs(profile, invocation, profile.engineLaunch.handInRuntime ? own.files : undefined);
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
      passFds: own.files.map((file, index) => ({ fd: file.fd, source: own.sources[index] ?? -1 })),
      channel: 'fd3',
      env: profile.engineLaunch.emptyEnvironment ? 'empty' : 'engine',
      ...(invocation.hostUser === undefined ? {} : { user: invocation.hostUser }),
    },
  };
}
