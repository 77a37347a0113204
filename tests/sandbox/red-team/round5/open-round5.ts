import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-5 audit (round5.test.ts) found OPEN on this host on 2026-12-05 (Debian 12, kernel 6.18,
 * node 20.20, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10 daemon). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, and fails
 * when a listed route is found closed (then remove the entry: the fix is proven).
 * The four SWEEP routes were in the launcher's start-up sweep of stale `tki-engine-*` work directories under
 * TMPDIR (a world-writable /tmp by default), which runs before any engine starts: the FIFO is tested under
 * every engine, the other three under bwrap only (the sweep is the same code whatever the engine).
 */
export const OPEN_ROUND5: readonly OpenRoute[] = [
  // Closed by sweep6 (2026-12-05): the four SWEEP routes (launch/sweep/: only this user's directories, removed
  // through descriptors, owner.pid O_NOFOLLOW|O_NONBLOCK and bounded, a failed sweep only noted), OUT (an --out
  // not the operator's or writable by others is refused), CLEANUP (attest's scratch is a swept, signal-cleaned
  // tki-attest-* directory) and EXEC (arch_prctl after the lock: FS/GS options only).
];
