import type { ArchPrctlOptionName, CloneFlagName, ErrnoName, PrctlOptionName, SyscallName } from '../seccomp/syscalls-x86_64.js';

/**
 * The L1 sandbox profile as plain data (in the spirit of nsjail's config): every engine's
 * artifacts — the bwrap argv, the BPF program, the OCI seccomp JSON, the P1 expectations — are
 * compiled from one of these, so loosening anything takes a visible line here.
 */
export type Namespace = 'user' | 'mount' | 'net' | 'pid' | 'ipc' | 'uts' | 'cgroup';

export interface PacketMount {
  /** Where the packet appears; a single `.json` packet is mounted as `<target>/packet.json`. */
  readonly target: string;
  readonly access: 'read-only';
}

/**
 * How the inside's output leaves (SPEC §5, §6 L1): no writable host path at all. The inside writes
 * frames to this descriptor; the launcher validates them and writes the files itself.
 */
export interface ReportChannel {
  /** The pipe's number inside (bwrap, podman); Docker cannot pass one and uses stdout instead. */
  readonly fd: number;
}

/** The host identity the sandbox runs as when the operator is root (SPEC §6: never host root). */
export interface SandboxHostUser {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

export interface SeccompRules {
  /** Allowed (the measured allowlist); checked after every deny rule. */
  readonly allow: readonly SyscallName[];
  /** The answer to every call on no list. */
  readonly unlisted: ErrnoName;
  /** In the locked stage: mmap with PROT_EXEC of anything but anonymous memory is denied with `errno`. */
  readonly denyFileExecMappingsAfterStart: boolean;
  /**
   * In the locked stage: mmap and mprotect asking for PROT_EXEC are denied with `errno`, whatever
   * they map — no memory becomes executable once node runs, so native code already running can
   * neither make a file mapping executable nor load code it wrote into anonymous memory. V8's JIT
   * needs exactly that, so the lock installs this rule only in a node started with `--jitless`
   * (`node.jitless`, which every process inside gets); node-hardening confirms the flag.
   */
  readonly denyExecMemoryAfterStart: boolean;
  /**
   * In the locked stage: no new process (clone without CLONE_THREAD is denied with `errno`; fork,
   * vfork and clone3 are off the allowlist anyway), so RLIMIT_DATA, which is per process, is not
   * multiplied by the process ceiling; and no mmap RLIMIT_DATA does not count (MAP_SHARED,
   * MAP_SHARED_VALIDATE, MAP_GROWSDOWN). Under bwrap there is no cgroup: without these, native code
   * could hold host memory past the data ceiling.
   */
  readonly denyUncountedMemoryAfterStart: boolean;
  /** In the locked stage: open/openat asking for write access, creation or truncation is denied with `errno` (nothing inside opens a file for writing). */
  readonly denyWriteOpensAfterStart: boolean;
  /** In the locked stage: these prctl options are denied with `errno` (PR_SET_SECCOMP: no filter can be added or changed once locked). */
  readonly denyPrctlAfterStart: readonly PrctlOptionName[];
  /**
   * In the locked stage arch_prctl is allowed for these options only, every other option is denied with
   * `errno` (round five: ARCH_MAP_VDSO_64 mapped a fresh executable vDSO after the lock). Absent: the
   * allowlist alone decides.
   */
  readonly archPrctlAfterStart?: readonly ArchPrctlOptionName[];
  /**
   * In the locked stage an unlisted call traps (SIGSYS) into the addon's handler, which records its
   * number for the one-line diagnostic and answers `unlisted`; the engine's start-up stage answers
   * `unlisted` directly (no handler exists before node runs).
   */
  readonly reportUnlistedAfterStart: boolean;
  /** Answered with `errno` from the first instruction of the sandboxed process. */
  readonly deny: readonly SyscallName[];
  /** Added by the in-process lock once node has started (denying these earlier stops the engine). */
  readonly denyAfterStart: readonly SyscallName[];
  /** clone() carrying any of these flags is denied with `errno`. */
  readonly denyCloneFlags: readonly CloneFlagName[];
  /** Answered ENOSYS so that libc falls back (clone3 → clone, whose flags the filter can read). */
  readonly enosys: readonly SyscallName[];
  readonly errno: ErrnoName;
}

export type ResourceLimitName = 'nofile' | 'nproc' | 'cpu' | 'fsize' | 'core' | 'data';

export interface ResourceLimit {
  readonly soft: number;
  readonly hard: number;
}

/** Node's own options for the inspector process: checks, an extra layer inside the kernel's (not a boundary), and one start-up setting. */
export interface NodeHardening {
  /** `--experimental-permission`: reads anywhere in the (already minimal) sandbox, writes nowhere, no child processes, no workers. */
  readonly permissionModel: boolean;
  /** `--disallow-code-generation-from-strings`: eval and `new Function` throw (zod runs jitless). */
  readonly disallowCodeGeneration: boolean;
  /**
   * `--preserve-symlinks`: not a layer, start-up time. Module resolution then skips the realpath
   * of every imported file, which under the permission model costs ≈ 12 ms per start. Nothing
   * changes: every runtime path inside is a bind mount (bwrap) or a copied file (the image), never
   * a symlink.
   */
  readonly preserveSymlinks: boolean;
  /**
   * `--jitless` (with `--no-expose-wasm`, which it implies), for every process inside: V8 then
   * never asks for executable memory, which lets the lock refuse all of it
   * (`seccomp.denyExecMemoryAfterStart`). Costs JavaScript throughput on large packets.
   */
  readonly jitless: boolean;
}

/**
 * Ceilings of one run (SPEC §6), as data; the operator may lower or raise them with flags
 * (`tki run --timeout …`). Which mechanism holds each under which engine: docs/sandbox.md.
 */
export interface SandboxLimits {
  /** Wall clock: the launcher kills the engine (and podman gets `--timeout`); 0 = none. */
  readonly wallClockSeconds: number;
  /** node's V8 heap (`--max-old-space-size`; 0 = node's default); podman/docker also get `--memory` where the host's cgroups honour it. */
  readonly memoryMiB: number;
  /** Bytes the launcher reads from the engine's stdout and stderr; beyond that it stops the run. */
  readonly maxStdoutBytes: number;
  readonly maxStderrBytes: number;
}

/** How the launcher starts bwrap (SPEC §6: no process inside shows the operator's environment or host paths). */
export interface EngineLaunch {
  /** bwrap gets an empty environment (its own /proc/<pid>/environ is visible inside as pid 1's). */
  readonly emptyEnvironment: boolean;
  /** bwrap's options, with every host path, go through `--args FD`, never on its command line. */
  readonly argumentsOnDescriptor: boolean;
  /** /proc/sys is covered by an empty read-only tmpfs. */
  readonly coverProcSys: boolean;
  /** bwrap gets tki's own runtime as file contents on descriptors (`--file`), so no mount inside has the project directory as its source. */
  readonly handInRuntime: boolean;
}

export interface SandboxProfile {
  readonly name: string;
  readonly description: string;
  readonly packet: PacketMount;
  readonly reportChannel: ReportChannel;
  /** Used instead of the operator's identity when the operator is root; any other operator runs the sandbox as themselves. */
  readonly rootOperatorRunsAs: SandboxHostUser;
  /** Host runtime files (node, its libraries, tki's dist/ and dependencies) are bound read-only. */
  readonly runtimeAccess: 'read-only';
  /** Where node and tki's own files appear inside (a neutral path: the host's layout stays unseen). */
  readonly runtimeRoot: string;
  /**
   * The only places besides / and the packet where P1 accepts a mount (read-only, or a
   * kernel pseudo filesystem): the runtime root, the system library directories node's loader
   * searches, /proc, /dev and /sys, and the few files container engines generate.
   */
  readonly mountPoints: readonly string[];
  readonly namespaces: readonly Namespace[];
  /** Creating user namespaces inside the sandbox. */
  readonly nestedUserNamespaces: false;
  readonly dropAllCapabilities: true;
  readonly noNewPrivs: true;
  /** Environment variables set inside; everything else is cleared. */
  readonly env: Readonly<Record<string, string>>;
  /** Keys P1 refuses on sight, on top of "no key outside `env`". Case-insensitive regex sources. */
  readonly secretKeyPatterns: readonly string[];
  readonly seccomp: SeccompRules;
  /**
   * Kernel resource limits of every process inside: open files, processes (threads count), CPU
   * seconds (SIGXCPU at soft, SIGKILL at hard), file size (no file is ever written inside: 0),
   * core dumps (none), the data segment (heap, buffers: V8 will not start under a small RLIMIT_AS,
   * RLIMIT_DATA leaves its reservations alone).
   */
  readonly rlimits: Readonly<Record<ResourceLimitName, ResourceLimit>>;
  readonly limits: SandboxLimits;
  readonly engineLaunch: EngineLaunch;
  /** The mode of every report file the launcher writes, whatever the inside asks (0644: no execute, no setuid). */
  readonly reportFileMode: number;
  readonly hostname: string;
  readonly node: NodeHardening;
}
