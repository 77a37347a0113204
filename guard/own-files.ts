import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './parallel/protocol.js';

/**
 * Where the guard's own files are, named from this module, which sits at the top of guard/. The
 * `tki-guard` bin runs a bundle of the guard (scripts/pack/bundle-guard.ts) whose files lie in that
 * same folder, so `import.meta.url` names the same place from either: a module of a subfolder
 * asking for its own URL would get the bundle's folder instead when bundled.
 */
const GUARD_DIRECTORY = dirname(fileURLToPath(import.meta.url));

/** The resolver's folder: the saved resolutions are keyed by its code (guard/resolve/saved.ts). */
export const RESOLVER_DIRECTORY = join(GUARD_DIRECTORY, 'resolve');

/** The search's folder: its kept cross-module results are keyed by its code (guard/search/cross-module-memo.ts). */
export const SEARCH_DIRECTORY = join(GUARD_DIRECTORY, 'search');

/** The analysis thread's entry (guard/parallel/worker.ts); the bundle leaves it a file of its own. */
export const WORKER_URL = new URL('./parallel/worker.js', import.meta.url);

/** One analysis thread (guard/parallel/pool.ts), started here where its file is named from a known place. */
export function startAnalysisThread(setup: WorkerSetup): Worker {
  return new Worker(WORKER_URL, { workerData: setup });
}
