import { spawnEngine } from '../launch/spawn-engine.js';
import { dockerExecutable } from './docker-executable.js';

/**
 * Docker's version for the evidence: the CLI's and the daemon's, each with the API version it
 * speaks (a newer CLI negotiates down to the daemon's), e.g.
 * `docker 28.2.2 (API 1.41), daemon 20.10.24+dfsg1 (API 1.41), /usr/local/bin/docker`.
 */
const FORMAT = 'docker {{.Client.Version}} (API {{.Client.APIVersion}}), daemon {{.Server.Version}} (API {{.Server.APIVersion}})';

export async function dockerVersion(): Promise<string> {
  const executable = dockerExecutable();
  if (executable === undefined) return 'not installed';
  if (!executable.ok) return executable.error.line;
  const result = await spawnEngine({ executable: executable.value, args: ['version', '--format', FORMAT] });
  const line = result.stdout.split('\n')[0]?.trim() ?? '';
  return result.exitCode === 0 && line !== '' ? `${line}, ${executable.value}` : `unknown (exit ${result.exitCode})`;
}
