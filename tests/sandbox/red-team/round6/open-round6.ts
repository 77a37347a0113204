import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-6 audit (round6.test.ts) found OPEN on this host on 2026-12-05 (Debian 12, kernel 6.18,
 * cgroups v1, node 20.20, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, and fails when
 * a listed route is found closed (then remove the entry: the fix is proven).
 * The first four are in the launcher's report validator/writer: it checks report.json by PARSING it (last
 * duplicate key wins, a BOM tolerated) and then writes the inside's BYTES, and it checks only the verdict
 * line's prefix. The layer that should stop them: the launcher writes report.json re-serialized from the
 * object it validated (or refuses duplicate keys, a BOM and non-canonical escapes), and renders the verdict
 * line from report.json as it already renders report.md and the checkpoint.
 */
export const OPEN_ROUND6: readonly OpenRoute[] = [
  // All six closed by writer7 (session 7): report.json written re-serialized from the validated value, the verdict
  // line rendered from report.json (a disagreeing one refused), report.json's values and depth bounded before
  // parsing (DEFAULT_LIMITS.maxReportJsonValues/minReportJsonBytesPerValue/maxReportJsonDepth), TMPDIR named.
];
