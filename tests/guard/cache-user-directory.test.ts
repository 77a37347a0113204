import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import userCache from '../../guard/load/user-cache.cjs';
import { loadCacheSecret } from '../../guard/cache/seal.js';
import { guardFixtures, repoRoot } from './helpers.js';

/**
 * One copy of the user-cache rules (guard/load/user-cache.cts), used by the cache secret
 * (guard/cache/seal.ts), the project cache outside node_modules (guard/load/cache-location.ts) and
 * TypeScript's V8 code cache (guard/cache/typescript-code-cache.cts): each platform's folder, the
 * XDG rule, and what counts as private.
 */
const work = mkdtempSync(path.join(tmpdir(), 'tki-user-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { userCacheBase, isPrivateStats, isPrivateToMe, makePrivateDirectory } = userCache;

describe('the user cache folder of each platform', () => {
  it('Linux and the other Unixes: ~/.cache, or an absolute XDG_CACHE_HOME', () => {
    expect(userCacheBase({}, 'linux', '/home/u')).toBe('/home/u/.cache');
    expect(userCacheBase({}, 'freebsd', '/home/u')).toBe('/home/u/.cache');
    expect(userCacheBase({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache');
  });

  it('macOS: ~/Library/Caches, unless XDG_CACHE_HOME is set', () => {
    expect(userCacheBase({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches');
    expect(userCacheBase({ XDG_CACHE_HOME: '/x/cache' }, 'darwin', '/Users/u')).toBe('/x/cache');
  });

  it('Windows: %LOCALAPPDATA%, else <home>\\AppData\\Local, with Windows path rules', () => {
    expect(userCacheBase({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local');
    expect(userCacheBase({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local');
    expect(userCacheBase({ LOCALAPPDATA: 'relative\\dir' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local');
    expect(userCacheBase({ XDG_CACHE_HOME: 'D:\\cache' }, 'win32', 'C:\\Users\\u')).toBe('D:\\cache');
  });

  it('a relative or empty XDG_CACHE_HOME is ignored on every platform (the XDG spec: invalid)', () => {
    for (const value of ['', 'cache', './cache', '../cache']) {
      expect(userCacheBase({ XDG_CACHE_HOME: value }, 'linux', '/home/u')).toBe('/home/u/.cache');
      expect(userCacheBase({ XDG_CACHE_HOME: value }, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches');
      expect(userCacheBase({ XDG_CACHE_HOME: value }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local');
    }
  });
});

describe('what counts as private', () => {
  const stats = (kind: 'file' | 'directory' | 'link', uid: number, mode: number) => ({ uid, mode, isFile: () => kind === 'file', isDirectory: () => kind === 'directory' });

  it('POSIX: this user’s, of the kind wanted, without the forbidden permission bits', () => {
    expect(isPrivateStats(stats('file', 1000, 0o100600), 'file', 0o077, 'linux', 1000)).toBe(true);
    expect(isPrivateStats(stats('file', 1001, 0o100600), 'file', 0o077, 'linux', 1000)).toBe(false);
    expect(isPrivateStats(stats('file', 1000, 0o100644), 'file', 0o077, 'linux', 1000)).toBe(false);
    expect(isPrivateStats(stats('file', 1000, 0o100644), 'file', 0o022, 'darwin', 1000)).toBe(true);
    expect(isPrivateStats(stats('directory', 1000, 0o40777), 'directory', 0o022, 'darwin', 1000)).toBe(false);
    expect(isPrivateStats(stats('link', 1000, 0o120777), 'file', 0o022, 'linux', 1000)).toBe(false);
    expect(isPrivateStats(stats('directory', 1000, 0o40700), 'file', 0o022, 'linux', 1000)).toBe(false);
  });

  it('Windows: only the kind (no POSIX owner or modes; the profile folder is private by ACL)', () => {
    expect(isPrivateStats(stats('file', 0, 0o100666), 'file', 0o077, 'win32', undefined)).toBe(true);
    expect(isPrivateStats(stats('directory', 0, 0o40666), 'file', 0o077, 'win32', undefined)).toBe(false);
  });

  it('on this machine: a symlink is never followed, a loose folder is refused, a missing path throws', () => {
    const real = path.join(work, 'real');
    expect(makePrivateDirectory(real)).toBe(true);
    expect(lstatSync(real).mode & 0o777).toBe(0o700);
    const link = path.join(work, 'link');
    symlinkSync(real, link);
    expect(isPrivateToMe(link, 'directory', 0o022)).toBe(false);
    expect(makePrivateDirectory(link)).toBe(false);
    const file = path.join(work, 'file');
    writeFileSync(file, 'x', { mode: 0o644 });
    expect(isPrivateToMe(file, 'file', 0o022)).toBe(true);
    expect(isPrivateToMe(file, 'file', 0o077)).toBe(false);
    expect(() => isPrivateToMe(path.join(work, 'missing'), 'file', 0o022)).toThrow();
    // The cache secret follows the same rule: never read through a symlinked folder.
    expect(loadCacheSecret(link)).toBeUndefined();
  });
});

describe('every user cache of a run in one place', () => {
  it('with a relative XDG_CACHE_HOME, the secret and the V8 code cache both go to ~/.cache/tki, nothing under the working directory', () => {
    const home = path.join(work, 'home');
    const project = path.join(work, 'project');
    mkdirSync(home);
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(path.join(project, 'src', 'a.ts'), "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n");
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist/guard/cli.js'), '.'], { cwd: project, encoding: 'utf8', env: { ...process.env, HOME: home, XDG_CACHE_HOME: 'relative-cache' } });
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status).toBe(1);
    expect(existsSync(path.join(project, 'relative-cache'))).toBe(false);
    const tki = path.join(home, '.cache', 'tki');
    const made = readdirSync(tki);
    expect(made).toContain('cache-secret');
    expect(made).toContain('v8');
    expect(readdirSync(path.join(tki, 'v8')).some((name) => name.startsWith('typescript-'))).toBe(true);
    // The project had no node_modules: its facts went to the same folder.
    expect(made.some((name) => name.startsWith('project-'))).toBe(true);
  });
});

void guardFixtures;
