import { fail, ok, type Outcome } from './errors.js';
import type { InputRequest } from './load/inputs.js';
import { REPORT_FORMATS, isReportFormat, type ReportFormat } from './report/index.js';

export interface CliOptions {
  readonly command: 'analyze' | 'help' | 'version' | 'print-depcruise-rules';
  readonly input: InputRequest;
  readonly format: ReportFormat;
  readonly output: string | null;
  readonly deps: boolean;
  readonly cache: boolean;
  /** `--cache-location`, as given (the CLI resolves it against the working directory). */
  readonly cacheLocation: string | null;
  readonly depcruise: boolean;
  readonly jobs: number;
}

export const USAGE = `Usage: tki-guard [paths…] [options]

Whole-program capability analysis: every module that reaches a capability its policy
(tki.policy.json) does not grant, with the import path that proves it. Without paths it
analyzes the tsconfig.json of the current directory.

Options:
  -p, --project FILE          analyze the files of this tsconfig
  -f, --format FORMAT         text (default), json or sarif (2.1.0)
  -o, --output FILE           write the report to FILE instead of stdout
  -j, --jobs N                threads that parse files (default 1: no worker thread)
      --deps                  also analyze the JavaScript that dependencies ship
      --cache-location DIR    where the content cache lives (default node_modules/.cache/tki)
      --no-cache              neither read nor write the cache
      --no-depcruise          skip the dependency-cruiser pass
      --print-depcruise-rules print the dependency-cruiser rules the policy derives, as JSON
  -h, --help                  print this help and exit 0
  -v, --version               print the version and exit 0

Exit codes:
  0  no findings
  1  findings
  2  usage or tool error (one line on stderr)
`;

const FLAGS: Readonly<Record<string, Partial<Record<'deps' | 'cache' | 'depcruise', boolean>> | CliOptions['command']>> = {
  '--deps': { deps: true },
  '--no-cache': { cache: false },
  '--no-depcruise': { depcruise: false },
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
  '--print-depcruise-rules': 'print-depcruise-rules',
};

export function parseCliArgs(argv: readonly string[]): Outcome<CliOptions> {
  let command: CliOptions['command'] = 'analyze';
  let project: string | null = null;
  let format: ReportFormat = 'text';
  let output: string | null = null;
  let cacheLocation: string | null = null;
  let jobs = 1;
  const toggles = { deps: false, cache: true, depcruise: true };
  const paths: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const flag = FLAGS[name];
    if (flag !== undefined) {
      if (typeof flag === 'string') command = flag;
      else Object.assign(toggles, flag);
      continue;
    }
    if (name === '--project' || name === '-p' || name === '--format' || name === '-f' || name === '--output' || name === '-o' || name === '--jobs' || name === '-j' || name === '--cache-location') {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined || value === '') return fail({ code: 'usage/missing_value', option: name });
      if (name === '--project' || name === '-p') project = value;
      else if (name === '--cache-location') cacheLocation = value;
      else if (name === '--output' || name === '-o') output = value;
      else if (name === '--jobs' || name === '-j') {
        jobs = Number(value);
        if (!Number.isInteger(jobs) || jobs < 1) return fail({ code: 'usage/invalid_jobs', value });
      }
      else if (isReportFormat(value)) format = value;
      else return fail({ code: 'usage/invalid_format', format: value, known: REPORT_FORMATS });
      continue;
    }
    if (argument.startsWith('-')) return fail({ code: 'usage/unknown_option', option: argument });
    paths.push(argument);
  }
  const input: InputRequest = paths.length > 0 ? { kind: 'paths', paths } : { kind: 'project', tsconfig: project ?? 'tsconfig.json' };
  return ok({ command, input, format, output, jobs, cacheLocation, ...toggles });
}
