/* Round-3 red-team helper: raw syscall(2) where a Buffer argument is passed as its data pointer, plus
 * the i386 entry (int 0x80), so attacks can reach syscalls and structures no tki addon names. */
#include <node_api.h>
#include <errno.h>
#include <unistd.h>
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

static napi_value raw_syscall(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  long values[7] = { 0 };
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  for (size_t i = 0; i < argc && i < 7; i++) values[i] = arg_value(env, argv[i]);
  errno = 0;
  long rc = syscall(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  napi_value out;
  napi_create_int64(env, rc < 0 ? -(int64_t)errno : rc, &out);
  return out;
}

/* i386 getpid through int 0x80: the filter's architecture check must kill or refuse it. */
static napi_value int80_getpid(napi_env env, napi_callback_info info) {
  (void)info;
  long rc;
  __asm__ volatile ("int $0x80" : "=a"(rc) : "a"(20L) : "memory");
  napi_value out;
  napi_create_int64(env, rc, &out);
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "rawSyscall", NAPI_AUTO_LENGTH, raw_syscall, NULL, &fn);
  napi_set_named_property(env, exports, "rawSyscall", fn);
  napi_create_function(env, "int80Getpid", NAPI_AUTO_LENGTH, int80_getpid, NULL, &fn);
  napi_set_named_property(env, exports, "int80Getpid", fn);
  return exports;
}

NAPI_MODULE(rawsys3, init)
