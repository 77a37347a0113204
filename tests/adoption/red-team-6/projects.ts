import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Run } from '../red-team-5/project.js';

/** Projects a new user builds next to the packed packages (red team 6). */
export const GIT_USER = { GIT_AUTHOR_NAME: 'A User', GIT_AUTHOR_EMAIL: 'user@example.com', GIT_COMMITTER_NAME: 'A User', GIT_COMMITTER_EMAIL: 'user@example.com' };

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function files(dir: string, entries: Readonly<Record<string, string>>): void {
  for (const [file, text] of Object.entries(entries)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** Runs a bin installed in `project` (node_modules/.bin) in `cwd`, with extra environment. */
export function binIn(project: string, name: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(path.join(project, 'node_modules/.bin', name), args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_USER, ...env },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function git(cwd: string, args: readonly string[]): void {
  execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, ...GIT_USER } });
}

export const EXEC_MODULE = "import { execFile } from 'node:child_process';\n\nexport function deploy(): void {\n  execFile('rsync', ['-a', 'dist/']);\n}\n";

/**
 * An npm-workspaces monorepo as `npm i` lays it out: node_modules/@m/<name> are relative symlinks
 * to packages/<name> (made here by hand, exactly as npm makes them), committed on `main` with
 * packages/net doing nothing, then packages/net gains NETWORK on a branch.
 */
export function workspacesRepo(): string {
  const dir = tempDir('tki-rt6-mono-');
  files(dir, {
    'package.json': '{ "name": "mono", "version": "1.0.0", "private": true, "workspaces": ["packages/*"] }\n',
    '.gitignore': 'node_modules/\n',
    'packages/net/package.json': '{ "name": "@m/net", "version": "1.0.0", "main": "src/index.ts" }\n',
    'packages/net/src/index.ts': 'export const ping = (): number => 1;\n',
    'packages/app/package.json': '{ "name": "@m/app", "version": "1.0.0", "dependencies": { "@m/net": "1.0.0" } }\n',
    'packages/app/src/main.ts': "import { ping } from '@m/net';\n\nexport const main = (): number => ping();\n",
  });
  mkdirSync(path.join(dir, 'node_modules/@m'), { recursive: true });
  for (const name of ['net', 'app']) symlinkSync(`../../packages/${name}`, path.join(dir, 'node_modules/@m', name));
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-qm', 'init']);
  git(dir, ['switch', '-qc', 'feature']);
  files(dir, { 'packages/net/src/index.ts': "import { request } from 'node:https';\n\nexport const ping = (): void => {\n  request('https://example.com').end();\n};\n" });
  return dir;
}
