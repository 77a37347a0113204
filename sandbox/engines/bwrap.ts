import type { SandboxProfile } from '../profile/types.js';
import { findExecutable } from '../launch/find-executable.js';
import { INSIDE_SNAPSHOT } from '../runtime/bundle-paths.js';
import { CGROUP_ENTRY_RELATIVE_PATH, CGROUP_ENTRY_SETUP_FAILED, packageRoot } from '../runtime/package-root.js';
import { closeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineCommand } from '../launch/spawn-engine.js';
import { compileSeccompBpf } from '../seccomp/bpf.js';
import { BWRAP_ARGS_FD, BWRAP_FIRST_FILE_FD, BWRAP_SECCOMP_FD, compileBwrapArgs, encodeBwrapArgsFd } from './bwrap-argv.js';
import { openOwnRuntimeFiles } from './bwrap-hand-in.js';
import { HOST_INFO_FILES } from './host-info-masks.js';
import type { EngineResult } from './engine-types.js';
import type { SandboxInvocation } from './invocation.js';

/** The inspector's start-up snapshot, handed in only to a run whose node is told to load it (inspect-in-sandbox.ts). */
function snapshotHandIn(profile: SandboxProfile, nodeArgs: readonly string[]): string[] {
  const at = nodeArgs.indexOf('--snapshot-blob');
  return at >= 0 && nodeArgs[at + 1] === join(profile.runtimeRoot, INSIDE_SNAPSHOT.blob) ? [INSIDE_SNAPSHOT.blob] : [];
}

/**
 * bubblewrap: options on fd 5, the start-up filter on fd 4, the report channel on fd 3, tki's own
 * runtime files on fds 6 and up (their content, copied into the sandbox's tmpfs root); started
 * with an empty environment, as `bwrap` (no host path in argv[0]), and as the sandbox's host user
 * when the operator is root. node adds the exec lock itself once running. Empty files cover the
 * host-information /proc files (host-info-masks.ts). A root operator's sandbox, which gets a cgroup
 * of its own, is started through tki-enter-cgroup (sandbox/native/tki_enter_cgroup.c): it joins the
 * cgroup, drops to the sandbox's user and executes bwrap, so bwrap's first process is already in
 * the cgroup when it unshares the cgroup namespace (whose root is then the sandbox's cgroup: no
 * host cgroup path inside), and every process after it is counted, with no window.
 */
export function bwrapCommand(profile: SandboxProfile, invocation: SandboxInvocation): EngineResult<EngineCommand> {
  const executable = findExecutable('bwrap');
  if (executable === undefined) {
    return { ok: false, error: { code: 'engine/missing', line: 'tki: bubblewrap (bwrap) is not installed; install it: apt-get install bubblewrap (Debian/Ubuntu) or dnf install bubblewrap (Fedora)' } };
  }
  let own: ReturnType<typeof openOwnRuntimeFiles>;
  try {
    own = profile.engineLaunch.handInRuntime ? openOwnRuntimeFiles(invocation.runtime.bindings, BWRAP_FIRST_FILE_FD, packageRoot(), snapshotHandIn(profile, invocation.nodeArgs)) : { files: [], sources: [] };
  } catch (error) {
    const path = error instanceof Error && 'path' in error ? String(error.path) : 'a runtime file';
    return { ok: false, error: { code: 'engine/unusable', line: `tki: cannot open tki's own runtime file ${path} to hand it into the sandbox: ${error instanceof Error && 'code' in error ? String(error.code) : String(error)}` } };
  }
  // After the runtime's descriptors: one empty file per host-information /proc file.
  const firstFree = BWRAP_FIRST_FILE_FD + own.files.length;
  const masks = HOST_INFO_FILES.map((target, index) => ({ fd: firstFree + index, target }));
  const all = compileBwrapArgs(profile, invocation, profile.engineLaunch.handInRuntime ? own.files : undefined, { masks });
  const { data, command } = encodeBwrapArgsFd(all);
  const viaDescriptor = profile.engineLaunch.argumentsOnDescriptor;
  const bwrapArgs = viaDescriptor ? ['--args', String(BWRAP_ARGS_FD), ...command] : all;
  const entry = invocation.cgroupProcs !== undefined && invocation.cgroupProcs.length > 0 && invocation.hostUser !== undefined ? { procs: invocation.cgroupProcs, user: invocation.hostUser, helper: join(packageRoot(), CGROUP_ENTRY_RELATIVE_PATH) } : undefined;
  if (entry !== undefined && !existsSync(entry.helper)) {
    for (const source of own.sources) closeSync(source);
    return { ok: false, error: { code: 'engine/unusable', line: `tki: the sandbox runtime is incomplete: ${entry.helper} is missing (run \`npm run build:native\`)` } };
  }
  return {
    ok: true,
    value: {
      ...(entry === undefined
        ? { executable, argv0: 'bwrap', args: bwrapArgs, ...(invocation.hostUser === undefined ? {} : { user: invocation.hostUser }) }
        : { executable: entry.helper, argv0: 'tki-enter-cgroup', setupFailureStatus: CGROUP_ENTRY_SETUP_FAILED, args: [String(entry.user.uid), String(entry.user.gid), ...entry.procs, '--', executable, 'bwrap', ...bwrapArgs] }),
      inputs: [
        { fd: BWRAP_SECCOMP_FD, bytes: compileSeccompBpf(profile, 'startup') },
        ...(viaDescriptor ? [{ fd: BWRAP_ARGS_FD, bytes: data }] : []),
        ...masks.map((mask) => ({ fd: mask.fd, bytes: Buffer.alloc(0) })),
      ],
      passFds: own.files.map((file, index) => ({ fd: file.fd, source: own.sources[index] ?? -1 })),
      channel: 'fd3',
      env: profile.engineLaunch.emptyEnvironment ? 'empty' : 'engine',
    },
  };
}
