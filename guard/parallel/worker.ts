import { parentPort, workerData } from 'node:worker_threads';
import { analyzeSourceFile } from '../../analysis/syntax/index.js';
import { analyzeText } from '../facts/analyze-text.js';
import type { ChunkMessage, ResultMessage, WorkerSetup } from './protocol.js';

/** A worker analyzes the chunks the pool sends until it is sent `null`. */
const { policy, jsx } = workerData as WorkerSetup;

parentPort?.on('message', (chunk: ChunkMessage) => {
  if (chunk === null) {
    parentPort?.close();
    return;
  }
  const results: ResultMessage = chunk.map((job) => [job.file, analyzeText(job.file, job.relative, job.text, policy, analyzeSourceFile, jsx)] as const);
  parentPort?.postMessage(results);
});
