import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import type { EngineCommand } from '../launch/spawn-engine.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { BWRAP_ARGS_FD, BWRAP_FIRST_FILE_FD, BWRAP_SECCOMP_FD, compileBwrapArgs, encodeBwrapArgsFd } from './bwrap-argv.js';
import { openOwnRuntimeFiles } from './bwrap-hand-in.js';
import { HOST_INFO_FILES } from './host-info-masks.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

/**
 * bubblewrap: options on fd 5, the start-up filter on fd 4, the report channel on fd 3, tki's own
 * runtime files on fds 6 and up (their content, copied into the sandbox's tmpfs root); started
 * with an empty environment, as `bwrap` (no host path in argv[0]), and as the sandbox's host user
 * when the operator is root. node adds the exec lock itself once running. Empty files cover the
 * host-information /proc files (host-info-masks.ts); a gated invocation (a root operator's, whose
 * sandbox gets a cgroup) adds bwrap's `--info-fd`/`--block-fd` pair, opened by spawn-engine.ts.
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
  // After the runtime's descriptors: one empty file per host-information /proc file, then the gate pair.
  const firstFree = BWRAP_FIRST_FILE_FD + own.files.length;
  const masks = HOST_INFO_FILES.map((target, index) => ({ fd: firstFree + index, target }));
  const gateFds = invocation.admit !== undefined ? { infoFd: firstFree + masks.length, blockFd: firstFree + masks.length + 1 } : undefined;
  const all = compileBwrapArgs(profile, invocation, profile.engineLaunch.handInRuntime ? own.files : undefined, { masks, ...(gateFds === undefined ? {} : { gate: gateFds }) });
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
        ...masks.map((mask) => ({ fd: mask.fd, bytes: Buffer.alloc(0) })),
      ],
      passFds: own.files.map((file, index) => ({ fd: file.fd, source: own.sources[index] ?? -1 })),
      channel: 'fd3',
      env: profile.engineLaunch.emptyEnvironment ? 'empty' : 'engine',
      ...(invocation.hostUser === undefined ? {} : { user: invocation.hostUser }),
      ...(gateFds === undefined || invocation.admit === undefined ? {} : { gate: { ...gateFds, admit: invocation.admit } }),
    },
  };
}
