import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PolicyConfig } from '../../policy/index.js';
import type { JsxSettings } from '../../analysis/syntax/index.js';
import type { Outcome } from '../errors.js';
import { analyzeText } from '../facts/analyze-text.js';
import type { Detector } from '../facts/analyze.js';
import { startAnalysisThread, WORKER_URL } from '../own-files.js';
import type { ModuleFacts } from '../types.js';
import type { ChunkMessage, Job, ResultMessage } from './protocol.js';

/** Below this many files a worker's start-up (loading TypeScript) costs more than it saves. */
const MINIMUM_FILES = 300;
const CHUNK_SIZE = 40;

/** Workers run the built JavaScript; from TypeScript sources (tests) the analysis stays in-thread. */
function workerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Analyze many files on `jobs` threads (this one included): chunks are handed out on demand so a
 * worker that starts late simply takes fewer. Results are keyed by file, so the graph that
 * consumes them stays in its own deterministic order.
 */
export async function analyzeAll(files: readonly Job[], policy: PolicyConfig, detect: Detector, jobs: number, jsx?: JsxSettings): Promise<Map<string, Outcome<ModuleFacts>>> {
  const results = new Map<string, Outcome<ModuleFacts>>();
  const chunks: Job[][] = [];
  for (let index = 0; index < files.length; index += CHUNK_SIZE) chunks.push(files.slice(index, index + CHUNK_SIZE));
  const workerCount = jobs > 1 && files.length >= MINIMUM_FILES && workerAvailable() ? jobs - 1 : 0;

  const workersDone = Array.from({ length: workerCount }, () => {
    const worker = startAnalysisThread({ policy, ...(jsx === undefined ? {} : { jsx }) });
    return new Promise<void>((resolve, reject) => {
      const feed = (): void => worker.postMessage((chunks.shift() ?? null) satisfies ChunkMessage);
      worker.on('message', (message: ResultMessage) => {
        for (const [file, outcome] of message) results.set(file, outcome);
        feed();
      });
      worker.once('error', reject);
      worker.once('exit', () => resolve());
      feed();
    });
  });

  for (let chunk = chunks.shift(); chunk !== undefined; chunk = chunks.shift()) {
    for (const job of chunk) results.set(job.file, analyzeText(job.file, job.relative, job.text, policy, detect, jsx));
    // Let worker messages in between chunks, so they are fed while this thread works too.
    if (workerCount > 0) await nextTurn();
  }
  await Promise.all(workersDone);
  return results;
}
