import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import type { SandboxProfile } from '../profile/types.js';
import { INVARIANTS, judgeInvariants, type InvariantResult, type SelfCheckObservation } from './invariants.js';
import { observeSelf } from './observe.js';

export type SelfCheckOutcome =
  | { readonly ok: true; readonly results: readonly InvariantResult[] }
  | { readonly ok: false; readonly failed: InvariantResult; readonly results: readonly InvariantResult[] };

/** P1 (SPEC §6 L3): every invariant confirmed, or the first unconfirmed one. */
export function runSelfCheck(profile: SandboxProfile = DEFAULT_PROFILE, observation: SelfCheckObservation = observeSelf()): SelfCheckOutcome {
  const results = judgeInvariants(observation, profile);
  const failed = results.find((entry) => !entry.confirmed);
  return failed === undefined ? { ok: true, results } : { ok: false, failed, results };
}

/** The one stderr line for a refusal: names the invariant and what was seen. */
export function selfCheckRefusalLine(failed: InvariantResult): string {
  return `tki: BLOCKED: sandbox self-check (P1) could not confirm "${failed.id}" (${INVARIANTS[failed.id]}): ${failed.observed}`;
}

export { describeMounts, parseMountInfo, type MountEntry } from './mountinfo.js';
export { mountTableViolation } from './mount-rules.js';
export { hasNoCapabilities, parseNetDev, parseThreadStatus, type ThreadSecurityStatus } from './proc-status.js';
export { INVARIANTS, judgeInvariants, type InvariantId, type InvariantResult, type OpenFd, type SelfCheckObservation } from './invariants.js';
export { observeSelf } from './observe.js';
export { judgeNodeHardening, type NodeProcessView } from './node-hardening.js';
