/**
 * One SIGINT/SIGTERM handler for every temporary directory the launcher holds (the attestation's scratch
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
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
