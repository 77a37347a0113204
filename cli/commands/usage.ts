import { PROBE_IDS } from '../../sandbox/probes/types.js';

/** Usage lines, shared by the registry (no command module loaded) and the commands' own errors (one line each). */
export const USAGE = {
  run: 'tki run <packet> --out <dir> [--engine bwrap|podman|docker] [--name n] [--timeout s] [--memory MiB] [--cpu s] [--processes n] [--verbose]',
  inspect: 'tki inspect --in <dir> [--report-fd n] [--name n]',
  attest: 'tki attest --out <dir> [--engine bwrap|podman|docker]',
  'rebuild-snapshot': 'tki rebuild-snapshot',
} as const;

/**
 * What bare `tki` prints (stderr, exit 3): each command's usage on lines of at most 100
 * characters, an option group never split, and where the full help is.
 */
export const USAGE_SUMMARY = `Usage:
${Object.values(USAGE)
  .map((line) => wrapUsage('  ', line))
  .join('\n')}

Run \`tki --help\` for the commands and exit codes, \`tki <command> --help\` for a command's options.
`;

/** `prefix` + a usage line, wrapped at 100 columns between option groups, continuation lines under the first option. */
function wrapUsage(prefix: string, line: string, width = 100): string {
  const words = line.match(/\[[^\]]*\]|\S+/g) ?? [];
  const indent = ' '.repeat(`${prefix}${words.slice(0, 2).join(' ')} `.length);
  const lines: string[] = [];
  let current = `${prefix}${words[0] ?? ''}`;
  for (const word of words.slice(1)) {
    if (current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent + word;
    } else current = `${current} ${word}`;
  }
  lines.push(current);
  return lines.join('\n');
}

/** The pointer an error line ends with, instead of a usage line: `run 'tki run --help' for usage`. */
export function usageHint(command?: string): string {
  return `run 'tki ${command === undefined ? '' : `${command} `}--help' for usage`;
}

/** The published version; a test keeps it equal to package.json's. */
export const TKI_VERSION = '0.1.0';

/**
 * `--help` and `--version` print to stdout and still end with 3: tki exits 0 on no path at all,
 * and 3 is the code of every run that reached no verdict.
 */
export const INFORMATION_EXIT_CODE = 3;

const EXIT_CODES = `Exit codes (never 0):
  1  READ_LEVEL_FAIL   the packet has a read-level defect
  2  UNVERIFIED        nothing is proven either way (also: attest, every probe as expected)
  3  BLOCKED           the packet or the sandbox refused, any error, and --help/--version`;

const COMMON = `  -h, --help                    print this help (exit 3)
  -v, --version                 print the version (exit 3)`;

export const HELP: Readonly<Record<'tki' | keyof typeof USAGE, string>> = {
  tki: `Usage: tki <command> [options]

The tki inspector: reads an evidence packet inside a deny-by-default sandbox and writes a
non-gating report. Linux x64 only.

Commands:
  run <packet> --out <dir>   inspect a packet (a directory or a .json file) inside the sandbox
  attest --out <dir>         run the sandbox attestation probes, write attestation-evidence.json
  inspect --in <dir>         the inspector itself; runs only inside the sandbox (run starts it)
  rebuild-snapshot           build the inspector's start-up snapshot again (after a node upgrade)

Options:
${COMMON}

Run \`tki <command> --help\` for a command's options.

${EXIT_CODES}
`,
  run: `${wrapUsage('Usage: ', USAGE.run)}

Inspects <packet> (a packet directory or a single .json file) inside the sandbox and writes
report.json, report.md and checkpoint-<name>.md to --out. Prints the verdict line and the
report paths.

Options:
  --out DIR                     where the reports go
  --engine bwrap|podman|docker  the sandbox engine (default bwrap)
  --name NAME                   the checkpoint name (default: inspection)
  --timeout SECONDS             wall-clock ceiling of the sandboxed run
  --memory MIB                  the inspector's heap ceiling; its data segment may use 1 GiB more
  --cpu SECONDS                 CPU-time ceiling (SIGXCPU, then SIGKILL 10 s later)
  --processes N                 ceiling on the sandbox user's processes and threads
                                (each a positive whole number; default: the sandbox profile's)
  --verbose                     say on stderr how the inspector starts: from its start-up
                                snapshot, or from the plain bundle and why
${COMMON}

${EXIT_CODES}
`,
  inspect: `${wrapUsage('Usage: ', USAGE.inspect)}

The inspector inside the sandbox: \`tki run\` starts it. Run anywhere else, it refuses after
its self-check (exit 3) without reading anything.

Options:
  --in DIR                      the packet, as mounted in the sandbox
  --report-fd N                 where the report frames go (1, or 3 and up; default 3)
  --name NAME                   the checkpoint name
${COMMON}

${EXIT_CODES}
`,
  attest: `${wrapUsage('Usage: ', USAGE.attest)}

Runs the ${PROBE_IDS.length} attestation probes inside the sandbox and writes attestation-evidence.json and
attestation-evidence.md to --out.

Options:
  --out DIR                     where the evidence goes
  --engine bwrap|podman|docker  the sandbox engine (default bwrap)
${COMMON}

Exit codes (never 0):
  1  at least one probe did not behave as expected
  2  every probe behaved as expected
  3  no evidence (the sandbox could not start, any error), and --help/--version
`,
  'rebuild-snapshot': `${wrapUsage('Usage: ', USAGE['rebuild-snapshot'])}

Builds the inspector's start-up snapshot (a V8 heap of \`tki inspect\`, loaded inside the
sandbox instead of its JavaScript) in tki's own package directory, with the node running this
command. The install script does the same; run it after a node upgrade, after installing with
--ignore-scripts, or when npm did not run tki's install script. Without a snapshot that matches
the node and the V8 flags of a run, \`tki run\` starts the inspector from the plain bundle: the
same program, slower to start (\`tki run --verbose\` says which and why).

Options:
${COMMON}

Exit codes (never 0):
  2  the snapshot was built
  3  it was not (the line says why; runs use the plain bundle), and --help/--version
`,
};
