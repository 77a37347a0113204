/* Red-team helper: a Node addon exposing raw syscall(2), so attacks can reach syscalls no tki addon names. */
#include <node_api.h>
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

static napi_value raw_syscall(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  long values[7] = { 0 };
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  for (size_t i = 0; i < argc && i < 7; i++) {
    int64_t v = 0;
    napi_get_value_int64(env, argv[i], &v);
    values[i] = (long)v;
  }
  errno = 0;
  long rc = syscall(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  napi_value out;
  napi_create_int64(env, rc < 0 ? -(int64_t)errno : rc, &out);
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "rawSyscall", NAPI_AUTO_LENGTH, raw_syscall, NULL, &fn);
  napi_set_named_property(env, exports, "rawSyscall", fn);
  return exports;
}

NAPI_MODULE(rawsys, init)
