import { makeDirectories } from '../../policy/make-directories.js';
import { writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fail, ok, type Outcome } from '../errors.js';
import { composeVerdict } from '../report/verdict.js';
import type { RuleLevel } from '../report/rules.js';
import type { GuardVerdict } from '../report/types.js';
import type { SuppressionReader } from '../suppress/index.js';
import type { GuardResult } from '../types.js';
import { baselineFor, prunedBaseline } from './apply.js';
import { serializeBaseline, type BaselineEntry } from './format.js';
import { scopeBaseline } from './scope.js';
import { loadBaseline } from './load.js';

export type BaselineMode = 'use' | 'update' | 'prune' | 'off';

export interface BaselineRequest {
  /** Absolute path of the baseline file. */
  readonly file: string;
  /** Named with `--baseline` (then it must exist, unless it is being written). */
  readonly explicit: boolean;
  readonly mode: BaselineMode;
}

function write(file: string, entries: readonly BaselineEntry[]): Outcome<void> {
  try {
    makeDirectories(dirname(file));
    writeFileSync(file, serializeBaseline(entries));
    return ok(undefined);
  } catch (error) {
    return fail({ code: 'output/unwritable', file, detail: (error as Error).message });
  }
}

/**
 * A run's verdict with its baseline: read it, or (`update`) rewrite it to accept every current
 * finding — adopting tki on an existing codebase is that one command — or (`prune`) drop the
 * entries whose findings are gone without accepting anything new. Suppressed findings are
 * never written into a baseline: their comment already accepts them.
 */
export async function judgeWithBaseline(result: GuardResult, level: RuleLevel, request: BaselineRequest, reader?: SuppressionReader): Promise<Outcome<GuardVerdict>> {
  const compose = (baseline?: { file: string; entries: readonly BaselineEntry[] }): GuardVerdict =>
    composeVerdict(result, { level, ...(baseline === undefined ? {} : { baseline }), ...(reader === undefined ? {} : { reader }) });
  if (request.mode === 'off') return ok(compose());
  const loaded = await loadBaseline(request.file);
  if (!loaded.ok) return loaded;
  const shown = relative(result.root, request.file).replaceAll('\\', '/');
  if (request.mode === 'use') {
    if (loaded.value === null) return request.explicit ? fail({ code: 'baseline/missing', file: request.file }) : ok(compose());
    return ok(compose({ file: shown, entries: loaded.value }));
  }
  const current = compose().result.findings;
  // Only what this run judged is rewritten: entries of files it did not analyze, or of rules this level does not run, stay.
  const scoped = scopeBaseline(loaded.value ?? [], result, level);
  const entries = [...(request.mode === 'update' ? baselineFor(current) : prunedBaseline(current, scoped.judged)), ...scoped.untouched];
  const written = write(request.file, entries);
  if (!written.ok) return written;
  const verdict = compose({ file: shown, entries });
  return ok({ ...verdict, baseline: verdict.baseline === null ? null : { ...verdict.baseline, written: request.mode === 'update' ? 'updated' : 'pruned' } });
}
