import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-5 audit (round5.test.ts) found OPEN on this host on 2026-12-05 (Debian 12, kernel 6.18,
 * node 20.20, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10 daemon). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, and fails
 * when a listed route is found closed (then remove the entry: the fix is proven).
 * All four are in the launcher's start-up sweep of stale `tki-engine-*` work directories under TMPDIR
 * (a world-writable /tmp by default), which runs before any engine starts: the FIFO is tested under every
 * engine, the other three under bwrap only (the sweep is the same code whatever the engine).
 */
export const OPEN_ROUND5: readonly OpenRoute[] = [
  {
    route: 'SWEEP/a planted work directory swapped for a symlink deletes the operator\'s files',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'high',
    note: "any local user plants <TMPDIR>/tki-engine-<x>/ (owner.pid = a dead pid, sub/ holding names of the victim's files) and swaps sub/ with a symlink to a victim directory in a loop (renameat2 RENAME_EXCHANGE); the next `tki run` sweeps the planted directory path by path and unlinks the victim's files through the symlink (root operator: 925 of 2000 root-owned files in /root/… deleted in one run), then dies with `tki: internal error: ENOTEMPTY`. Should stop it: the sweep (only directories the operator owns, removed through directory descriptors / without following a component that changed, never another user's tree)",
  },
  {
    route: 'SWEEP/a planted owner.pid FIFO hangs the launcher',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root', 'nobody'],
    severity: 'medium',
    note: "any local user: `mkdir /tmp/tki-engine-x && mkfifo /tmp/tki-engine-x/owner.pid`; every later `tki run` (and every operator on the host) blocks forever reading it, before the wall clock starts: no output, no report, no exit. Should stop it: the sweep (O_NOFOLLOW|O_NONBLOCK open, regular files only, bounded read, only directories the operator owns)",
  },
  {
    route: 'SWEEP/a planted owner.pid symlink to /dev/zero exhausts the launcher\'s memory',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'medium',
    note: 'any local user: `ln -s /dev/zero /tmp/tki-engine-x/owner.pid`; `tki run` reads it to the end: 2.1 GB resident in 60 s here, no output (an OOM risk for the CI host). Same fix as the FIFO',
  },
  {
    route: 'SWEEP/another user\'s planted work directory blocks every run',
    engines: ['bwrap'],
    operators: ['nobody'],
    severity: 'medium',
    note: "any local user plants <TMPDIR>/tki-engine-<x>/ with owner.pid = a dead pid and one file; every `tki run` by an unprivileged operator then ends `tki: internal error: EACCES: permission denied, unlink '…/owner.pid'` (exit 3) until root removes it. Should stop it: the sweep (skip directories the operator does not own; a failed sweep is not fatal)",
  },
  {
    route: 'OUT/an --out another user created: the report is replaced after the run',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: "a root operator runs `tki run … --out /tmp/out`; a local user had created /tmp/out first (empty, 0777, theirs): tki accepts it, writes root-owned 0644 files into it, and that user then replaces report.json with a forged one (READ_LEVEL_PASS) — the operator's report is no longer operator-owned. docs/sandbox.md chose to accept --out chains others can write (race-free writes through the checked descriptor); the exit code and terminal line stay true. Should stop it: the --out check (refuse an existing --out the operator does not own, or one others may write without the sticky bit)",
  },
  {
    route: 'CLEANUP/tki attest leaves its scratch directory after SIGTERM',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: "`tki attest` stopped by SIGTERM (exit 3) or SIGKILL leaves <TMPDIR>/tki-attest-<x>/in/ (host-paths.json naming the project and home, profile.json, a copy of the addon; 0755/0644, readable by every local user) and no later run sweeps it (tki-engine-* directories are swept, tki-attest-* are not); issue #12 point 6. Should stop it: attest's SIGINT/SIGTERM clean-up and the start-up sweep",
  },
  {
    route: 'EXEC/a new executable mapping after the lock (arch_prctl ARCH_MAP_VDSO_64)',
    engines: ['bwrap'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: "after the lock and P1 the inside munmaps [vvar], [vvar_vclock] and [vdso] and calls arch_prctl(ARCH_MAP_VDSO_64, their old start) (returns 8192): the kernel maps a fresh r-x [vdso]. docs/sandbox.md says no memory becomes executable after the lock; the bytes are the kernel's vDSO, not the attacker's, so this gives no new code (the 32-bit/x32 vDSOs would only reach ABIs the filter kills or denies). Should stop it: the locked filter (arch_prctl allowed for ARCH_SET_FS/ARCH_GET_FS-style options only, or off the list once locked)",
  },
];
