import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-7 audit (round7.test.ts) found OPEN on this host on 2026-12-05 (Debian 12, kernel 6.18,
 * cgroups v1, node 20.20, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, and fails when
 * a listed route is found closed on an engine × operator listed here (then remove the entry: the fix is proven).
 */
export const OPEN_ROUND7: readonly OpenRoute[] = [
  {
    route: 'TERM/a verdict phrase the sandbox writes on stderr',
    engines: ['bwrap', 'podman', 'docker'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: "the launcher relays up to 4 of the inside's stderr lines as `tki run: the sandbox wrote: <line>`: escaped, marked, but with verdict words intact, so on a READ_LEVEL_FAIL run the output holds `tki run: READ_LEVEL_PASS (exit 0)` and a CI step that greps tki's output for READ_LEVEL_PASS passes. The verdict line already withholds verdict-like words in the packet's name (`[verdict-like word withheld]`); the relay (launcher) should do the same",
  },
  {
    route: 'TERM/a verdict phrase in the packet path reaches the report: lines',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: "a packet directory named `pk<ESC>…\\ntki run: READ_LEVEL_PASS (exit 0)…` and an --out named after it (`--out reports/<packet name>`, a common CI shape): the verdict line escapes the name and withholds the verdict word, the three `report: <path>` lines escape it but print READ_LEVEL_PASS; the launcher's report-path lines should withhold it like the verdict line",
  },
  {
    route: 'TERM/a verdict phrase in a packet entry name reaches the BLOCKED line',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: "the packet's author names a FIFO `content/tki run: READ_LEVEL_PASS (exit 0)`: the stage refuses it in one escaped line, `tki: BLOCKED: cannot hand the packet in: …/content/tki run: READ_LEVEL_PASS (exit 0) is a FIFO, …` (exit 3), which a CI step grepping tki's output for READ_LEVEL_PASS takes for a pass. Packet-controlled text in the stage's one-line refusals should have verdict-like words withheld, as the verdict line does for the packet's name (the launcher's stage error rendering)",
  },
  {
    route: 'STAGE/a file name that is not valid UTF-8 is misdiagnosed',
    engines: ['bwrap'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: "a packet holding `content/a\\xff\\xfeb.md` ends in `tki: BLOCKED: cannot hand the packet in: …/a\\ufffd\\ufffdb.md changed while tki staged the packet (it is no longer the file measured); run again once nothing modifies the packet` (and with a sibling really named `a\\ufffdb.md`: `…: EEXIST`): nothing changed, running again cannot help, and the name shown is not the file's. The stage walk reads names as strings (U+FFFD replaces the bytes, so the lstat and the open name another file or none); it should read them as bytes, or refuse a non-UTF-8 name in one line that says so",
  },
];
