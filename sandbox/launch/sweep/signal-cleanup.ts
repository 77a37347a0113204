/**
 * The signals whose default action ends the launcher: a closed terminal (SIGHUP), a quit key
 * (SIGQUIT) and the timer and user signals must clean up and exit 3 like Ctrl-C (red team round 9:
 * they left the work directory). SIGUSR1 is ignored (cli/fail-closed.ts); SIGKILL cannot be caught
 * (the next start's sweep removes what it leaves).
 */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGVTALRM', 'SIGPROF'] as const;

/**
 * One handler of the ending signals for every temporary directory the launcher holds (the attestation's scratch
 * and the engine's work directory can be alive together): each registered clean-up runs, then the
 * process exits 3 (a run cut short never succeeds). Separate `once` handlers would stop at the first
 * one's exit and leave the others' directories behind.
 */
const cleanups = new Set<() => void>();

function onSignal(): void {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // the next start's sweep removes what is left
    }
  }
  process.exit(3);
}

/** Registers `cleanup` until the returned function is called. */
export function cleanUpOnSignal(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
  }
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
  };
}
