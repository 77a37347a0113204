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
  mountPoints: ['/opt/tki', '/usr/lib', '/usr/lib64', '/lib', '/lib64', '/proc', '/dev', '/sys', '/etc/passwd', '/etc/group', '/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/run/.containerenv'],
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
      'keyctl', 'add_key', 'request_key', 'init_module', 'finit_module', 'delete_module', 'kexec_load', 'kexec_file_load',
      'open_by_handle_at', 'name_to_handle_at', 'personality', 'syslog', 'acct', 'quotactl', 'quotactl_fd', 'lookup_dcookie',
      // host state
      'reboot', 'swapon', 'swapoff', 'iopl', 'ioperm', 'vhangup', 'settimeofday', 'clock_settime', 'adjtimex', 'sethostname', 'setdomainname',
    ],
    denyAfterStart: ['execve', 'execveat'],
    denyCloneFlags: ['CLONE_NEWNS', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET'],
    enosys: ['clone3'],
  },
  rlimits: { nofile: { soft: 1024, hard: 4096 }, nproc: { soft: 1024, hard: 1024 } },
  limits: { wallClockSeconds: 300, memoryMiB: 2048, maxStdoutBytes: 1024 * 1024, maxStderrBytes: 1024 * 1024 },
  hostname: 'tki-sandbox',
  node: { permissionModel: true, disallowCodeGeneration: true, preserveSymlinks: true },
};
