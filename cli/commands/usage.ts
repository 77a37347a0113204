/** Usage lines, shared by the registry (no command module loaded) and the commands' own errors. */
export const USAGE = {
  run: 'tki run <packet> --out <dir> [--engine bwrap|podman|docker] [--name n] [--timeout s] [--memory MiB] [--cpu s] [--processes n]',
  inspect: 'tki inspect --in <dir> [--report-fd n] [--name n]',
  attest: 'tki attest --out <dir> [--engine bwrap|podman|docker]',
} as const;
