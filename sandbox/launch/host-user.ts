import type { SandboxProfile } from '../profile/types.js';

/**
 * The host identity the sandbox runs as (SPEC §6: never host root). A root operator's launcher
 * starts the engine as the profile's unprivileged user; anyone else runs it as themselves, since
 * they cannot become anyone else and are not root.
 */
export function sandboxHostUser(profile: SandboxProfile): { uid: number; gid: number } | undefined {
  return process.getuid?.() === 0 ? { uid: profile.rootOperatorRunsAs.uid, gid: profile.rootOperatorRunsAs.gid } : undefined;
}
