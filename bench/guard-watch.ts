import { appendFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import '../policy/zod-jitless.js';
import { parseCliArgs } from '../guard/index.js';
import { judgeRun } from '../guard/report/judge.js';
import { watchGuard, type WatchReport } from '../guard/watch/loop.js';
import type { BenchModule, BenchResult } from './types.js';
import { copyDateFns } from './corpus.js';
import { median } from './stats.js';

/**
 * `tki-guard --watch` on the date-fns corpus (bench/corpus.ts), syntactic (the files as paths)
 * and typed (its tsconfig: allowJs + checkJs): the time from saving one file to the new report
 * (the watcher's settle delay included: the run starts at the save and the report waits for the
 * quiet, guard/watch/loop.ts), against a cold run of the same analysis.
 * The cold run reads and writes no cache at all, so it is, if anything, cheaper than a first run
 * that fills one: the ratio is conservative. Rounds interleaved, medians.
 */
const ROUNDS = 5;
/** A typed cold run builds the whole program: fewer rounds. */
const TYPED_ROUNDS = 3;

/** One corpus, one mode: a cold run against the save-to-report time of a running `--watch`, rounds interleaved. */
async function measureMode(directory: string, files: readonly string[], mode: 'syntactic' | 'typed', rounds: number): Promise<BenchResult> {
  // Syntactic: the directory as paths; typed: its tsconfig (allowJs + checkJs), as CI runs it.
  const input = mode === 'typed' ? ['--project', 'tsconfig.json'] : ['.'];
  const options = (...extra: string[]) => {
    const parsed = parseCliArgs([...input, '--no-depcruise', ...extra]);
    if (!parsed.ok) throw new Error(`bench arguments: ${parsed.error.code}`);
    return parsed.value;
  };
  let wake: (report: WatchReport) => void = () => undefined;
  const nextReport = (): Promise<WatchReport> => new Promise((resolve) => (wake = resolve));
  let first = nextReport();
  const handle = watchGuard(options('--watch'), directory, directory, (report) => wake(report));
  const cold: number[] = [];
  const save: number[] = [];
  /** The run's own time (read, patch, search, report) inside save → report: the rest is the settle wait and the watcher. */
  const analysis: number[] = [];
  let parsedAfterSave = 0;
  const modes: string[] = [];
  try {
    const opened = await first;
    if (!opened.outcome.ok) throw new Error(`watch run failed: ${JSON.stringify(opened.outcome.error)}`);
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      const run = await judgeRun(options('--no-cache'), directory);
      if (!run.ok) throw new Error(`tki-guard failed on the corpus: ${JSON.stringify(run.error)}`);
      cold.push(performance.now() - started);
      first = nextReport();
      started = performance.now();
      appendFileSync(files[(round * 7) % files.length] as string, `\nexport const watchEdit${round} = ${round};\n`);
      const report = await first;
      save.push(performance.now() - started);
      analysis.push(report.milliseconds);
      if (!report.outcome.ok) throw new Error(`watch run failed: ${JSON.stringify(report.outcome.error)}`);
      parsedAfterSave = report.outcome.value.verdict.result.stats.parsed;
      modes.push(report.mode);
    }
  } finally {
    await handle.close();
  }
  const [coldMedian, saveMedian] = [median(cold), median(save)];
  return {
    name: `tki-guard --watch (${mode}): re-report after a save vs cold run`,
    ratio: saveMedian / coldMedian,
    target: 0.1,
    details: { files: files.length, cold_median_ms: Math.round(coldMedian), save_to_report_median_ms: Math.round(saveMedian), analysis_median_ms: Math.round(median(analysis) * 10) / 10, files_parsed_after_save: parsedAfterSave, save_modes: modes.join('/'), rounds },
  };
}

async function measure(): Promise<BenchResult[]> {
  const syntactic = copyDateFns('tki-bench-watch-', { locales: false });
  const typed = copyDateFns('tki-bench-watch-typed-', { locales: false });
  // The typed corpus is checked as a JavaScript project, with the committed bench tsconfig of date-fns.
  copyFileSync(path.resolve(import.meta.dirname, '../../bench/projects/date-fns/tsconfig.json'), path.join(typed.directory, 'tsconfig.json'));
  return [await measureMode(syntactic.directory, syntactic.files, 'syntactic', ROUNDS), await measureMode(typed.directory, typed.files, 'typed', TYPED_ROUNDS)];
}

export const bench: BenchModule = { title: 'tki-guard --watch (date-fns ESM sources, syntactic and typed)', run: measure };
