import type { EngineName } from '../engines/engine-types.js';
import type { SandboxProfile } from '../profile/types.js';
import { pickSandboxIdentity, type SandboxIdentity } from './sandbox-uid.js';

export type SandboxIdentityChoice =
  | { readonly ok: true; readonly identity: SandboxIdentity | undefined }
  | { readonly ok: false; readonly line: string };

/**
 * The host identity one sandbox runs as (SPEC §6: never host root). A root operator's sandbox runs
 * as a fresh uid/gid of its own under every engine (sandbox-uid.ts: no host process or concurrent
 * sandbox shares it); so does a rootful Docker daemon's container whoever the operator is (its
 * `--user` is a host uid). A non-root operator's bwrap runs as the operator (they cannot become
 * anyone else), and rootless podman maps the profile's user into the operator's subordinate ids:
 * no identity to choose (undefined). A profile whose `rootOperatorRunsAs` is uid 0 is loosened on
 * purpose (the tests that prove PR-UID-1 and P1's not-host-root can fail): it is honoured as written.
 */
export function chooseSandboxIdentity(engine: EngineName, profile?: SandboxProfile): SandboxIdentityChoice {
  const root = process.getuid?.() === 0;
  if (!root && engine !== 'docker') return { ok: true, identity: undefined };
  if (root && profile?.rootOperatorRunsAs.uid === 0) return { ok: true, identity: { uid: 0, gid: profile.rootOperatorRunsAs.gid } };
  const identity = pickSandboxIdentity();
  if (identity === undefined) return { ok: false, line: 'tki: BLOCKED: no free uid/gid for the sandbox in 0x70000000-0x7FFDFFFF (every one tried is an account, a subordinate range or a running process\'s)' };
  return { ok: true, identity };
}

/** The identity bwrap would run as for this operator (the benchmarks' view of chooseSandboxIdentity). */
export function sandboxHostUser(profile: SandboxProfile): SandboxIdentity | undefined {
  const choice = chooseSandboxIdentity('bwrap', profile);
  if (!choice.ok) throw new Error(choice.line);
  return choice.identity;
}
