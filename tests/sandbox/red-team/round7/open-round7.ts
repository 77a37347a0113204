import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-7 audit (round7.test.ts) found OPEN on this host on 2026-12-05 (Debian 12, kernel 6.18,
 * cgroups v1, node 20.20, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, and fails when
 * a listed route is found closed on an engine × operator listed here (then remove the entry: the fix is proven).
 */
export const OPEN_ROUND7: readonly OpenRoute[] = [];
