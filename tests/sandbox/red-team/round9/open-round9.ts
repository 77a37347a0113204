import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-9 audit (round9.test.ts) found OPEN on this host on 2026-12-06 (Debian 12, kernel 6.18,
 * cgroups v1, node 20.20.2, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10.24). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, fails when a
 * listed route is found closed on an engine × operator listed here (then remove the entry: the fix is
 * proven), and fails when a listed route is judged by no check (judge9.ts: `unjudgedListed`).
 */
export const OPEN_ROUND9: readonly OpenRoute[] = [];
