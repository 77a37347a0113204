/** One attestation probe as recorded (SPEC §6): what was attempted, what was expected, what happened. */
export interface ProbeRecord {
  readonly id: ProbeId;
  readonly attempt: string;
  readonly expected: string;
  readonly observed: string;
  readonly pass: boolean;
}

export const PROBE_IDS = [
  'PR-EXEC-1',
  'PR-NET-1',
  'PR-NET-2',
  'PR-SOCK-1',
  'PR-ENV-1',
  'PR-FS-ESC-1',
  'PR-FS-ESC-2',
  'PR-MOUNT-1',
  'PR-FS-RO-IN',
  'PR-FS-OUT-OK',
  'PR-SOCK-DOCKER',
  'PR-PTRACE-1',
  'PR-SUID-1',
  'PR-UID-1',
  'PR-PROCSYS-1',
  'PR-DLOPEN-1',
  'PR-PIDS-1',
  'PR-SYSCALL-1',
  'PR-ENV-2',
  'PR-MEM-1',
  'PR-FSIZE-1',
  'PR-TIME-1',
] as const;

export type ProbeId = (typeof PROBE_IDS)[number];

/** The scratch packet's file listing the host paths the probes try to reach (never on a command line). */
export const HOST_PATHS_FILE = 'host-paths.json';

/** The scratch packet's copy of the profile under attestation: the probe runner locks itself with exactly it. */
export const PROFILE_FILE = 'profile.json';

/** Host paths the probes try to reach from inside (they must not be there). */
export interface ProbeContext {
  readonly hostPaths: readonly string[];
  /** The report channel's descriptor (3, or 1 under Docker). */
  readonly reportFd: number;
}

export interface Probe {
  readonly id: ProbeId;
  readonly attempt: string;
  readonly expected: string;
  run(context: ProbeContext): Promise<{ observed: string; pass: boolean }>;
}

/** The errno code (`EPERM`) of a failed Node call, or `ok` when it did not fail. */
export function errorCode(error: unknown): string {
  if (error === undefined || error === null) return 'ok';
  if (typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

export const ERRNO_NAMES: Readonly<Record<number, string>> = { 0: 'ok', 1: 'EPERM', 2: 'ENOENT', 11: 'EAGAIN', 13: 'EACCES', 22: 'EINVAL', 30: 'EROFS', 38: 'ENOSYS' };

export function errnoName(errno: number): string {
  return ERRNO_NAMES[errno] ?? `errno ${errno}`;
}
