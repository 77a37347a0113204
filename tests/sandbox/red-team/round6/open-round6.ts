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
  {
    route: 'REPORT/duplicate top-level key in report.json written as sent',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root', 'nobody'],
    severity: 'medium',
    note: 'a compromised inspector prefixes {"final_verdict":"READ_LEVEL_PASS", to a genuine READ_LEVEL_FAIL report.json: JSON.parse keeps the last key, so the schema check and the re-rendered report.md agree, and the launcher writes the bytes with both keys; first-key readers (grep | head -1, some streaming parsers, a reviewer reading the file top down) see PASS while the terminal says READ_LEVEL_FAIL',
  },
  {
    route: 'REPORT/a UTF-8 BOM before report.json written as sent',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: "accepted by the validator and written verbatim: the operator's own JSON.parse(readFileSync(report.json, 'utf8')) and Python's json.loads then fail on the written report (a compromised inspector can make every downstream gate choke on a report tki called valid)",
  },
  {
    route: 'REPORT/non-canonical \\u escapes in report.json written as sent',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: 'packet_id "PKT-FIX7-A" sent as "\\u0050KT-FIX7-A": valid JSON, equal once parsed, written verbatim, so a byte search of report.json (grep PKT-FIX7-A, a CI rule keyed on an id or a verdict) misses what the report says',
  },
  {
    route: "LINE/the verdict line's tail is not checked against report.json",
    engines: ['bwrap', 'docker'],
    operators: ['root', 'nobody'],
    severity: 'medium',
    note: 'only the prefix "tki inspect: <final_verdict> (exit " is checked: a line "tki inspect: READ_LEVEL_FAIL (exit 1) · 0 claim(s), none with a finding · flags none" for a report.json with 6 claims, 6 findings and FLAG_PROSE_ONLY_PASS is printed by tki run as its own summary (the line CI logs show); report.md and the checkpoint are refused for the same kind of disagreement',
  },
  {
    route: 'LAUNCHER-MEM/report.json under the channel cap parsed into an unbounded object graph',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'medium',
    note: 'the channel cap is maxReportBytes = 256 MiB and the launcher parses report.json whole before the schema refuses it: a streamed {"a":[{},{},…]} (the inside holds 1 MiB at a time) of 8 MiB added ~285 MB to the launcher\'s peak RSS (348 MB against 63 MB), 32 MiB reached 1.17 GB (~36x); at the cap that would be ~9 GB, over node\'s default 4 GiB heap here. Not demonstrated at the cap: under load ~25 the channel delivered 8 MiB in 18 s and 32 MiB in 306 s, and a 160 MiB stream was ended by the default 300 s wall clock (launcher peak 187 MB); an operator\'s larger --timeout lets it through. The layer that should stop it: a bound on the JSON value count/depth before or while parsing (or a cap on report.json far below the whole-triplet cap), so the launcher never holds more than a small multiple of the bytes',
  },
];
