import { watch, type FSWatcher } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CliOptions } from '../cli-args.js';
import type { Outcome } from '../errors.js';
import { judgeFinishedRun, requestFor, type JudgedRun } from '../report/judge.js';
import { SOURCE_EXTENSIONS } from '../load/inputs.js';
import { createRememberingReader, readerSkipping } from '../suppress/index.js';
import { createWatchSession } from './session.js';

/** One re-report: what changed, the report, and how long the re-analysis took. */
export interface WatchReport {
  /** Project-relative paths that changed since the last report (empty for the first one). */
  readonly changed: readonly string[];
  readonly outcome: Outcome<JudgedRun>;
  readonly milliseconds: number;
  /** `patched`: the saved files were spliced into the kept graph; `full`: the plain warm run; `verdict`: only the report. */
  readonly mode: 'full' | 'patched' | 'verdict';
}

export interface WatchHandle {
  /** Stops watching; the promise settles when a run in progress has finished. */
  readonly close: () => Promise<void>;
}

const IGNORED = /(^|\/)(node_modules|\.git|\.tki-cache)(\/|$)/;
const CONFIG_FILES = new Set(['tki.policy.json', 'package.json', '.dependency-cruiser.cjs', 'tki-baseline.json']);

/** Files whose change can change the verdict: sources, tsconfigs, the policy, manifests, the baseline. */
export function isWatched(relative: string): boolean {
  if (IGNORED.test(relative)) return false;
  const name = basename(relative);
  return SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension)) || CONFIG_FILES.has(name) || /^tsconfig.*\.json$/.test(name);
}

/**
 * How long no save must arrive before a burst's report is shown. An editor's save (a write, or a
 * temporary file renamed over the original) is a few system calls in a row, well inside this; a
 * later save overtakes the report and is reported on its own. The run overlaps the wait, so the
 * delay costs a save only what it adds beyond the run itself (about 16 ms on the benchmark's
 * 703 files): 40 ms until session 8, which was most of a quiet save → report (53 ms).
 */
export const WATCH_SETTLE_MS = 20;

/**
 * `--watch`: one run, then a new report after every burst of saves. The session (session.ts) keeps
 * the graph and the facts in memory, so a saved source file is the only one read, parsed and
 * resolved again; the verdict and the report are the plain run's (judgeFinishedRun).
 *
 * A burst (an editor's write-rename, a formatter) gets one report, shown once `settleMs` passed
 * with no save. The run itself starts at the first save instead of after the quiet: its work
 * overlaps the wait, so a save is reported `settleMs` after it (or when the run ends, if later),
 * not `settleMs` plus the run. A report is shown only from a run that started after the burst's
 * last save (it read every file as last written); a run that a newer save overtook is followed by
 * another with the saves gathered meanwhile, and the report names every file changed since the
 * last one shown. The cache is written just after the report is shown (session.persist), off the save's path.
 */
export function watchGuard(options: CliOptions, cwd: string, root: string, onReport: (report: WatchReport) => void, settleMs = WATCH_SETTLE_MS): WatchHandle {
  /** Saves no run has read yet. */
  const pending = new Set<string>();
  /** Saves read by runs since the last report shown. */
  const unreported = new Set<string>();
  let running: Promise<void> | null = null;
  /** The report of a run that no save has overtaken, waiting for the quiet. */
  let ready: WatchReport | null = null;
  let quiet = true;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let persisting: NodeJS.Immediate | null = null;
  let starting: NodeJS.Immediate | null = null;

  const session = createWatchSession(requestFor(options, cwd), options.baseline === null ? null : resolve(cwd, options.baseline));
  const suppressions = createRememberingReader();
  const runOnce = async (changed: readonly string[]): Promise<void> => {
    const started = performance.now();
    for (const file of changed) unreported.add(file);
    const saved = changed.map((file) => join(root, file));
    suppressions.forget(saved);
    const run = await session.run(saved);
    const outcome = run.ok ? await judgeFinishedRun(run.value, options, cwd, readerSkipping(run.value.graph.unmarked, suppressions.read)) : run;
    // A save that arrived meanwhile may not have been read by this run: the next run reports.
    if (pending.size === 0) ready = { changed: [...unreported].sort(), outcome, milliseconds: performance.now() - started, mode: session.lastMode() };
  };
  const persist = (): void => {
    persisting = null;
    session.persist();
  };
  const show = (): void => {
    if (ready === null || !quiet || closed) return;
    const report = ready;
    ready = null;
    unreported.clear();
    onReport(report);
    // After the report is out (the next turn of the event loop), never before it.
    persisting ??= setImmediate(persist);
  };
  const drain = (): void => {
    if (running !== null || closed) return;
    if (pending.size === 0) return show();
    const changed = [...pending].sort();
    pending.clear();
    running = runOnce(changed).finally(() => {
      running = null;
      drain();
    });
  };
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, name) => {
    const relative = name === null ? '' : name.toString().replaceAll('\\', '/');
    if (relative === '' || !isWatched(relative)) return;
    pending.add(relative);
    ready = null;
    quiet = false;
    clearTimeout(timer);
    timer = setTimeout(() => {
      quiet = true;
      drain();
    }, settleMs);
    // Started once this batch of file-system events is delivered (the run itself is synchronous
    // work): the other events of one save (a rename's two names) join it instead of overtaking it.
    starting ??= setImmediate(() => {
      starting = null;
      drain();
    });
  });
  running = runOnce([]).finally(() => {
    running = null;
    drain();
  });
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      if (starting !== null) clearImmediate(starting);
      watcher.close();
      await running;
      if (persisting !== null) {
        clearImmediate(persisting);
        persist();
      }
    },
  };
}
