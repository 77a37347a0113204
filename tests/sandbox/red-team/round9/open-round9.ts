import type { OpenRoute } from '../open-today.js';

/**
 * Routes the round-9 audit (round9.test.ts) found OPEN on this host on 2026-12-06 (Debian 12, kernel 6.18,
 * cgroups v1, node 20.20.2, bwrap 0.8.0, podman 4.3.1 rootful, docker 20.10.24). The suite stays green while a
 * route listed here stays open (it prints each), fails for an open route that is not listed, fails when a
 * listed route is found closed on an engine × operator listed here (then remove the entry: the fix is
 * proven), and fails when a listed route is judged by no check (judge9.ts: `unjudgedListed`).
 */
export const OPEN_ROUND9: readonly OpenRoute[] = [
  {
    route: 'SIGNAL/SIGUSR1 opens a debugger',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'high',
    note: "node's default SIGUSR1 handler starts the inspector on 127.0.0.1:9229 in the launcher: a root launcher then serves an unauthenticated DevTools endpoint any local user can reach. By hand, with the launcher in a network namespace of its own (9229 is held by another process on this shared host), uid 65534 sent Runtime.evaluate over it and got back 'uid 0 euid 0' from the launcher: code execution as root. The check judges node's own stderr line ('Debugger listening …' or 'Starting inspector … failed: address already in use'), so a taken port does not hide the route. Needs a SIGUSR1 from root or the operator (log-rotation habits, a supervisor); fix: --disable-sigusr1 is not in node 20, so a SIGUSR1 listener or a node built without the inspector",
  },
  {
    route: 'SNAPSHOT/rebuild-snapshot under umask 000',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'medium',
    note: 'the blob and its record are created 0666 under umask 000 (the bundle beside them stays 0644): uid 65534 wrote its own snapshot over the blob and the record\'s size, and root\'s next tki run --verbose said "snapshot" and ran it as the inspector (a compromised inspector, inside the sandbox: forged but consistent reports). The record checks the blob\'s size only, and the launcher does not look at the blob\'s owner or mode',
  },
  {
    route: 'LIMIT/--timeout past 2^31 ms fires at once',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'medium',
    note: '--timeout 2147484 and larger values the parser accepts (4294968, 3000000) make node clamp the launcher\'s setTimeout to 1 ms and print its TimeoutOverflowWarning (3 lines) on the terminal; then either the run ends at once BLOCKED "wall-clock limit (2147484 s)", or (3 of 10 tries here) the launcher hangs — 40 s and 180 s until killed — and the 180 s one, SIGKILLed, left the sandbox\'s outer bwrap running as an orphan in its cgroup (the inside\'s own kill timer is at the same overflowed wall clock + 5 s)',
  },
  {
    route: 'LIMIT/--memory 1: V8 dies in deserialization',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: 'exit 3 with no report and no tki line: only V8\'s fatal-OOM dump, relayed as 4 "the sandbox wrote" lines + "1 more line(s)"; --memory 2 and up end in the launcher\'s named BLOCKED report',
  },
  {
    route: 'CLEANUP/SIGHUP leaves the work directory',
    engines: ['bwrap'],
    operators: ['root'],
    severity: 'low',
    note: 'SIGHUP (a closed terminal or SSH session) and SIGQUIT kill the launcher with node\'s default action: tki-engine-* stays under TMPDIR until the next start\'s sweep, the exit status is 129/131 rather than 3',
  },
  {
    route: 'REPORT/the inside exits 0 with nothing sent: tki says nothing',
    engines: ['bwrap'],
    operators: ['root', 'nobody'],
    severity: 'low',
    note: 'exit 3 (correct) with no line on stdout or stderr and no report: the operator cannot tell a refused sandbox from anything else',
  },
  {
    route: 'REPORT/the inside exits 0 with nothing sent: tki says nothing',
    engines: ['podman', 'docker'],
    operators: ['root'],
    severity: 'low',
    note: 'as under bwrap: exit 3, silent, nothing written',
  },
];
