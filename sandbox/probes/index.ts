import { ENV_PROBE } from './env-probe.js';
import { CHANNEL_PROBE, SUID_PROBE } from './channel-probe.js';
import { HOST_READ_PROBE, MOUNT_TABLE_PROBE, WRITE_IN_PROBE, WRITE_ROOT_PROBE } from './filesystem-probes.js';
import { DOCKER_SOCKET_PROBE, INTERFACES_PROBE, SOCKET_PROBE, TCP_PROBE } from './network-probes.js';
import { EXEC_PROBE, PTRACE_PROBE } from './process-probes.js';
import { DLOPEN_PROBE, PIDS_PROBE, UNLISTED_SYSCALL_PROBE } from './native-code-probes.js';
import { PROCESS_ENV_PROBE, PROCSYS_PROBE, UID_PROBE } from './root-safety-probes.js';
import { PROBE_IDS, type Probe, type ProbeContext, type ProbeRecord } from './types.js';

/** The SPEC §6 probes, in SPEC order. */
export const PROBES: readonly Probe[] = [
  EXEC_PROBE,
  TCP_PROBE,
  INTERFACES_PROBE,
  SOCKET_PROBE,
  ENV_PROBE,
  WRITE_ROOT_PROBE,
  HOST_READ_PROBE,
  MOUNT_TABLE_PROBE,
  WRITE_IN_PROBE,
  CHANNEL_PROBE,
  DOCKER_SOCKET_PROBE,
  PTRACE_PROBE,
  SUID_PROBE,
  UID_PROBE,
  PROCSYS_PROBE,
  DLOPEN_PROBE,
  PIDS_PROBE,
  UNLISTED_SYSCALL_PROBE,
  PROCESS_ENV_PROBE,
];

/** Runs every probe; a probe that throws is recorded as not passing, never skipped. */
export async function runProbes(context: ProbeContext): Promise<ProbeRecord[]> {
  const records: ProbeRecord[] = [];
  for (const probe of PROBES) {
    let outcome: { observed: string; pass: boolean };
    try {
      outcome = await probe.run(context);
    } catch (error) {
      outcome = { observed: `probe error: ${error instanceof Error ? error.message : String(error)}`, pass: false };
    }
    records.push({ id: probe.id, attempt: probe.attempt, expected: probe.expected, ...outcome });
  }
  return records;
}

export { PROBE_IDS, type Probe, type ProbeContext, type ProbeId, type ProbeRecord } from './types.js';
