/**
 * /proc files that describe the host rather than the sandbox (issue 12, round four: HOSTINFO):
 * the kernel command line (boot set-up, hypervisor, mitigations) and the host's block devices with
 * their sizes and I/O counters. Each engine covers them with an empty read-only file: bwrap with
 * `--ro-bind-data` of nothing, podman with `--security-opt mask=`, Docker with a read-only bind of
 * /dev/null where runc allows one under /proc (it allows only /proc/diskstats among these; see
 * docs/sandbox.md, Round four). What no namespace hides stays visible: the kernel version,
 * /proc/meminfo, /proc/loadavg, /proc/pressure/*.
 */
export const HOST_INFO_FILES = ['/proc/cmdline', '/proc/partitions', '/proc/diskstats'] as const;

/** The subset runc accepts a bind mount on (its allowlist under /proc, kept for lxcfs). */
export const RUNC_BINDABLE_HOST_INFO_FILES: readonly string[] = ['/proc/diskstats'];
