import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One fresh project outside the repository, with the three packed packages installed from their tarballs. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export type Run = { status: number | null; stdout: string; stderr: string };

/** Packs the three packages from the built dist/ once (the CI build step made it). */
export function packOnce(): Record<'plugin' | 'guard' | 'tki', string> {
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/scripts/pack/main.js')], { cwd: repoRoot, stdio: 'pipe' });
  const dir = path.join(repoRoot, '.tki-cache/packages');
  const tarball = (prefix: string): string => {
    const name = readdirSync(dir).find((file) => file.startsWith(prefix) && file.endsWith('.tgz'));
    if (name === undefined) throw new Error(`no ${prefix} tarball in ${dir}`);
    return path.join(dir, name);
  };
  return { plugin: tarball('eslint-plugin-tki-'), guard: tarball('tki-guard-'), tki: tarball('tki-0') };
}

/** `npm init -y` then one `npm i -D` of what the README names, from the tarballs. */
export function freshProject(tarballs: readonly string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tki-rt5-'));
  execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'pipe' });
  execFileSync('npm', ['i', '-D', '--no-audit', '--no-fund', 'eslint', 'typescript@6', ...tarballs], { cwd: dir, stdio: 'pipe' });
  return dir;
}

export function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/** Runs an installed bin (node_modules/.bin of `project`) in `cwd`. */
export function bin(project: string, name: string, args: readonly string[], cwd = project): Run {
  const result = spawnSync(path.join(project, 'node_modules/.bin', name), args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function shell(command: string, cwd: string): Run {
  const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;
