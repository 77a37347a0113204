import { spawnSync } from 'node:child_process';

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: string;
}

/**
 * Runs a command with a minimal environment (PATH only, plus what the caller adds): the
 * acceptance run must not leak the caller's secrets into what it proves.
 */
export function runCommand(command: string, args: readonly string[], options: { cwd?: string; env?: Readonly<Record<string, string>>; timeoutMs?: number } = {}): CommandResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
    timeout: options.timeoutMs ?? 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ...(result.error === undefined ? {} : { error: result.error.message }) };
}
