import type { BaselineMode } from './baseline/verdict.js';
import { fail, ok, type Outcome } from './errors.js';
import type { InputRequest } from './load/inputs.js';
import { REPORT_FORMATS, RULE_LEVELS, isReportFormat, type ReportFormat, type RuleLevel } from './report/index.js';
import { DIFF_USAGE, USAGE } from './cli-usage.js';

export { DIFF_USAGE, USAGE };

export type DiffFormat = 'text' | 'json' | 'markdown';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown'];

/** What `--help` prints: the whole CLI, or one subcommand (`tki-guard diff --help`, `tki-guard help diff`). */
export type HelpTopic = 'guard' | 'diff';
const HELP_TOPICS: Readonly<Record<string, HelpTopic>> = { diff: 'diff' };

export interface CliOptions {
  readonly command: 'analyze' | 'help' | 'version' | 'print-depcruise-rules' | 'diff';
  readonly input: InputRequest;
  readonly format: ReportFormat;
  readonly output: string | null;
  readonly deps: boolean;
  readonly cache: boolean;
  /** `--cache-location`, as given (the CLI resolves it against the working directory). */
  readonly cacheLocation: string | null;
  /** `--policy`, as given: the policy file to use instead of searching for one. */
  readonly policyFile: string | null;
  readonly depcruise: boolean;
  readonly jobs: number;
  /** False for `--fast`: the syntactic detector only, no type checker. */
  readonly typed: boolean;
  readonly level: RuleLevel;
  /** `null`: the default `tki-baseline.json` in the project root, used when it exists. */
  readonly baseline: string | null;
  readonly baselineMode: BaselineMode;
  readonly watch: boolean;
  /** `diff`: the git revision to compare with (`null`: the merge base with the default branch). */
  readonly base: string | null;
  readonly diffFormat: DiffFormat;
  /** `help`: which usage to print. */
  readonly helpTopic: HelpTopic;
}

type Toggle = Partial<Record<'deps' | 'cache' | 'depcruise' | 'watch' | 'typed', boolean>> | { baselineMode: BaselineMode };

const FLAGS: Readonly<Record<string, Toggle | CliOptions['command']>> = {
  '--deps': { deps: true },
  '--fast': { typed: false },
  '--no-cache': { cache: false },
  '--no-depcruise': { depcruise: false },
  '--watch': { watch: true },
  '-w': { watch: true },
  '--update-baseline': { baselineMode: 'update' },
  '--prune-baseline': { baselineMode: 'prune' },
  '--no-baseline': { baselineMode: 'off' },
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
  '--print-depcruise-rules': 'print-depcruise-rules',
};

const VALUED = new Set(['--project', '-p', '--format', '-f', '--output', '-o', '--jobs', '-j', '--level', '--baseline', '--cache-location', '--policy']);

interface Values {
  project: string | null;
  format: string | null;
  output: string | null;
  jobs: number;
  level: RuleLevel;
  baseline: string | null;
  cacheLocation: string | null;
  policyFile: string | null;
}

function takeValue(name: string, value: string, values: Values): Outcome<Values> {
  if (name === '--project' || name === '-p') values.project = value;
  else if (name === '--output' || name === '-o') values.output = value;
  else if (name === '--format' || name === '-f') values.format = value;
  else if (name === '--baseline') values.baseline = value;
  else if (name === '--cache-location') values.cacheLocation = value;
  else if (name === '--policy') values.policyFile = value;
  else if (name === '--level') {
    if (!(RULE_LEVELS as readonly string[]).includes(value)) return fail({ code: 'usage/invalid_level', level: value, known: RULE_LEVELS });
    values.level = value as RuleLevel;
  } else {
    values.jobs = Number(value);
    if (!Number.isInteger(values.jobs) || values.jobs < 1) return fail({ code: 'usage/invalid_jobs', value });
  }
  return ok(values);
}

/** Options of a plain run that mean nothing to `diff` (it reads no baseline and does not watch): refused, never silently dropped. */
const NOT_FOR_DIFF = new Set(['--watch', '-w', '--baseline', '--update-baseline', '--prune-baseline', '--no-baseline', '--print-depcruise-rules']);

/** The baseline options that contradict each other (the last one would silently win). */
function baselineConflict(given: readonly string[]): Outcome<void> {
  const distinct = [...new Set(given)];
  const [first, second] = distinct.filter((name) => name !== '--baseline');
  if (second !== undefined) return fail({ code: 'usage/conflict', detail: `${first} and ${second} contradict each other; use one` });
  if (first === '--no-baseline' && distinct.includes('--baseline')) return fail({ code: 'usage/conflict', detail: '--baseline names a baseline file and --no-baseline ignores it; use one' });
  return ok(undefined);
}

/** `tki-guard help [diff]`, as git's `help`: the first word, never a path (name a directory `./help`). */
function parseHelpCommand(argv: readonly string[]): Outcome<CliOptions> | undefined {
  if (argv[0] !== 'help') return undefined;
  const topic = argv[1] === undefined ? 'guard' : HELP_TOPICS[argv[1]];
  if (topic === undefined || argv.length > 2) return fail({ code: 'usage/unknown_help_topic', topic: argv.slice(1).join(' ') });
  const parsed = parseCliArgs([]);
  return parsed.ok ? ok({ ...parsed.value, command: 'help', helpTopic: topic }) : parsed;
}

export function parseCliArgs(argv: readonly string[]): Outcome<CliOptions> {
  const help = parseHelpCommand(argv);
  if (help !== undefined) return help;
  let command: CliOptions['command'] = argv[0] === 'diff' ? 'diff' : 'analyze';
  const helpTopic: HelpTopic = command === 'diff' ? 'diff' : 'guard';
  // `--help` and `--version` win over everything else on the line (before `--`), as in most CLIs and in `tki`.
  const first = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length).map((argument) => FLAGS[argument]).find((flag) => flag === 'help' || flag === 'version');
  if (first === 'help' || first === 'version') return finishHelp(first, helpTopic);
  const baselineOptions: string[] = [];
  const values: Values = { project: null, format: null, output: null, jobs: 1, level: 'recommended', baseline: null, cacheLocation: null, policyFile: null };
  const toggles = { deps: false, cache: true, depcruise: true, watch: false, typed: true, baselineMode: 'use' as BaselineMode };
  const paths: string[] = [];
  /** After `--` every argument is a path (`diff -- src`: the default BASE, the files under src/). */
  const afterSeparator: string[] = [];
  for (let index = command === 'diff' ? 1 : 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--') {
      afterSeparator.push(...argv.slice(index + 1));
      break;
    }
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const flag = FLAGS[name];
    if (command === 'diff' && NOT_FOR_DIFF.has(name)) return fail({ code: 'usage/conflict', detail: `${name} does not apply to diff (see tki-guard diff --help)` });
    if (name.includes('baseline')) baselineOptions.push(name);
    if (flag !== undefined) {
      if (typeof flag === 'string') command = flag;
      else Object.assign(toggles, flag);
      continue;
    }
    if (VALUED.has(name)) {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined || value === '') return fail({ code: 'usage/missing_value', option: name });
      const taken = takeValue(name, value, values);
      if (!taken.ok) return taken;
      continue;
    }
    if (argument.startsWith('-')) return fail({ code: 'usage/unknown_option', option: argument });
    paths.push(argument);
  }
  const conflict = baselineConflict(baselineOptions);
  if (!conflict.ok) return conflict;
  return finish(command, values, toggles, paths, afterSeparator, helpTopic);
}

/** The options of a `--help` or `--version` line: nothing else on it is read. */
function finishHelp(command: 'help' | 'version', helpTopic: HelpTopic): Outcome<CliOptions> {
  const parsed = finish('analyze', { project: null, format: null, output: null, jobs: 1, level: 'recommended', baseline: null, cacheLocation: null, policyFile: null }, { deps: false, cache: true, depcruise: true, watch: false, typed: true, baselineMode: 'use' }, [], [], helpTopic);
  return parsed.ok ? ok({ ...parsed.value, command }) : parsed;
}

function finish(command: CliOptions['command'], values: Values, toggles: Omit<CliOptions, 'command' | 'input' | 'format' | 'output' | 'jobs' | 'level' | 'baseline' | 'cacheLocation' | 'policyFile' | 'base' | 'diffFormat' | 'helpTopic'>, positional: string[], afterSeparator: readonly string[], helpTopic: HelpTopic): Outcome<CliOptions> {
  // `diff [BASE] [paths…]`: the first argument before `--` is the revision, as in git.
  const base = command === 'diff' ? (positional.shift() ?? null) : null;
  const paths = [...positional, ...afterSeparator];
  const known = command === 'diff' ? DIFF_FORMATS : REPORT_FORMATS;
  const format = values.format ?? 'text';
  if (!(known as readonly string[]).includes(format)) return fail({ code: 'usage/invalid_format', format, known });
  if (toggles.watch && values.output !== null) return fail({ code: 'usage/conflict', detail: '--watch reports to the terminal; it cannot be combined with --output' });
  if (toggles.watch && (toggles.baselineMode === 'update' || toggles.baselineMode === 'prune')) return fail({ code: 'usage/conflict', detail: '--watch reads the baseline; write it with a plain run first' });
  const input: InputRequest = paths.length > 0 ? { kind: 'paths', paths } : { kind: 'project', tsconfig: values.project ?? 'tsconfig.json' };
  return ok({
    command,
    input,
    format: isReportFormat(format) ? format : 'text',
    diffFormat: (DIFF_FORMATS as readonly string[]).includes(format) ? (format as DiffFormat) : 'text',
    output: values.output,
    jobs: values.jobs,
    level: values.level,
    baseline: values.baseline,
    cacheLocation: values.cacheLocation,
    policyFile: values.policyFile,
    base,
    helpTopic,
    ...toggles,
  });
}
