import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-4 audit (round4.test.ts) found OPEN on this host on 2026-12-05 (Debian 12, kernel
 * 6.18, cgroups v1, no Yama, no AppArmor, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10 daemon; all
 * as a root operator). The suite stays green while a route listed here stays open (it prints each),
 * fails for an open route that is not listed, and fails when a listed route is found closed (then
 * remove the entry: the fix is proven).
 */
export const OPEN_ROUND4: readonly OpenRoute[] = [
  {
    route: 'FORGE/a host process rewrote the sandbox memory',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root'],
    severity: 'high',
    note: "a root operator's sandbox runs as host uid 65534, shared with every other nobody process on the host (and every concurrent tki sandbox). Any host process running as 65534 passes ptrace_may_access (same uid, the inside is dumpable; under bwrap uid 65534 even owns the sandbox's user namespace): it opens /proc/<pid>/mem read-write and rewrites the inspector's memory while it runs, so the report the launcher validates and writes can say what that process wants. Repro: while `tki run` runs as root, `setpriv --reuid 65534 --regid 65534 python3 -c \"open('/proc/<inner node pid>/mem','r+b')\"` succeeds (uid 1000 gets EACCES). Not a route from the packet alone: it needs a local process as nobody",
  },
  {
    route: 'STAGE/another local user read a 0600 packet file from the stage',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root'],
    severity: 'high',
    note: "a root operator's packet stage is <TMPDIR>/tki-engine-<random>/<24 hex>/in, reachable by every local user (a 0711 work directory under bwrap; the same under podman and docker, though their bind mount would not need it), with files the sandbox cannot read copied 0444; the random names are the only guard, and /proc/<pid>/mountinfo of any sandboxed process (readable by every local user, under every engine) prints the /in mount root. Repro: during `tki run`, as uid 1000: R=$(awk '$5==\"/in\"{print $4}' /proc/<inner pid>/mountinfo); cat $R/private/secret.txt prints a file that was 0600 root in a 0700 root directory of the packet",
  },
  {
    route: 'STAGE/the packet owner changed a staged file during the run',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root'],
    severity: 'low',
    note: "world-readable packet files are hard-linked into the stage, so the stage is the packet owner's inode: the owner (uid 65534 here) appends to `live.txt` in the packet directory after the launcher checked sizes and staged it, and the inside sees the new size. The stage's bound (maxPacketJsonBytes + maxPacketContentBytes checked 'before anything is written') and any launcher-side look at the bytes are then not what the inspector reads; the inspector's own limits are what remains",
  },
  {
    route: 'PERSIST/the sandbox outlives a SIGKILLed launcher',
    engines: ['podman', 'docker'],
    operators: ['root'],
    severity: 'medium',
    note: "when the launcher dies without running its handlers (SIGKILL: a CI job timeout, the OOM killer) the container keeps running: docker's only wall clock is the launcher's `docker kill`, so a sleeping inside (RLIMIT_CPU never fires) stays up with its memory and pids for good; podman's --timeout ends it after the wall clock (300 s by default). bwrap's --die-with-parent takes it down (closed)",
  },
  {
    route: 'REPORT/root writes the triplet through a symlink swapped in after validation',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'medium',
    note: "--out is checked once by path, then written by path: with --out in a directory another local user owns (their home, a shared workspace; tki accepts it), that user renames it away after the launcher's check and puts a symlink to any directory in its place; the root launcher then creates report.json, report.md and checkpoint-<name>.md (0644, root) there and would replace files of those names (and remove a previous checkpoint-*.md). Repro: TMPDIR=$T tki run pk --out /home/u/out, and as u once $T/tki-engine-* appears: mv out out.away; ln -s /root/dir out. Engine-independent (the launcher's write); tried with bwrap",
  },
  {
    route: "NPROC/a sandbox holding its uid's process count stops a concurrent run",
    engines: ['docker'],
    operators: ['root'],
    severity: 'medium',
    note: "every root operator's sandbox runs as host uid 65534 and RLIMIT_NPROC counts all of that uid's processes on the host: a hostile packet's inside forks up to the limit (52 children + node's threads) and holds them for the wall clock; meanwhile a concurrent `tki run --engine docker` (its --ulimit nproc=64 applies from the container's first exec) fails with `exec /sbin/docker-init: resource temporarily unavailable`, exit 3. A concurrent bwrap run survived here (its node starts its threads before the lock sets the limit) but any thread it needs after the lock is refused. Documented as 'counted per uid', but it is one CI job's packet denying service to the others",
  },
  {
    route: 'HOSTINFO/the host kernel command line',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root'],
    severity: 'low',
    note: '/proc/cmdline is readable inside under every engine (here it names the host hypervisor set-up: firecracker init, console, mitigations) and can be copied into the report; /proc/sys is covered, /proc/cmdline is not masked by any engine',
  },
  {
    route: 'HOSTINFO/the host block devices',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root'],
    severity: 'low',
    note: "/proc/partitions (and /proc/diskstats, /proc/fs/ext4/<dev>) list the host's block devices and sizes inside (vda, 256 GiB here); with /proc/meminfo, /proc/loadavg and /proc/pressure/* (host-wide, other tenants' load) this is what a compromised inspector can learn of the host beyond the kernel version (which no namespace hides)",
  },
];
