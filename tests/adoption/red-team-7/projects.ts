import { cpSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Run } from '../red-team-5/project.js';
import { GIT_USER, files, git, tempDir } from '../red-team-6/projects.js';

/** Projects a new user builds next to the packed packages (red team 7). */

export const ESLINT_CONFIG = "import tki from 'eslint-plugin-tki';\n\nexport default [tki.configs.recommended];\n";
export const REASON = 'deploys the build with rsync, from CI only';
export const NETWORK_MODULE = "import { request } from 'node:https';\n\nexport const ping = (): void => {\n  request('https://example.com').end();\n};\n";

/** A policy granting EXEC to the files named, exactly as written. */
export function grantExec(globs: readonly string[]): string {
  return `${JSON.stringify({ grants: [{ files: globs, capabilities: ['EXEC'], reason: REASON }] }, null, 2)}\n`;
}

/** A new project sharing the installed node_modules of `installed` (copied: a real directory). */
export function projectLike(installed: string, prefix: string, entries: Readonly<Record<string, string>>): string {
  const dir = tempDir(prefix);
  writeFileSync(path.join(dir, 'package.json'), `{ "name": "${path.basename(dir).toLowerCase()}", "version": "1.0.0" }\n`);
  symlinkSync(path.join(installed, 'node_modules'), path.join(dir, 'node_modules'));
  files(dir, entries);
  return dir;
}

/** Runs a command (a path to a bin, or `node` with a script) with a hard timeout, so a hang fails. */
export function runFor(command: string, args: readonly string[], cwd: string, timeoutMs = 60_000, env: NodeJS.ProcessEnv = {}): Run & { timedOut: boolean } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_USER, ...env }, timeout: timeoutMs, killSignal: 'SIGKILL' });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', timedOut: result.error !== undefined || result.signal === 'SIGKILL' };
}

/**
 * A pnpm-style layout built by hand from an npm install: every package under
 * node_modules/.pnpm/node_modules (pnpm's hoisted store), the direct dependencies under
 * .pnpm/<name>@1/node_modules/<name>, and node_modules/<name> as relative symlinks to them.
 */
export function pnpmLayout(installed: string, direct: readonly string[]): string {
  const dir = tempDir('tki-rt7-pnpm-');
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "pnpm-style", "version": "1.0.0" }\n');
  const store = path.join(dir, 'node_modules/.pnpm/node_modules');
  cpSync(path.join(installed, 'node_modules'), store, { recursive: true, verbatimSymlinks: true });
  rmSync(path.join(store, '.bin'), { recursive: true, force: true });
  rmSync(path.join(store, '.cache'), { recursive: true, force: true });
  for (const name of direct) {
    const home = path.join(dir, `node_modules/.pnpm/${name}@1/node_modules`);
    mkdirSync(home, { recursive: true });
    renameSync(path.join(store, name), path.join(home, name));
    symlinkSync(`.pnpm/${name}@1/node_modules/${name}`, path.join(dir, 'node_modules', name));
  }
  return dir;
}

/** A git repository with one commit on `main`, then a branch `feature`. */
export function commitThenBranch(dir: string): void {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-qm', 'init']);
  git(dir, ['switch', '-qc', 'feature']);
}
