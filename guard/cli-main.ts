import { dirname, resolve } from 'node:path';
import { DIFF_USAGE, USAGE, parseCliArgs, type CliOptions } from './cli-args.js';
import { formatGuardError, type GuardError } from './errors.js';
import { createProgress } from './progress.js';
import { emit } from './report/emit.js';
import { withProjectFile } from './load/project-file.js';
import { GUARD_VERSION } from './version.js';

/** The CLI edge: arguments in, one report out, exit 0 clean / 1 findings / 2 usage or tool error. */

/** Where a SARIF goes when the run fails: the same place the report would have gone. */
interface SarifTarget {
  readonly output: string | null;
}

async function failWith(error: GuardError, sarif: SarifTarget | null = null): Promise<number> {
  const message = formatGuardError(error);
  process.stderr.write(`${message}\n`);
  if (sarif !== null) {
    // An upload step after a failed guard still finds a valid SARIF that says why (exit 2).
    const { sarifForToolError } = await import('./report/sarif.js');
    emit(sarifForToolError(error.code, message), sarif.output);
  }
  return 2;
}

async function analyze(options: CliOptions): Promise<number> {
  const sarif = options.format === 'sarif' ? { output: options.output } : null;
  if (options.command === 'print-depcruise-rules') {
    const { policyRulesFor } = await import('./depcruise/project-rules.js');
    const root = options.input.kind === 'project' ? dirname(resolve(options.input.tsconfig)) : process.cwd();
    const problem = emit(`${JSON.stringify(policyRulesFor(root), null, 2)}\n`, options.output);
    return problem === undefined ? 0 : failWith(problem);
  }
  if (options.command === 'diff') return (await import('./diff/command.js')).runDiffCommand(options, failWith);
  if (options.watch) return (await import('./watch/command.js')).runWatchCommand(options, failWith);
  // The analysis (and the TypeScript parser with it) loads only after the arguments are good.
  const { defaultsNotice, judgeRun } = await import('./report/judge.js');
  const progress = createProgress(process.stderr);
  const judged = await judgeRun(options, process.cwd(), progress?.update);
  progress?.clear();
  if (!judged.ok) return failWith(judged.error, sarif);
  const notice = defaultsNotice(judged.value, options.level);
  if (notice !== null) process.stderr.write(notice);
  for (const line of judged.value.unmatched) process.stderr.write(`${line}\n`);
  const problem = emit(judged.value.output, options.output);
  return problem === undefined ? judged.value.exitCode : failWith(problem, null);
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return failWith(parsed.error, sarifTargetOf(argv));
  if (parsed.value.command === 'help') {
    process.stdout.write(parsed.value.helpTopic === 'diff' ? DIFF_USAGE : USAGE);
    return 0;
  }
  if (parsed.value.command === 'version') {
    process.stdout.write(`${GUARD_VERSION}\n`);
    return 0;
  }
  return analyze({ ...parsed.value, input: withProjectFile(parsed.value.input, process.cwd()) });
}

/** For a usage error: a SARIF only when the words `--format sarif` and an output file are plainly there. */
function sarifTargetOf(argv: readonly string[]): SarifTarget | null {
  const valueOf = (...names: string[]): string | undefined => {
    for (let index = 0; index < argv.length; index += 1) {
      const argument = argv[index] as string;
      for (const name of names) {
        if (argument === name) return argv[index + 1];
        if (argument.startsWith(`${name}=`)) return argument.slice(name.length + 1);
      }
    }
    return undefined;
  };
  const output = valueOf('--output', '-o');
  return valueOf('--format', '-f') === 'sarif' && output !== undefined ? { output: resolve(output) } : null;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug in the guard is still one line and exit 2, never a stack trace in a CI log.
  process.stderr.write(`tki-guard: internal error: ${(error as Error).message.split('\n')[0] ?? 'unknown'}\n`);
  process.exitCode = 2;
}
