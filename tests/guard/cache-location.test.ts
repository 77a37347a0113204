import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheDirectory } from '../../guard/load/cache-location.js';
import { guardFixtures, repoRoot } from './helpers.js';

/**
 * Where the cache goes: `node_modules/.cache/tki` in a project that has a node_modules; in one that
 * has none, the user's cache directory (one folder per project path), never a `node_modules` the
 * guard creates itself; `--cache-location` wins over both.
 */
const work = mkdtempSync(path.join(tmpdir(), 'tki-cache-location-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(name: string): string {
  const directory = path.join(work, name);
  cpSync(path.join(guardFixtures, 'planted'), directory, { recursive: true });
  return directory;
}

function guard(cwd: string, xdg: string, ...args: string[]): number | null {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist/guard/cli.js'), ...args, '.'], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: xdg } });
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  return run.status;
}

describe('the default cache directory', () => {
  it('is node_modules/.cache/tki with a node_modules, else the platform’s user cache, keyed by project path', () => {
    const installed = project('installed');
    mkdirSync(path.join(installed, 'node_modules'));
    expect(defaultCacheDirectory(installed)).toBe(path.join(installed, 'node_modules/.cache/tki'));
    const bare = project('bare app');
    const linux = defaultCacheDirectory(bare, {}, 'linux', '/home/u');
    expect(linux).toMatch(/^\/home\/u\/\.cache\/tki\/bare_app-[0-9a-f]{16}$/);
    expect(defaultCacheDirectory(bare, { XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe(linux.replace('/home/u/.cache', '/x'));
    expect(defaultCacheDirectory(bare, {}, 'darwin', '/Users/u')).toBe(linux.replace('/home/u/.cache', '/Users/u/Library/Caches'));
    // Two projects of one name in different places never share a cache.
    expect(defaultCacheDirectory(path.join(work, 'elsewhere', 'bare app'), {}, 'linux', '/home/u')).not.toBe(linux);
  });

  it('never creates node_modules in a project that has none; the run is cached in the user cache', () => {
    const bare = project('no-modules');
    const xdg = path.join(work, 'xdg');
    expect(guard(bare, xdg)).toBe(1);
    expect(existsSync(path.join(bare, 'node_modules'))).toBe(false);
    expect(readdirSync(bare).sort()).toEqual(['src', 'tki.policy.json']);
    const [folder] = readdirSync(path.join(xdg, 'tki')).filter((name) => name !== 'cache-secret' && name !== 'v8');
    expect(folder).toMatch(/^no-modules-[0-9a-f]{16}$/);
    expect(existsSync(path.join(xdg, 'tki', folder as string, 'guard-facts'))).toBe(true);
  });

  it('--cache-location wins over both', () => {
    const bare = project('located');
    const xdg = path.join(work, 'xdg-unused');
    const location = path.join(work, 'chosen-cache');
    expect(guard(bare, xdg, '--cache-location', location)).toBe(1);
    expect(existsSync(path.join(location, 'guard-facts'))).toBe(true);
    expect(existsSync(path.join(bare, 'node_modules'))).toBe(false);
    // No project folder in the user cache: only the secret that seals cache files
    // (guard/cache/seal.ts) and TypeScript's code cache (guard/cache/typescript-code-cache.cts).
    expect(readdirSync(path.join(xdg, 'tki')).filter((name) => name !== 'cache-secret' && name !== 'v8')).toEqual([]);
  });
});
