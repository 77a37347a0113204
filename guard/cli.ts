#!/usr/bin/env node
import './zod-jitless.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { USAGE, parseCliArgs, type CliOptions } from './cli-args.js';
import { formatGuardError, type GuardError } from './errors.js';
import { createProgress } from './progress.js';
import { REPORTERS } from './report/index.js';
import { GUARD_VERSION } from './version.js';

/** The CLI edge: arguments in, one report out, exit 0 clean / 1 findings / 2 usage or tool error. */
function failWith(error: GuardError): number {
  process.stderr.write(`${formatGuardError(error)}\n`);
  return 2;
}

function emit(text: string, output: string | null): GuardError | undefined {
  if (output === null) {
    process.stdout.write(text);
    return undefined;
  }
  try {
    mkdirSync(dirname(resolve(output)), { recursive: true });
    writeFileSync(output, text);
    return undefined;
  } catch (error) {
    return { code: 'output/unwritable', file: output, detail: (error as Error).message };
  }
}

async function analyze(options: CliOptions): Promise<number> {
  // The analysis (and the TypeScript parser with it) loads only after the arguments are good.
  const { runGuard } = await import('./run.js');
  const progress = createProgress(process.stderr);
  const request = {
    input: options.input,
    cwd: process.cwd(),
    deps: options.deps,
    cache: options.cache,
    ...(options.cacheLocation === null ? {} : { cacheLocation: resolve(options.cacheLocation) }),
    depcruise: options.depcruise,
    jobs: options.jobs,
    ...(progress === undefined ? {} : { onProgress: progress.update }),
  };
  if (options.command === 'print-depcruise-rules') {
    const { policyRulesFor } = await import('./depcruise/project-rules.js');
    const root = options.input.kind === 'project' ? dirname(resolve(options.input.tsconfig)) : process.cwd();
    const problem = emit(`${JSON.stringify(policyRulesFor(root), null, 2)}\n`, options.output);
    return problem === undefined ? 0 : failWith(problem);
  }
  const run = await runGuard(request);
  progress?.clear();
  if (!run.ok) return failWith(run.error);
  const report = REPORTERS[options.format](run.value.result, { rootUri: run.value.rootUri });
  const problem = emit(report.output, options.output);
  return problem === undefined ? report.exitCode : failWith(problem);
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return failWith(parsed.error);
  if (parsed.value.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.value.command === 'version') {
    process.stdout.write(`${GUARD_VERSION}\n`);
    return 0;
  }
  return analyze(parsed.value);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug in the guard is still one line and exit 2, never a stack trace in a CI log.
  process.stderr.write(`tki-guard: internal error: ${(error as Error).message.split('\n')[0] ?? 'unknown'}\n`);
  process.exitCode = 2;
}
