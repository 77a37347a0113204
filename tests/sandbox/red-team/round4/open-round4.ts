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
    route: 'MEM/MAP_SHARED anonymous memory past the data ceiling',
    engines: ['bwrap'],
    operators: ['nobody'],
    severity: 'high',
    note: "under bwrap the only ceiling on non-heap memory is RLIMIT_DATA, which does not count shared mappings (is_data_mapping excludes VM_SHARED): with `--memory 256` (data 1280 MiB; a private 1600 MiB mapping is refused ENOMEM) native code maps and touches 1600 MiB of MAP_SHARED|MAP_ANONYMOUS memory and lives. Nothing else bounds it (no cgroup under bwrap): host memory. podman rootful and docker: the cgroup's --memory kills it (exit 137)",
  },
  {
    route: 'MEM/MAP_GROWSDOWN memory past the data ceiling',
    engines: ['bwrap'],
    operators: ['nobody'],
    severity: 'high',
    note: 'as MAP_SHARED: a MAP_GROWSDOWN private mapping is VM_STACK, which RLIMIT_DATA does not count either (and the profile sets no RLIMIT_STACK/RLIMIT_AS): 1600 MiB touched past a 1280 MiB data ceiling under bwrap',
  },
  {
    route: 'MEM/forked children together past the data ceiling',
    engines: ['bwrap'],
    operators: ['nobody'],
    severity: 'high',
    note: 'RLIMIT_DATA is per process and RLIMIT_NPROC allows 64: four forked children each hold 512 MiB (2048 MiB together) under a 1280 MiB data ceiling under bwrap; the bound is 64 × data (192 GiB with the default 3 GiB), i.e. none. podman rootful and docker: the cgroup kills children past --memory',
  },
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
