import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-3 audit (round3-*.test.ts) found OPEN on this host on 2026-12-05. The suite stays
 * green while a route listed here stays open (it prints each), fails for an open route that is not
 * listed, and fails when a listed route is found closed (then remove the entry: the fix is proven).
 */
export const OPEN_ROUND3: readonly OpenRoute[] = [
  {
    route: 'EXEC/mmap file PROT_READ then mprotect PROT_EXEC',
    engines: ['bwrap'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: 'denyFileExecMappingsAfterStart only reads mmap: after the lock a file in /in mapped PROT_READ becomes executable with mprotect(PROT_READ|PROT_EXEC) (pkey_mprotect is ENOSYS). Needs native code already running (JS-only process.dlopen stays refused), so it widens a V8-bug foothold into loading a whole packet-supplied library; the docs claim file exec mappings are stopped',
  },
  {
    route: 'PID1/mountinfo',
    engines: ['bwrap'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: "the same leak as round 2's 'ENV/host paths in mountinfo roots' seen through /proc/1/mountinfo: /in's mount root names the launcher's stage <TMPDIR>/tki-engine-<random>/<24 hex>/in",
  },
];

/** What the round-3 audit accepts as a design limit (printed, not failed): the JIT needs anonymous RW->RX. */
export const DESIGN_LIMITS_ROUND3: readonly string[] = ['EXEC/anonymous RW then mprotect RX (runtime-written code)', 'RLIMIT/raise as'];
