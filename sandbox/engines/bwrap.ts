import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import type { EngineCommand } from '../launch/spawn-engine.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { compileBwrapArgs } from './bwrap-argv.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

/** bubblewrap: the start-up filter goes in on fd 3; node adds the exec lock itself once running. */
export function bwrapCommand(profile: SandboxProfile, invocation: SandboxInvocation): EngineResult<EngineCommand> {
  const executable = findExecutable('bwrap');
  if (executable === undefined) {
    return { ok: false, error: { code: 'engine/missing', line: 'tki: bubblewrap (bwrap) is not installed; install it: apt-get install bubblewrap (Debian/Ubuntu) or dnf install bubblewrap (Fedora)' } };
  }
  return { ok: true, value: { executable, args: compileBwrapArgs(profile, invocation), fd3: compileSeccompBpf(profile, 'startup') } };
}
