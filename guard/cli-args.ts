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
  readonly depcruise: boolean;
  readonly jobs: number;
  /** False for `--fast`: the syntactic detector only, no type checker. */
  readonly typed: boolean;
}

export const USAGE = `Usage: tki-guard [paths…] [--project tsconfig.json] [--format text|json|sarif] [--output file]
                 [--deps] [--no-cache] [--no-depcruise] [--jobs N] [--fast] [--print-depcruise-rules]

Whole-program capability analysis. Without paths it analyzes the tsconfig.json of the current
directory. Exit 0: clean; 1: findings; 2: usage or tool error.

  --project FILE            analyze the files of this tsconfig
  --format FORMAT           text (default), json (SPEC §9 shape) or sarif (2.1.0)
  --output FILE             write the report to FILE instead of stdout
  --deps                    also analyze the JavaScript that dependencies ship
  --no-cache                neither read nor write .tki-cache/
  --no-depcruise            skip the dependency-cruiser pass
  --jobs N                  threads that parse files (default 1: no worker thread)
  --fast                    syntactic detector only (default with a tsconfig: the type checker
                            classifies every reference by its declaration)
  --print-depcruise-rules   print the dependency-cruiser rules the policy derives, as JSON
`;

const FLAGS: Readonly<Record<string, Partial<Record<'deps' | 'cache' | 'depcruise' | 'typed', boolean>> | CliOptions['command']>> = {
  '--deps': { deps: true },
  '--fast': { typed: false },
  '--no-cache': { cache: false },
  '--no-depcruise': { depcruise: false },
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '--print-depcruise-rules': 'print-depcruise-rules',
};

export function parseCliArgs(argv: readonly string[]): Outcome<CliOptions> {
  let command: CliOptions['command'] = 'analyze';
  let project: string | null = null;
  let format: ReportFormat = 'text';
  let output: string | null = null;
  let jobs = 1;
  const toggles = { deps: false, cache: true, depcruise: true, typed: true };
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
    if (name === '--project' || name === '-p' || name === '--format' || name === '-f' || name === '--output' || name === '-o' || name === '--jobs' || name === '-j') {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined || value === '') return fail({ code: 'usage/missing_value', option: name });
      if (name === '--project' || name === '-p') project = value;
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
  return ok({ command, input, format, output, jobs, ...toggles });
}
