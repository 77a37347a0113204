/**
 * Routes red team 9b (session 9, re-attack of the round 9 fixes) found still open. Each key is
 * one check in fix9.test.ts; while a key is listed the check must still FAIL (the list can only
 * shrink): fix the problem, then delete its key here. Severity first.
 */
export const OPEN_TODAY: Readonly<Record<string, string>> = {
  'launcher-sigusr1-before-its-handler':
    'low (was medium): a SIGUSR1 in node\'s first ~100 ms still opens a debugger on 127.0.0.1:9229 before any tki code runs; the launcher now finds it open, prints one BLOCKED line and exits 3 before reading or starting anything, so the debugger lives for that start-up only (node 20 has no --disable-sigusr1)',
  'node-options-inspect-reaches-the-launcher':
    'low: NODE_OPTIONS=--inspect from the operator opens a debugger before tki code runs; the launcher now refuses at once (one line, exit 3), but the port was listening for node\'s start-up',
};
