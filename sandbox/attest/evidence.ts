import type { EngineName } from '../engines/engine-types.js';
import type { ExecLockResult } from '../lock.js';
import type { ProbeRecord } from '../probes/types.js';
import type { InvariantResult } from '../self-check/invariants.js';

/** `attestation-evidence.json` (SPEC §6), plus the P1 results and the lock outcome seen inside. */
export interface AttestationEvidence {
  readonly engine: EngineName;
  readonly engine_version: string;
  readonly kernel: string;
  readonly profile_sha256: string;
  /** sha256 of the filter node installs on itself (the locked stage, the same under every engine). */
  readonly seccomp_sha256: string;
  /** sha256 of the filter the engine installs before node starts (BPF for bwrap, OCI JSON otherwise). */
  readonly startup_seccomp_sha256: string;
  readonly time: string;
  readonly probes: readonly ProbeRecord[];
  readonly passed: number;
  readonly total: number;
  readonly exec_lock: ExecLockResult;
  /** What bounds the sandbox's memory and processes as a whole here (attest/resource-mechanism.ts). */
  readonly resource_ceilings: string;
  readonly self_check: readonly InvariantResult[];
  /** Evidence for a person, never an authority. */
  readonly decision_effect: 'NONE';
  readonly may_gate: false;
}

/** What the probe runner prints inside the sandbox. */
export interface InsideReport {
  readonly lock: ExecLockResult;
  readonly selfCheck: readonly InvariantResult[];
  readonly probes: readonly ProbeRecord[];
}

/** The runner's evidence record from the report channel, checked for shape; anything else is not evidence. */
export function parseInsideReport(text: string): InsideReport | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const report = value as Partial<InsideReport>;
    if (!Array.isArray(report.probes) || !Array.isArray(report.selfCheck) || typeof report.lock !== 'object') return undefined;
    return report as InsideReport;
  } catch {
    return undefined;
  }
}
