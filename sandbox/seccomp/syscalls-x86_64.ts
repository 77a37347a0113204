/**
 * x86_64 system call numbers for every call the profile names (from the kernel's
 * asm/unistd_64.h). Only these: a name the profile uses that is missing here is a compile error,
 * because the profile's deny list is typed by this table's keys.
 */
export const X86_64_SYSCALLS = {
  socket: 41,
  connect: 42,
  accept: 43,
  bind: 49,
  listen: 50,
  socketpair: 53,
  clone: 56,
  execve: 59,
  ptrace: 101,
  syslog: 103,
  personality: 135,
  vhangup: 153,
  pivot_root: 155,
  adjtimex: 159,
  chroot: 161,
  acct: 163,
  settimeofday: 164,
  mount: 165,
  umount2: 166,
  swapon: 167,
  swapoff: 168,
  reboot: 169,
  sethostname: 170,
  setdomainname: 171,
  iopl: 172,
  ioperm: 173,
  init_module: 175,
  delete_module: 176,
  quotactl: 179,
  lookup_dcookie: 212,
  clock_settime: 227,
  kexec_load: 246,
  add_key: 248,
  request_key: 249,
  keyctl: 250,
  unshare: 272,
  accept4: 288,
  perf_event_open: 298,
  name_to_handle_at: 303,
  open_by_handle_at: 304,
  setns: 308,
  process_vm_readv: 310,
  process_vm_writev: 311,
  kcmp: 312,
  finit_module: 313,
  kexec_file_load: 320,
  bpf: 321,
  execveat: 322,
  userfaultfd: 323,
  io_uring_setup: 425,
  io_uring_enter: 426,
  io_uring_register: 427,
  open_tree: 428,
  move_mount: 429,
  fsopen: 430,
  fsconfig: 431,
  fsmount: 432,
  fspick: 433,
  clone3: 435,
  pidfd_getfd: 438,
  mount_setattr: 442,
  quotactl_fd: 443,
} as const;

export type SyscallName = keyof typeof X86_64_SYSCALLS;

/** The i386 entry (`int 0x80`) reports AUDIT_ARCH_I386; only this architecture is allowed. */
export const AUDIT_ARCH_X86_64 = 0xc000003e;

/** x32 calls arrive as AUDIT_ARCH_X86_64 with this bit set in the number. */
export const X32_SYSCALL_BIT = 0x40000000;

/** Namespace-creating clone() flags (CLONE_NEWTIME is left out: in clone() that bit is the exit signal's). */
export const CLONE_NAMESPACE_FLAGS = {
  CLONE_NEWNS: 0x00020000,
  CLONE_NEWCGROUP: 0x02000000,
  CLONE_NEWUTS: 0x04000000,
  CLONE_NEWIPC: 0x08000000,
  CLONE_NEWUSER: 0x10000000,
  CLONE_NEWPID: 0x20000000,
  CLONE_NEWNET: 0x40000000,
} as const;

export type CloneFlagName = keyof typeof CLONE_NAMESPACE_FLAGS;

export const ERRNO = { EPERM: 1, ENOSYS: 38 } as const;
export type ErrnoName = keyof typeof ERRNO;
