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
    route: 'HOSTINFO/the host kernel command line',
    engines: ['docker'],
    operators: ['root'],
    severity: 'low',
    note: '/proc/cmdline is readable inside under every engine (here it names the host hypervisor set-up: firecracker init, console, mitigations) and can be copied into the report; /proc/sys is covered, /proc/cmdline is not masked by any engine',
  },
  {
    route: 'HOSTINFO/the host block devices',
    engines: ['docker'],
    operators: ['root'],
    severity: 'low',
    note: "/proc/partitions (and /proc/diskstats, /proc/fs/ext4/<dev>) list the host's block devices and sizes inside (vda, 256 GiB here); with /proc/meminfo, /proc/loadavg and /proc/pressure/* (host-wide, other tenants' load) this is what a compromised inspector can learn of the host beyond the kernel version (which no namespace hides)",
  },
];
