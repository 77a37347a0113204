/* Round-4 red-team helper (an attacker's native code inside the sandbox): raw syscall(2) with Buffer
 * arguments passed as data pointers, plus the few things that must run in C because a forked copy of
 * node cannot safely run JavaScript: fork children that hold memory, a daemonised orphan, memset. */
#include <node_api.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

static long arg_value(napi_env env, napi_value v) {
  bool is_buffer = false;
  napi_is_buffer(env, v, &is_buffer);
  if (is_buffer) {
    void *data = NULL;
    size_t len = 0;
    napi_get_buffer_info(env, v, &data, &len);
    return (long)data;
  }
  int64_t n = 0;
  napi_get_value_int64(env, v, &n);
  return (long)n;
}

static napi_value num(napi_env env, int64_t n) {
  napi_value out;
  napi_create_int64(env, n, &out);
  return out;
}

static napi_value raw_syscall(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  long values[7] = { 0 };
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  for (size_t i = 0; i < argc && i < 7; i++) values[i] = arg_value(env, argv[i]);
  errno = 0;
  long rc = syscall(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  return num(env, rc < 0 ? -(int64_t)errno : rc);
}

/* fill(address, length, byte): touches every page of a mapping the attacker made. */
static napi_value fill(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  memset((void *)arg_value(env, argv[0]), (int)arg_value(env, argv[2]), (size_t)arg_value(env, argv[1]));
  return num(env, 0);
}

static void hold_ms(long ms) {
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) { }
}

/* forkHog(flags, bytes, holdMs): a child maps `bytes` with the given mmap flags, touches them, holds
 * them for holdMs and exits 0; 2 when the mapping was refused. Returns the child's pid (or -errno). */
static napi_value fork_hog(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  long flags = arg_value(env, argv[0]);
  size_t bytes = (size_t)arg_value(env, argv[1]);
  long ms = arg_value(env, argv[2]);
  long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
  if (pid < 0) return num(env, -(int64_t)errno);
  if (pid == 0) {
    void *p = (void *)syscall(SYS_mmap, 0, bytes, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (p == MAP_FAILED) syscall(SYS_exit_group, 2);
    memset(p, 7, bytes);
    hold_ms(ms);
    syscall(SYS_exit_group, 0);
  }
  return num(env, pid);
}

/* forkOrphan(name, holdMs): a child that starts its own session, names itself and outlives its parent. */
static napi_value fork_orphan(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  char name[16] = { 0 };
  size_t len = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len);
  long ms = arg_value(env, argv[1]);
  long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
  if (pid < 0) return num(env, -(int64_t)errno);
  if (pid == 0) {
    syscall(SYS_setsid);
    syscall(SYS_prctl, PR_SET_NAME, (long)name, 0, 0, 0);
    /* no descriptor of the parent stays open: the launcher must not wait on this child's pipes */
    for (int fd = 0; fd < 1024; fd++) syscall(SYS_close, fd);
    hold_ms(ms);
    syscall(SYS_exit_group, 0);
  }
  return num(env, pid);
}

static napi_value init(napi_env env, napi_value exports) {
  const struct { const char *name; napi_callback fn; } fns[] = {
    { "rawSyscall", raw_syscall }, { "fill", fill }, { "forkHog", fork_hog }, { "forkOrphan", fork_orphan },
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    napi_value fn;
    napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].fn, NULL, &fn);
    napi_set_named_property(env, exports, fns[i].name, fn);
  }
  return exports;
}

NAPI_MODULE(rawsys4, init)
