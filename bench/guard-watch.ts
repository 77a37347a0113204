import { appendFileSync } from 'node:fs';
import '../guard/zod-jitless.js';
import { parseCliArgs } from '../guard/index.js';
import { judgeRun } from '../guard/report/judge.js';
import { watchGuard, type WatchReport } from '../guard/watch/loop.js';
import type { BenchModule, BenchResult } from './types.js';
import { copyDateFns } from './corpus.js';
import { median } from './stats.js';

/**
 * `tki-guard --watch` on the date-fns corpus (bench/corpus.ts): the time from saving one file to
 * the new report (the watcher's settle delay included), against a cold run of the same analysis.
 * The cold run reads and writes no cache at all, so it is, if anything, cheaper than a first run
 * that fills one: the ratio is conservative. Rounds interleaved, medians.
 */
const ROUNDS = 5;

async function measure(): Promise<BenchResult[]> {
  const { directory, files } = copyDateFns('tki-bench-watch-', { locales: false });
  const options = (...extra: string[]) => {
    const parsed = parseCliArgs(['.', '--no-depcruise', ...extra]);
    if (!parsed.ok) throw new Error(`bench arguments: ${parsed.error.code}`);
    return parsed.value;
  };
  let wake: (report: WatchReport) => void = () => undefined;
  const nextReport = (): Promise<WatchReport> => new Promise((resolve) => (wake = resolve));
  let first = nextReport();
  const handle = watchGuard(options('--watch'), directory, directory, (report) => wake(report));
  const cold: number[] = [];
  const save: number[] = [];
  let parsedAfterSave = 0;
  const modes: string[] = [];
  try {
    await first;
    for (let round = 0; round < ROUNDS; round += 1) {
      let started = performance.now();
      const run = await judgeRun(options('--no-cache'), directory);
      if (!run.ok) throw new Error(`tki-guard failed on the corpus: ${JSON.stringify(run.error)}`);
      cold.push(performance.now() - started);
      first = nextReport();
      started = performance.now();
      appendFileSync(files[round % files.length] as string, `\nexport const watchEdit${round} = ${round};\n`);
      const report = await first;
      save.push(performance.now() - started);
      if (!report.outcome.ok) throw new Error(`watch run failed: ${JSON.stringify(report.outcome.error)}`);
      parsedAfterSave = report.outcome.value.verdict.result.stats.parsed;
      modes.push(report.mode);
    }
  } finally {
    await handle.close();
  }
  const [coldMedian, saveMedian] = [median(cold), median(save)];
  return [
    {
      name: 'tki-guard --watch: re-report after a save vs cold run',
      ratio: saveMedian / coldMedian,
      target: 0.1,
      details: { files: files.length, cold_median_ms: Math.round(coldMedian), save_to_report_median_ms: Math.round(saveMedian), files_parsed_after_save: parsedAfterSave, save_modes: modes.join('/'), rounds: ROUNDS },
    },
  ];
}

export const bench: BenchModule = { title: 'tki-guard --watch (date-fns ESM sources)', run: measure };
