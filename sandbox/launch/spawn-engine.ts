import { spawn } from 'node:child_process';
import { loadSeccompAddon } from '../native/addon.js';

export interface EngineCommand {
  readonly executable: string;
  readonly args: readonly string[];
  /** Bytes offered to the child on fd 3 (bwrap's `--seccomp 3`); the child reads them to EOF. */
  readonly fd3?: Buffer;
  /** Keys of the engine's default environment left out (docker: PATH, see container.ts). */
  readonly withoutEnv?: readonly string[];
  /** Run on the engine's exit before anyone reads it (docker: copies the report files home). */
  readonly afterExit?: (exit: EngineExit) => EngineExit;
}

export interface EngineExit {
  /** The child's exit code as is (callers coerce 0); a signal or a spawn failure is 3 (fail closed). */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Engines get only what they need to find their own state (rootless podman needs HOME and XDG_RUNTIME_DIR). */
function engineEnvironment(without: readonly string[]): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  for (const key of ['HOME', 'XDG_RUNTIME_DIR'] as const) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  for (const key of without) delete env[key];
  return env;
}

/**
 * Starts the engine with stdin closed, stdout/stderr captured, and fd 3 carrying the seccomp
 * program when asked. Before that, every fd this process inherited is marked close-on-exec:
 * bwrap passes inherited descriptors through, so an open fd from our parent would otherwise
 * reach the sandbox.
 */
export function spawnEngine(command: EngineCommand): Promise<EngineExit> {
  const addon = loadSeccompAddon();
  if (!addon.ok) return Promise.resolve({ exitCode: 3, stdout: '', stderr: `tki: cannot load the seccomp addon (${addon.error.path}): run \`npm run build:native\`\n` });
  const cloexecErrno = addon.addon.markInheritedFdsCloexec();
  if (cloexecErrno !== 0) return Promise.resolve({ exitCode: 3, stdout: '', stderr: `tki: could not mark inherited fds close-on-exec (errno ${cloexecErrno})\n` });
  return new Promise((resolve) => {
    const child = spawn(command.executable, [...command.args], {
      stdio: ['ignore', 'pipe', 'pipe', command.fd3 === undefined ? 'ignore' : 'pipe'],
      env: engineEnvironment(command.withoutEnv ?? []),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const seccompPipe = child.stdio[3];
    if (command.fd3 !== undefined && seccompPipe !== null && seccompPipe !== undefined && 'end' in seccompPipe) {
      seccompPipe.on('error', () => undefined);
      seccompPipe.end(command.fd3);
    }
    child.on('error', (error) => resolve({ exitCode: 3, stdout: '', stderr: `tki: could not start ${command.executable}: ${error.message}\n` }));
    child.on('close', (code) => {
      resolve({
        exitCode: code ?? 3,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
