/** Usage lines, shared by the registry (no command module loaded) and the commands' own errors. */
export const USAGE = {
  run: 'tki run <packet> --out <dir> [--engine bwrap|podman|docker] [--name n] [--timeout s] [--memory MiB] [--cpu s] [--processes n]',
  inspect: 'tki inspect --in <dir> [--report-fd n] [--name n]',
  attest: 'tki attest --out <dir> [--engine bwrap|podman|docker]',
} as const;

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

const COMMON = `  -h, --help       print this help (exit 3)
  -v, --version    print the version (exit 3)`;

export const HELP: Readonly<Record<'tki' | keyof typeof USAGE, string>> = {
  tki: `Usage: tki <command> [options]

The tki inspector: reads an evidence packet inside a deny-by-default sandbox and writes a
non-gating report. Linux x64 only.

Commands:
  run <packet> --out <dir>   inspect a packet (a directory or a .json file) inside the sandbox
  attest --out <dir>         run the sandbox attestation probes, write attestation-evidence.json
  inspect --in <dir> --out <dir>
                             the inspector itself; runs only inside the sandbox (run starts it)

Options:
${COMMON}

Run \`tki <command> --help\` for a command's options.

${EXIT_CODES}
`,
  run: `Usage: ${USAGE.run}

Inspects <packet> (a packet directory or a single .json file) inside the sandbox and writes
report.json, report.md and checkpoint-<name>.md to --out. Prints the verdict line and the
report paths.

Options:
  --out DIR                     where the reports go
  --engine bwrap|podman|docker  the sandbox engine (default bwrap)
  --name NAME                   the checkpoint name (default: inspection)
${COMMON}

${EXIT_CODES}
`,
  inspect: `Usage: ${USAGE.inspect}

The inspector inside the sandbox: \`tki run\` starts it. Run anywhere else, it refuses after
its self-check (exit 3) without reading anything.

Options:
  --in DIR      the packet, as mounted in the sandbox
  --out DIR     the report directory, as mounted in the sandbox
  --name NAME   the checkpoint name
${COMMON}

${EXIT_CODES}
`,
  attest: `Usage: ${USAGE.attest}

Runs the twelve attestation probes inside the sandbox and writes attestation-evidence.json and
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
};
