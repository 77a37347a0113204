import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-3 audit (round3-*.test.ts) found OPEN on this host on 2026-12-05. The suite stays
 * green while a route listed here stays open (it prints each), fails for an open route that is not
 * listed, and fails when a listed route is found closed (then remove the entry: the fix is proven).
 */
export const OPEN_ROUND3: readonly OpenRoute[] = [
  {
    route: 'PID1/mountinfo',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: "round 2's 'ENV/host paths in mountinfo roots' seen through /proc/1/mountinfo, and wider than round 2 checked (it read only the mount-root field): /in's root names the launcher's stage <TMPDIR>/tki-engine-<random>/<24 hex>/in under every engine, and under podman and docker the root overlay's super options name the engine's storage (lowerdir/upperdir/workdir=/var/lib/containers/storage/overlay/<id>/..., /var/lib/docker/overlay2/<id>/...)",
  },
];

/**
 * What the round-3 audit accepts as a design limit (printed, not failed). 'EXEC/mmap file PROT_READ
 * then mprotect PROT_EXEC' and 'EXEC/anonymous RW then mprotect RX' were here or open until every
 * process inside ran --jitless and the lock refused PROT_EXEC in mmap and mprotect altogether
 * (seccomp.denyExecMemoryAfterStart): both are now judged like every other route.
 */
export const DESIGN_LIMITS_ROUND3: readonly string[] = ['RLIMIT/raise as'];
