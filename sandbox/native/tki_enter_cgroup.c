// tki-enter-cgroup: the first process of a root operator's bwrap sandbox (sandbox/launch/cgroup.ts).
//
//   tki-enter-cgroup UID GID CGROUP_PROCS_FILE... -- EXECUTABLE ARGV0 [ARG...]
//
// Run by the launcher as root with an empty environment. It writes its own pid into every
// cgroup.procs file named (so it, and everything it starts, is in the sandbox's cgroup before
// bwrap creates any namespace: bwrap's --unshare-cgroup then roots the sandbox's cgroup namespace
// at that cgroup, and nothing inside sees a host cgroup path), drops to UID:GID with no
// supplementary groups, checks that root cannot be regained (unless UID is 0: only a deliberately
// loosened profile asks for that, and P1 inside then refuses a host-root sandbox), and executes EXECUTABLE with
// ARGV0 as argv[0] and an empty environment. Any failure before the exec is one line on stderr
// starting "tki-enter-cgroup: " and exit status 121: the launcher reports it, nothing runs.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SETUP_FAILED 121

static int fail(const char *what, const char *detail) {
  fprintf(stderr, "tki-enter-cgroup: %s%s%s\n", what, detail[0] == '\0' ? "" : ": ", detail);
  return SETUP_FAILED;
}

static int parse_id(const char *text, unsigned long *out) {
  char *end = NULL;
  errno = 0;
  unsigned long value = strtoul(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value > 0xfffffffeUL) return -1;
  *out = value;
  return 0;
}

static int join_cgroup(const char *procs, const char *pid) {
  int fd = open(procs, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  ssize_t written = write(fd, pid, strlen(pid));
  int saved = errno;
  close(fd);
  errno = saved;
  return written == (ssize_t)strlen(pid) ? 0 : -1;
}

int main(int argc, char **argv) {
  unsigned long uid = 0, gid = 0;
  if (argc < 6 || parse_id(argv[1], &uid) != 0 || parse_id(argv[2], &gid) != 0) return fail("usage: UID GID CGROUP_PROCS... -- EXECUTABLE ARGV0 [ARG...]", "");
  int separator = 3;
  while (separator < argc && strcmp(argv[separator], "--") != 0) separator++;
  // At least one cgroup.procs file before "--", and EXECUTABLE and ARGV0 after it.
  if (separator == 3 || separator + 3 > argc) return fail("usage: UID GID CGROUP_PROCS... -- EXECUTABLE ARGV0 [ARG...]", "");
  char pid[32];
  snprintf(pid, sizeof pid, "%ld", (long)getpid());
  for (int i = 3; i < separator; i++) {
    if (join_cgroup(argv[i], pid) != 0) return fail(argv[i], strerror(errno));
  }
  if (setgroups(0, NULL) != 0) return fail("setgroups", strerror(errno));
  if (setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) != 0) return fail("setresgid", strerror(errno));
  if (setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0) return fail("setresuid", strerror(errno));
  // UID 0 is asked for only by a deliberately loosened profile (the tests show P1 refusing it).
  if (uid != 0 && (setuid(0) == 0 || geteuid() == 0)) return fail("privileges were not dropped", "");
  char *const empty_env[] = {NULL};
  execve(argv[separator + 1], &argv[separator + 2], empty_env);
  return fail(argv[separator + 1], strerror(errno));
}
