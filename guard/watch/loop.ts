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
 * `--watch`: one run, then a re-run after every burst of saves. The session (session.ts) keeps
 * the graph and the facts in memory, so a saved source file is the only one read, parsed and
 * resolved again; the verdict and the report are the plain run's (judgeFinishedRun). Saves
 * that arrive during a run are gathered into the next one; a burst (an editor's write-rename, a
 * formatter) is one run after `settleMs` of quiet.
 */
export function watchGuard(options: CliOptions, cwd: string, root: string, onReport: (report: WatchReport) => void, settleMs = 40): WatchHandle {
  const pending = new Set<string>();
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const session = createWatchSession(requestFor(options, cwd), options.baseline === null ? null : resolve(cwd, options.baseline));
  const suppressions = createRememberingReader();
  const runOnce = async (changed: readonly string[]): Promise<void> => {
    const started = performance.now();
    const saved = changed.map((file) => join(root, file));
    suppressions.forget(saved);
    const run = await session.run(saved);
    const outcome = run.ok ? judgeFinishedRun(run.value, options, cwd, readerSkipping(run.value.graph.unmarked, suppressions.read)) : run;
    if (!closed) onReport({ changed, outcome, milliseconds: performance.now() - started, mode: session.lastMode() });
  };
  const drain = (): void => {
    if (running !== null || closed || pending.size === 0) return;
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
    clearTimeout(timer);
    timer = setTimeout(drain, settleMs);
  });
  running = runOnce([]).finally(() => {
    running = null;
    drain();
  });
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
