/*
 * tki_seccomp: the smallest native piece the sandbox needs, and nothing else.
 *
 * A seccomp filter that denies execve cannot be installed by the engine (it would stop the engine
 * from starting node itself), so node installs it on itself once it is running. Node has no API for
 * prctl/seccomp, hence this addon. The BPF program is built in TypeScript (sandbox/seccomp/) and only
 * passed through here: no policy lives in C.
 *
 * Errors are returned as errno numbers (0 = success); nothing here throws except on misuse.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef SECCOMP_FILTER_FLAG_TSYNC
#define SECCOMP_FILTER_FLAG_TSYNC 1
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static napi_value make_int(napi_env env, int64_t value) {
  napi_value result;
  napi_create_int64(env, value, &result);
  return result;
}

static napi_value fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return NULL;
}

/* installFilter(bpf: Buffer) -> 0 | errno. Not dumpable, no_new_privs, then the filter on every thread (TSYNC):
 * without TSYNC a thread started earlier (V8 platform workers, libuv pool) could still exec. */
static napi_value install_filter(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *data = NULL;
  size_t length = 0;
  bool is_buffer = false;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1) return fail(env, "installFilter(bpf: Buffer)");
  if (napi_is_buffer(env, argv[0], &is_buffer) != napi_ok || !is_buffer) return fail(env, "installFilter(bpf: Buffer)");
  napi_get_buffer_info(env, argv[0], &data, &length);
  if (length == 0 || length % sizeof(struct sock_filter) != 0 || length / sizeof(struct sock_filter) > BPF_MAXINSNS) {
    return fail(env, "installFilter: the program must be whole 8-byte sock_filter records");
  }
  struct sock_fprog program = { .len = (unsigned short)(length / sizeof(struct sock_filter)), .filter = (struct sock_filter *)data };
  /* Not dumpable from the lock on: /proc/<pid>/mem and ptrace from outside then need CAP_SYS_PTRACE
   * over the sandbox's user namespace, not merely the same uid (issue 12, round four: FORGE). */
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return make_int(env, errno);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return make_int(env, errno);
  long rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program);
  if (rc < 0) return make_int(env, errno);
  /* rc > 0 is the id of a thread that could not be synchronized: treat it as a failure. */
  if (rc > 0) return make_int(env, ESRCH);
  return make_int(env, 0);
}

/* markInheritedFdsCloexec() -> 0 | errno. File descriptors node inherited from its parent stay open
 * across exec unless marked; bwrap would pass them on into the sandbox. */
static napi_value mark_inherited_fds_cloexec(napi_env env, napi_callback_info info) {
  (void)info;
  if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return make_int(env, 0);
  int saved = errno;
  long max = sysconf(_SC_OPEN_MAX);
  if (max < 0) return make_int(env, saved);
  for (int fd = 3; fd < max; fd++) {
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
  }
  return make_int(env, 0);
}

/*
 * The diagnostic for unlisted calls (issue 12: ENOSYS "with a named diagnostic when it fires"). The
 * locked filter answers an unlisted call with SECCOMP_RET_TRAP carrying the errno in its data bits;
 * the kernel then raises SIGSYS in the calling thread with si_syscall = the call's number and
 * si_errno = that errno, and resumes after the handler with the syscall's return register as the
 * handler left it. The handler records the number (async-signal-safe: fixed arrays, atomics) and
 * makes the call return -errno, exactly what an ERRNO action would have returned. Nothing in node
 * or V8 uses SIGSYS. If the handler is missing or SIGSYS is blocked in that thread, the kernel kills
 * the process instead (fail closed; the launcher names the SIGSYS).
 */
#define RECORDED_MAX 64
static int recorded_numbers[RECORDED_MAX];
static int recorded_used = 0;
static long recorded_total = 0;

static void on_sigsys(int signal_number, siginfo_t *info, void *context) {
  (void)signal_number;
  int saved_errno = errno;
  int number = info->si_syscall;
  int answer = info->si_errno != 0 ? info->si_errno : ENOSYS;
  __atomic_add_fetch(&recorded_total, 1, __ATOMIC_SEQ_CST);
  int used = __atomic_load_n(&recorded_used, __ATOMIC_SEQ_CST);
  int known = 0;
  for (int i = 0; i < used && i < RECORDED_MAX; i++) if (__atomic_load_n(&recorded_numbers[i], __ATOMIC_SEQ_CST) == number) known = 1;
  if (!known) {
    int slot = __atomic_fetch_add(&recorded_used, 1, __ATOMIC_SEQ_CST);
    if (slot < RECORDED_MAX) __atomic_store_n(&recorded_numbers[slot], number, __ATOMIC_SEQ_CST);
  }
#if defined(__x86_64__)
  ((ucontext_t *)context)->uc_mcontext.gregs[REG_RAX] = -answer;
#else
  (void)context;
  (void)answer;
#endif
  errno = saved_errno;
}

/* recordUnlistedCalls() -> 0 | errno. Installs the SIGSYS handler; call before installFilter. */
static napi_value record_unlisted_calls(napi_env env, napi_callback_info info) {
  (void)info;
#if !defined(__x86_64__)
  return make_int(env, ENOSYS);
#else
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_sigsys;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGSYS, &action, NULL) != 0) return make_int(env, errno);
  return make_int(env, 0);
#endif
}

/* refusedCalls() -> [total traps, ...distinct syscall numbers in order of first refusal]. */
static napi_value refused_calls(napi_env env, napi_callback_info info) {
  (void)info;
  int used = __atomic_load_n(&recorded_used, __ATOMIC_SEQ_CST);
  if (used > RECORDED_MAX) used = RECORDED_MAX;
  napi_value result;
  napi_create_array_with_length(env, (size_t)used + 1, &result);
  napi_set_element(env, result, 0, make_int(env, __atomic_load_n(&recorded_total, __ATOMIC_SEQ_CST)));
  for (int i = 0; i < used; i++) napi_set_element(env, result, (uint32_t)i + 1, make_int(env, __atomic_load_n(&recorded_numbers[i], __ATOMIC_SEQ_CST)));
  return result;
}

static int attempt(const char *name) {
  errno = 0;
  if (strcmp(name, "socket") == 0) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0) { close(fd); return 0; }
    return errno;
  }
  if (strcmp(name, "ptrace") == 0) {
    /* Seize the parent: a real attempt to trace another process. PTRACE_SEIZE, unlike ATTACH, does
     * not stop the tracee, so even where it succeeds (outside any sandbox) detaching leaves no trace. */
    if (ptrace(PTRACE_SEIZE, getppid(), NULL, NULL) == 0) { ptrace(PTRACE_DETACH, getppid(), NULL, NULL); return 0; }
    return errno;
  }
  if (strcmp(name, "memfd_create") == 0) {
    /* An anonymous file whose content could be mapped executable (PR-DLOPEN-1): creating one is enough to tell. */
    long fd = syscall(SYS_memfd_create, "tki-probe", 0U);
    if (fd >= 0) { close((int)fd); return 0; }
    return errno;
  }
  if (strcmp(name, "mbind") == 0) {
    /* Off the allowlist (PR-SYSCALL-1): MPOL_DEFAULT over an empty range changes nothing where it is allowed. */
    if (syscall(SYS_mbind, 0UL, 0UL, 0, NULL, 0UL, 0U) == 0) return 0;
    return errno;
  }
  if (strcmp(name, "memfd_secret") == 0) {
    /* Off the allowlist and newer than most libcs (447 on x86_64); an fd, closed, where it is allowed. */
    long fd = syscall(447, 0U);
    if (fd >= 0) { close((int)fd); return 0; }
    return errno;
  }
  if (strcmp(name, "execve") == 0) {
    /* A path that cannot exist: seccomp answers before the path lookup, so EPERM means the lock
     * is active and ENOENT means it is not. It can never start anything. */
    char *const argv[] = { "/nonexistent/tki-exec-probe", NULL };
    char *const envp[] = { NULL };
    execve(argv[0], argv, envp);
    return errno;
  }
  return -1;
}

/* attemptSyscall(name) -> 0 (it succeeded) | errno | -1 (unknown name). Used by the P1 self-check
 * and the attestation probes to really attempt a denied act and record the kernel's answer. */
static napi_value attempt_syscall(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char name[32];
  size_t copied = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1) return fail(env, "attemptSyscall(name: string)");
  if (napi_get_value_string_utf8(env, argv[0], name, sizeof name, &copied) != napi_ok) return fail(env, "attemptSyscall(name: string)");
  return make_int(env, attempt(name));
}

/* setResourceLimit(name: 'nofile' | 'nproc', soft, hard) -> 0 | errno | -1 (unknown name). Lowering
 * needs no privilege; bwrap has no option for limits, so node applies the profile's to itself. */
static napi_value set_resource_limit(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  char name[16];
  size_t copied = 0;
  int64_t soft = 0, hard = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 3 ||
      napi_get_value_string_utf8(env, argv[0], name, sizeof name, &copied) != napi_ok ||
      napi_get_value_int64(env, argv[1], &soft) != napi_ok || napi_get_value_int64(env, argv[2], &hard) != napi_ok ||
      soft < 0 || hard < soft) {
    return fail(env, "setResourceLimit(name: string, soft: number, hard: number)");
  }
  int resource = strcmp(name, "nofile") == 0 ? RLIMIT_NOFILE
               : strcmp(name, "nproc") == 0  ? RLIMIT_NPROC
               : strcmp(name, "cpu") == 0    ? RLIMIT_CPU
               : strcmp(name, "fsize") == 0  ? RLIMIT_FSIZE
               : strcmp(name, "core") == 0   ? RLIMIT_CORE
               : strcmp(name, "data") == 0   ? RLIMIT_DATA
                                             : -1;
  if (resource < 0) return make_int(env, -1);
  /* Only ever tighten: a hard limit already below the profile's stays where it is. */
  struct rlimit current;
  if (getrlimit(resource, &current) != 0) return make_int(env, errno);
  rlim_t new_hard = (rlim_t)hard < current.rlim_max ? (rlim_t)hard : current.rlim_max;
  rlim_t new_soft = (rlim_t)soft < new_hard ? (rlim_t)soft : new_hard;
  struct rlimit limit = { .rlim_cur = new_soft, .rlim_max = new_hard };
  return make_int(env, setrlimit(resource, &limit) == 0 ? 0 : errno);
}

/* attemptProcesses(n) -> [created, errno]. PR-PIDS-1: forks up to n children that only pause, stops
 * at the first failure, then kills and reaps every child. The children run no code but pause(). */
static napi_value attempt_processes(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int64_t wanted = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 || napi_get_value_int64(env, argv[0], &wanted) != napi_ok || wanted < 1 || wanted > 100000) {
    return fail(env, "attemptProcesses(n: number)");
  }
  pid_t *children = calloc((size_t)wanted, sizeof(pid_t));
  if (children == NULL) return fail(env, "attemptProcesses: out of memory");
  int64_t created = 0;
  int failure = 0;
  for (; created < wanted; created++) {
    pid_t pid = fork();
    if (pid == 0) { for (;;) pause(); }
    if (pid < 0) { failure = errno; break; }
    children[created] = pid;
  }
  for (int64_t i = 0; i < created; i++) kill(children[i], SIGKILL);
  for (int64_t i = 0; i < created; i++) waitpid(children[i], NULL, 0);
  free(children);
  napi_value result;
  napi_create_array_with_length(env, 2, &result);
  napi_set_element(env, result, 0, make_int(env, created));
  napi_set_element(env, result, 1, make_int(env, failure));
  return result;
}

/* armKillTimer(seconds) -> 0 | errno. The sandbox's own wall clock (issue 12, PERSIST): a timer
 * that sends SIGKILL to this process, armed by the lock before its filter, which then refuses
 * timer_create/timer_settime/timer_delete. SIGKILL cannot be caught, blocked or ignored, so the
 * sandbox ends by itself even when its launcher and the launcher's watchdog were killed together
 * (a container engine's container does not die with its CLI). */
static napi_value arm_kill_timer(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int64_t seconds = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 || napi_get_value_int64(env, argv[0], &seconds) != napi_ok || seconds < 1 || seconds > 100000000) {
    return fail(env, "armKillTimer(seconds: number)");
  }
  struct sigevent event;
  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_SIGNAL;
  event.sigev_signo = SIGKILL;
  timer_t timer;
  if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) return make_int(env, errno);
  struct itimerspec when;
  memset(&when, 0, sizeof when);
  when.it_value.tv_sec = (time_t)seconds;
  if (timer_settime(timer, 0, &when, NULL) != 0) return make_int(env, errno);
  return make_int(env, 0);
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
    { "installFilter", NULL, install_filter, NULL, NULL, NULL, napi_enumerable, NULL },
    { "markInheritedFdsCloexec", NULL, mark_inherited_fds_cloexec, NULL, NULL, NULL, napi_enumerable, NULL },
    { "attemptSyscall", NULL, attempt_syscall, NULL, NULL, NULL, napi_enumerable, NULL },
    { "setResourceLimit", NULL, set_resource_limit, NULL, NULL, NULL, napi_enumerable, NULL },
    { "attemptProcesses", NULL, attempt_processes, NULL, NULL, NULL, napi_enumerable, NULL },
    { "recordUnlistedCalls", NULL, record_unlisted_calls, NULL, NULL, NULL, napi_enumerable, NULL },
    { "refusedCalls", NULL, refused_calls, NULL, NULL, NULL, napi_enumerable, NULL },
    { "armKillTimer", NULL, arm_kill_timer, NULL, NULL, NULL, napi_enumerable, NULL },
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
