import type { SandboxProfile } from './types.js';

/**
 * The one profile tki runs the inspector under. Deny by default: an empty root, the packet
 * read-only at /in, no writable host path (the report leaves over a descriptor), never host root,
 * no network but `lo`, no environment, no capabilities, no new privileges, and a seccomp filter.
 */
export const DEFAULT_PROFILE: SandboxProfile = {
  name: 'tki-inspect',
  description: 'tki inspector: reads one packet at /in, sends three report files over the report channel, nothing else',
  packet: { target: '/in', access: 'read-only' },
  reportChannel: { fd: 3 },
  // Debian's nobody/nogroup: owns nothing, so a sandbox running as it can read only what is world-readable.
  rootOperatorRunsAs: { uid: 65534, gid: 65534, name: 'nobody' },
  runtimeAccess: 'read-only',
  runtimeRoot: '/opt/tki',
  mountPoints: ['/opt/tki', '/usr/lib', '/usr/lib64', '/lib', '/lib64', '/proc', '/dev', '/sys', '/etc/passwd', '/etc/group', '/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/run/.containerenv', '/sbin/docker-init'],
  namespaces: ['user', 'mount', 'net', 'pid', 'ipc', 'uts', 'cgroup'],
  nestedUserNamespaces: false,
  dropAllCapabilities: true,
  noNewPrivs: true,
  // Engines insist on a few keys (bwrap exports PWD after --chdir; podman sets HOME and HOSTNAME):
  // they are fixed here to harmless values, the same under every engine, and P1 accepts nothing else.
  env: { HOME: '/', HOSTNAME: 'tki-sandbox', PWD: '/' },
  secretKeyPatterns: ['secret', 'token', 'passw', 'api[_-]?key', 'credential', 'private[_-]?key', 'auth', 'session', '^aws_', '^pg', 'database_url', 'dsn$', 'cookie'],
  seccomp: {
    errno: 'EPERM',
    // The allowlist (SPEC §6: default deny). Measured: every call node made from its execve on in
    // strace runs of `tki run` over every fixture packet and of `tki attest` (scripts/measure-syscalls.mjs,
    // node 20.20, glibc 2.36, 2026-12-05), less the calls only the probes attempt to see them refused.
    allow: [
      'access', 'arch_prctl', 'brk', 'capget', 'clone', 'clone3', 'close', 'epoll_create1', 'epoll_ctl',
      'epoll_pwait', 'eventfd2', 'exit_group', 'fcntl', 'fstat', 'futex', 'getcwd', 'getdents64', 'getegid',
      'geteuid', 'getgid', 'getpid', 'getppid', 'getrandom', 'getsockname', 'getsockopt', 'gettid', 'getuid',
      'ioctl', 'kill', 'madvise', 'mmap', 'mprotect', 'munmap', 'newfstatat', 'openat', 'pipe2', 'pkey_alloc',
      'prctl', 'pread64', 'prlimit64', 'read', 'readlink', 'rseq', 'rt_sigaction', 'rt_sigprocmask', 'rt_sigreturn',
      'sched_getaffinity', 'set_robust_list', 'set_tid_address', 'statx', 'sysinfo', 'uname', 'wait4',
      'write',
      // Margin: calls of the same kind glibc or libuv may choose on another version or path (open/openat,
      // stat/statx, pipe/pipe2, epoll_wait/epoll_pwait, poll/ppoll), thread exit, sleeps and clocks,
      // descriptor and signal bookkeeping the traced runs did not happen to reach.
      'exit', 'nanosleep', 'clock_nanosleep', 'clock_gettime', 'clock_getres', 'gettimeofday', 'time', 'sched_yield',
      'pause', 'lseek', 'dup', 'dup2', 'dup3', 'close_range', 'poll', 'ppoll', 'select', 'pselect6', 'readv',
      'writev', 'pwrite64', 'preadv', 'pwritev', 'restart_syscall', 'sigaltstack', 'mremap', 'getrusage', 'fstatfs',
      'statfs', 'getpgrp', 'getpgid', 'getsid', 'getrlimit', 'setrlimit', 'readlinkat', 'faccessat', 'faccessat2',
      'tgkill', 'tkill', 'rt_sigtimedwait', 'rt_sigsuspend', 'membarrier', 'mincore', 'getresuid', 'getresgid',
      'getgroups', 'sched_getparam', 'sched_getscheduler', 'getitimer', 'epoll_wait', 'epoll_create', 'eventfd',
      'pipe', 'open', 'stat', 'lstat', 'get_robust_list', 'fadvise64', 'sched_get_priority_max',
      'sched_get_priority_min', 'umask', 'getpriority', 'times', 'fdatasync', 'fsync', 'ftruncate',
      // Docker's init (tini, `--init`, PID 1 so that node gets its rlimit signals) puts node in its own process group.
      'setpgid',
    ],
    // Anything on no list: ENOSYS, so a newer libc falls back as it does on an older kernel.
    unlisted: 'ENOSYS',
    deny: [
      // network (SPEC §6): no socket of any family, so also no docker socket and no DNS
      'socket', 'socketpair', 'connect', 'bind', 'listen', 'accept', 'accept4',
      // other processes' memory
      'ptrace', 'process_vm_readv', 'process_vm_writev', 'kcmp', 'pidfd_getfd',
      // mounts, old and new API, and changing the root
      'mount', 'umount2', 'pivot_root', 'chroot', 'fsopen', 'fsconfig', 'fsmount', 'fspick', 'move_mount', 'open_tree', 'mount_setattr',
      // namespaces
      'unshare', 'setns',
      // kernel attack surface nothing in tki needs
      'bpf', 'perf_event_open', 'userfaultfd', 'io_uring_setup', 'io_uring_enter', 'io_uring_register',
      // an anonymous file whose content could be mapped executable
      'memfd_create',
      'keyctl', 'add_key', 'request_key', 'init_module', 'finit_module', 'delete_module', 'kexec_load', 'kexec_file_load',
      'open_by_handle_at', 'name_to_handle_at', 'personality', 'syslog', 'acct', 'quotactl', 'quotactl_fd', 'lookup_dcookie',
      // host state
      'reboot', 'swapon', 'swapoff', 'iopl', 'ioperm', 'vhangup', 'settimeofday', 'clock_settime', 'adjtimex', 'sethostname', 'setdomainname',
    ],
    // seccomp(2) installs the lock itself; afterwards no filter may be added (prctl PR_SET_SECCOMP below too).
    // timer_*: the lock arms a kill timer at the wall clock (lock.ts); once locked it cannot be re-armed, deleted or multiplied.
    denyAfterStart: ['execve', 'execveat', 'seccomp', 'timer_create', 'timer_settime', 'timer_delete'],
    denyPrctlAfterStart: ['PR_SET_SECCOMP'],
    // Once locked, arch_prctl only reads or sets the thread-pointer registers (ARCH_MAP_VDSO_* would map a
    // fresh executable vDSO). Measured: node makes no arch_prctl call after the lock (docs/sandbox.md,
    // "Stale state and --out"); the FS/GS pair stays for a libc that sets TLS that way.
    archPrctlAfterStart: ['ARCH_SET_FS', 'ARCH_GET_FS', 'ARCH_SET_GS', 'ARCH_GET_GS'],
    denyCloneFlags: ['CLONE_NEWNS', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET'],
    enosys: ['clone3'],
    // Once node runs, nothing maps a file executable: native code written at run time or carried in
    // the packet cannot be loaded (JIT code is anonymous memory and stays allowed).
    denyFileExecMappingsAfterStart: true,
    // Nor does any memory become executable (mmap/mprotect PROT_EXEC): node runs --jitless, so a
    // native foothold cannot turn a file mapping or bytes it wrote into code either.
    denyExecMemoryAfterStart: true,
    // Nothing inside starts a process or maps shared or grow-down memory once node runs: every byte
    // it holds is counted by RLIMIT_DATA, once (round 4: shared, grow-down and forked memory was not).
    denyUncountedMemoryAfterStart: true,
    // Nothing inside opens a file for writing (the report leaves on an inherited descriptor): so no
    // /proc/self/attr/*, /proc/self/mem or any other kernel file that opens for writing is reachable.
    denyWriteOpensAfterStart: true,
    // The operator learns which call was refused: the addon's SIGSYS handler records it (see docs/sandbox.md).
    reportUnlistedAfterStart: true,
  },
  rlimits: {
    nofile: { soft: 1024, hard: 4096 },
    // node runs ~11 threads; each counts.
    nproc: { soft: 64, hard: 64 },
    cpu: { soft: 300, hard: 310 },
    fsize: { soft: 0, hard: 0 },
    core: { soft: 0, hard: 0 },
    // The V8 heap (limits.memoryMiB) plus 1 GiB for buffers, code and node's own.
    data: { soft: 3072 * 1024 * 1024, hard: 3072 * 1024 * 1024 },
  },
  limits: { wallClockSeconds: 300, memoryMiB: 2048, maxStdoutBytes: 1024 * 1024, maxStderrBytes: 1024 * 1024 },
  engineLaunch: { emptyEnvironment: true, argumentsOnDescriptor: true, coverProcSys: true, handInRuntime: true },
  reportFileMode: 0o644,
  hostname: 'tki-sandbox',
  node: { permissionModel: true, disallowCodeGeneration: true, preserveSymlinks: true, jitless: true },
};
