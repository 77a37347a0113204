import { spawnSync } from 'node:child_process';

/**
 * The docker CLIs the Docker tests run against the one daemon here: Docker's own 28 CLI in
 * /usr/local/bin and Debian's 20.10 CLI (docker.io) in /usr/bin; `TKI_TEST_DOCKER_CLIS` (colon
 * separated) names others. Each must reach a daemon, or the test fails with what to do.
 */
export const DOCKER_CLIS: readonly string[] = (process.env.TKI_TEST_DOCKER_CLIS ?? '/usr/local/bin/docker:/usr/bin/docker').split(':').filter((path) => path !== '');

/** `<client version> <server version>` of a CLI, or a thrown error saying what to install or start. */
export function requireDocker(cli = 'docker'): { readonly client: string; readonly server: string } {
  const probe = spawnSync(cli, ['version', '--format', '{{.Client.Version}} {{.Server.Version}}'], { encoding: 'utf8' });
  const [client = '', server = ''] = (probe.stdout ?? '').trim().split(' ');
  if (probe.status !== 0 || server === '') {
    const reason = probe.error?.message ?? (probe.stderr.trim().split('\n')[0] || `exit ${probe.status}`);
    throw new Error(`docker (${cli}) cannot reach a daemon here (${reason}); this Docker test cannot run: as root, bash scripts/setup.sh (installs docker.io and starts dockerd)`);
  }
  return { client, server };
}

/** Runs `body` with TKI_DOCKER pointing at `cli`, restoring the previous value after. */
export async function withDockerCli<T>(cli: string, body: () => Promise<T>): Promise<T> {
  const previous = process.env.TKI_DOCKER;
  process.env.TKI_DOCKER = cli;
  try {
    return await body();
  } finally {
    if (previous === undefined) delete process.env.TKI_DOCKER;
    else process.env.TKI_DOCKER = previous;
  }
}
