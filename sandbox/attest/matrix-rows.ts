import type { ProbeId } from '../probes/types.js';

/**
 * Which attestation probes carry the L1 proof of each SPEC §7 matrix row that must hold against
 * the real sandbox, for the acceptance binding (row → layer → evidence observed). Row 37 (P1) is
 * proven by the self-check itself: `runSelfCheck`, and `inspectInSandbox` with a deviating profile.
 */
export const MATRIX_ROW_PROBES: Readonly<Record<25 | 27 | 28 | 29 | 33 | 34 | 35 | 36, readonly ProbeId[]>> = {
  25: ['PR-EXEC-1'],
  27: ['PR-NET-1', 'PR-NET-2', 'PR-SOCK-1'],
  28: ['PR-ENV-1'],
  29: ['PR-FS-ESC-2', 'PR-MOUNT-1'],
  33: ['PR-FS-ESC-1', 'PR-FS-RO-IN', 'PR-FS-OUT-OK'],
  34: ['PR-NET-1', 'PR-SOCK-1'],
  35: ['PR-NET-1', 'PR-SOCK-1'],
  36: ['PR-SOCK-DOCKER'],
};
