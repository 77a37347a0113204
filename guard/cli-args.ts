import { fail, ok, type Outcome } from './errors.js';
import type { InputRequest } from './load/inputs.js';
import { REPORT_FORMATS, RULE_LEVELS, isReportFormat, type ReportFormat, type RuleLevel } from './report/index.js';

export type DiffFormat = 'text' | 'json' | 'markdown';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown'];

import type { BaselineMode } from './baseline/verdict.js';

export interface CliOptions {
  readonly command: 'analyze' | 'help' | 'version' | 'print-depcruise-rules' | 'diff';
  readonly input: InputRequest;
  readonly format: ReportFormat;
  readonly output: string | null;
  readonly deps: boolean;
  readonly cache: boolean;
  /** `--cache-location`, as given (the CLI resolves it against the working directory). */
  readonly cacheLocation: string | null;
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
}

export const USAGE = `Usage: tki-guard [paths…] [options]
       tki-guard diff [BASE] [paths…] [options]

Whole-program capability analysis: every module that reaches a capability its policy
(tki.policy.json) does not grant, with the import path that proves it. Without paths it
analyzes the tsconfig.json of the current directory. \`diff\` lists the capabilities gained and
lost since the git revision BASE (default: the merge base with the default branch), per module
and per package; paths after \`--\` keep the default BASE (\`tki-guard diff -- src\`).

Options:
  -p, --project FILE          analyze the files of this tsconfig
  -f, --format FORMAT         text (default), json or sarif (2.1.0); diff: text, json, markdown
  -o, --output FILE           write the report to FILE instead of stdout (a SARIF is written on exit 2 too)
      --level LEVEL           recommended (default) or strict: the rules of the plugin's config of that name
      --baseline FILE         known findings (default: tki-baseline.json in the project root, when present)
      --update-baseline       write the baseline file so that it accepts every current finding
      --prune-baseline        remove fixed findings from the baseline file, accept nothing new
      --no-baseline           ignore the baseline file
  -w, --watch                 analyze, then re-report after every change of a project file
  -j, --jobs N                threads that parse files (default 1: no worker thread)
      --deps                  also analyze the JavaScript that dependencies ship
      --cache-location DIR    where the content cache lives (default node_modules/.cache/tki)
      --no-cache              neither read nor write the cache
      --no-depcruise          skip the dependency-cruiser pass
      --fast                  syntactic detector only (default with a tsconfig: the type checker
                              classifies every reference by its declaration)
      --print-depcruise-rules print the dependency-cruiser rules the policy derives, as JSON
  -h, --help                  print this help and exit 0
  -v, --version               print the version and exit 0

Exit codes:
  0  no findings
  1  findings, or baseline entries to prune; diff: a capability gained that the policy does not allow
  2  usage or tool error (one line on stderr)
`;

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

const VALUED = new Set(['--project', '-p', '--format', '-f', '--output', '-o', '--jobs', '-j', '--level', '--baseline', '--cache-location']);

interface Values {
  project: string | null;
  format: string | null;
  output: string | null;
  jobs: number;
  level: RuleLevel;
  baseline: string | null;
  cacheLocation: string | null;
}

function takeValue(name: string, value: string, values: Values): Outcome<Values> {
  if (name === '--project' || name === '-p') values.project = value;
  else if (name === '--output' || name === '-o') values.output = value;
  else if (name === '--format' || name === '-f') values.format = value;
  else if (name === '--baseline') values.baseline = value;
  else if (name === '--cache-location') values.cacheLocation = value;
  else if (name === '--level') {
    if (!(RULE_LEVELS as readonly string[]).includes(value)) return fail({ code: 'usage/invalid_level', level: value, known: RULE_LEVELS });
    values.level = value as RuleLevel;
  } else {
    values.jobs = Number(value);
    if (!Number.isInteger(values.jobs) || values.jobs < 1) return fail({ code: 'usage/invalid_jobs', value });
  }
  return ok(values);
}

export function parseCliArgs(argv: readonly string[]): Outcome<CliOptions> {
  let command: CliOptions['command'] = argv[0] === 'diff' ? 'diff' : 'analyze';
  const values: Values = { project: null, format: null, output: null, jobs: 1, level: 'recommended', baseline: null, cacheLocation: null };
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
    if (flag !== undefined) {
      if (typeof flag === 'string') command = command === 'diff' && flag === 'print-depcruise-rules' ? command : flag;
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
  return finish(command, values, toggles, paths, afterSeparator);
}

function finish(command: CliOptions['command'], values: Values, toggles: Omit<CliOptions, 'command' | 'input' | 'format' | 'output' | 'jobs' | 'level' | 'baseline' | 'cacheLocation' | 'base' | 'diffFormat'>, positional: string[], afterSeparator: readonly string[]): Outcome<CliOptions> {
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
    base,
    ...toggles,
  });
}
