import type { PolicyConfig } from '../../policy/index.js';
import type { JsxSettings } from '../../analysis/syntax/index.js';
import type { Outcome } from '../errors.js';
import type { ModuleFacts } from '../types.js';

/** Messages between the pool and its workers: plain data (ModuleFacts is JSON by design). */
export interface Job {
  readonly file: string;
  readonly relative: string;
  readonly text: string;
}

export interface WorkerSetup {
  readonly policy: PolicyConfig;
  /** The tsconfig's JSX factories (AnalyzeOptions.jsx). */
  readonly jsx?: JsxSettings;
}

/** Pool → worker: a chunk to analyze, or `null` to stop. */
export type ChunkMessage = readonly Job[] | null;

/** Worker → pool: the results of one chunk, keyed by absolute file. */
export type ResultMessage = ReadonlyArray<readonly [string, Outcome<ModuleFacts>]>;
