import { join, resolve } from 'node:path';
import { STRICT_POLICY } from '../../policy/index.js';
import { unmatchedGlobs } from '../../policy/glob.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/format.js';
import { judgeWithBaseline } from '../baseline/verdict.js';
import type { CliOptions } from '../cli-args.js';
import { ok, type Outcome } from '../errors.js';
import { runGuard, type GuardRequest, type GuardRun } from '../run.js';
import type { SuppressionReader } from '../suppress/index.js';
import { REPORTERS } from './index.js';
import type { GuardVerdict, ReportOutput } from './types.js';

/** The request the CLI options make: at `--level strict` a project without a policy file gets the strict one, as `configs.strict` does. */
export function requestFor(options: CliOptions, cwd: string, onProgress?: (done: number, known: number) => void): GuardRequest {
  return {
    input: options.input,
    cwd,
    deps: options.deps,
    cache: options.cache,
    ...(options.cacheLocation === null ? {} : { cacheLocation: resolve(cwd, options.cacheLocation) }),
    ...(options.policyFile === null ? {} : { policyFile: resolve(cwd, options.policyFile) }),
    depcruise: options.depcruise,
    jobs: options.jobs,
    typed: options.typed,
    ...(options.level === 'strict' ? { defaultPolicy: STRICT_POLICY } : {}),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}

/** One stderr line when no policy file was found, so that a missing or misplaced policy is never silent. */
export function defaultsNotice(judged: JudgedRun, level: CliOptions['level']): string | null {
  if (judged.policyFile !== null) return null;
  return `tki-guard: no tki.policy.json found in ${judged.verdict.result.root} or above it (up to the repository root, or an enclosing policy ignores it); the ${level} defaults apply\n`;
}

/** A finished run → its verdict (level, suppressions, baseline) → the chosen report. */
/** A judged run: the report, its verdict, and the policy file it used (`null`: the level's defaults). */
export type JudgedRun = ReportOutput & { readonly verdict: GuardVerdict; readonly policyFile: string | null; readonly unmatched: readonly string[] };

/** One stderr line per policy glob that matched no analyzed file (policy/glob.ts unmatchedGlobs): a grant that grants nothing. */
function unmatchedLines(run: GuardRun): string[] {
  if (run.policyFile === null) return [];
  const files = run.result.modules.map((module) => module.file);
  return unmatchedGlobs(run.policy, files).map(({ where, glob }) => `tki-guard: ${run.policyFile ?? ''}: ${where} "${glob}" matches no file of this run (it grants nothing here)`);
}

export async function judgeFinishedRun(run: GuardRun, options: CliOptions, cwd: string, reader?: SuppressionReader): Promise<Outcome<JudgedRun>> {
  const file = options.baseline === null ? join(run.result.root, DEFAULT_BASELINE_FILE) : resolve(cwd, options.baseline);
  const verdict = await judgeWithBaseline(run.result, options.level, { file, explicit: options.baseline !== null, mode: options.baselineMode }, reader ?? run.suppressions);
  if (!verdict.ok) return verdict;
  return ok({ ...REPORTERS[options.format](verdict.value, { rootUri: run.rootUri }), verdict: verdict.value, policyFile: run.policyFile, unmatched: unmatchedLines(run) });
}

/** One whole CLI run, as data: the report text and its exit code, or the error (exit 2). */
export async function judgeRun(options: CliOptions, cwd: string, onProgress?: (done: number, known: number) => void, reader?: SuppressionReader): Promise<Outcome<JudgedRun>> {
  const run = await runGuard(requestFor(options, cwd, onProgress));
  if (!run.ok) return run;
  return judgeFinishedRun(run.value, options, cwd, reader);
}
