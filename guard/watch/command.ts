import { dirname, resolve } from 'node:path';
import type { CliOptions } from '../cli-args.js';
import { formatGuardError, type GuardError } from '../errors.js';
import { locateProjectRoot } from '../load/policy-file.js';
import { policySearchStart } from '../load/policy.js';
import { watchGuard, type WatchReport } from './loop.js';

/** The directory a run is anchored to, as runGuard anchors it: the policy's, else the tsconfig's, else the working directory. */
function rootOf(options: CliOptions, cwd: string): string {
  const named = options.policyFile === null ? undefined : resolve(cwd, options.policyFile);
  return locateProjectRoot(options.input.kind === 'project' ? dirname(resolve(cwd, options.input.tsconfig)) : cwd, policySearchStart(options.input, cwd), named);
}

function print(report: WatchReport): void {
  if (report.changed.length > 0) {
    const shown = report.changed.length > 3 ? `${report.changed.slice(0, 3).join(', ')} and ${report.changed.length - 3} more` : report.changed.join(', ');
    process.stdout.write(`\n── ${new Date().toISOString().slice(11, 19)}  ${shown} changed ──\n`);
  }
  if (report.outcome.ok) process.stdout.write(report.outcome.value.output);
  // A tool error (a half-saved file that does not parse) is shown and watching goes on.
  else process.stdout.write(`${formatGuardError(report.outcome.error)}\n`);
  process.stderr.write(`tki-guard --watch: analyzed in ${Math.round(report.milliseconds)} ms; watching for changes (Ctrl-C to stop)\n`);
}

/** `--watch` until SIGINT/SIGTERM; the exit code is the last report's (2 if it was a tool error). */
export async function runWatchCommand(options: CliOptions, _failWith: (error: GuardError) => Promise<number>): Promise<number> {
  const cwd = process.cwd();
  let last = 0;
  const handle = watchGuard(options, cwd, rootOf(options, cwd), (report) => {
    last = report.outcome.ok ? report.outcome.value.exitCode : 2;
    print(report);
  });
  await new Promise<void>((settle) => {
    process.once('SIGINT', () => settle());
    process.once('SIGTERM', () => settle());
  });
  await handle.close();
  return last;
}
