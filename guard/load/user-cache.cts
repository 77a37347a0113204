// CommonJS: guard/cache/typescript-code-cache.cts require()s it while TypeScript loads, and the ES
// modules (guard/cache/seal.ts, load/cache-location.ts) import it: one copy of the rules for both.
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');

/**
 * Where a platform keeps per-user caches. `XDG_CACHE_HOME` wins everywhere, as most tools do, but
 * only an absolute one: the XDG spec says a relative path is invalid and ignored (it would put the
 * cache, and the secret that seals caches, wherever the run happens to start). Windows:
 * `%LOCALAPPDATA%` (else `<home>\AppData\Local`); macOS: `~/Library/Caches`; others: `~/.cache`.
 * The platform's own path rules apply, so each platform's answer can be tested on any machine.
 */
function userCacheBase(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && paths.isAbsolute(xdg)) return xdg;
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'];
    return local !== undefined && paths.isAbsolute(local) ? local : paths.join(home, 'AppData', 'Local');
  }
  return platform === 'darwin' ? paths.join(home, 'Library', 'Caches') : paths.join(home, '.cache');
}

/** tki's folder in this user's cache directory (`segments` below it), for this process's platform. */
function tkiUserCacheDirectory(...segments: string[]): string {
  return path.join(userCacheBase(process.env, process.platform, os.homedir()), 'tki', ...segments);
}

/** What the private-file rule reads of an lstat result. */
interface OwnedStats {
  readonly uid: number;
  readonly mode: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * The rule for what may hold a cache secret or executable code cache: the kind wanted (a symlink is
 * neither: the caller lstat()s), owned by this user, and without the permission bits others must
 * not have (`forbiddenMode`). Windows has no POSIX owner or modes (Node reports 0o666 for every
 * writable file and no uid); its per-user profile folders are private by their ACLs, so only the
 * kind is checked there.
 */
function isPrivateStats(stats: OwnedStats, kind: 'file' | 'directory', forbiddenMode: number, platform: NodeJS.Platform, uid: number | undefined): boolean {
  const isKind = kind === 'file' ? stats.isFile() : stats.isDirectory();
  if (platform === 'win32') return isKind;
  return isKind && (uid === undefined || stats.uid === uid) && (stats.mode & forbiddenMode) === 0;
}

/** isPrivateStats for a path of this machine, never following a symlink; lstat's error (ENOENT…) is thrown to the caller. */
function isPrivateToMe(target: string, kind: 'file' | 'directory', forbiddenMode: number): boolean {
  return isPrivateStats(fs.lstatSync(target), kind, forbiddenMode, process.platform, typeof process.getuid === 'function' ? process.getuid() : undefined);
}

/** Makes `directory` (0700) when missing; whether it is this user's and writable by no one else. Never throws. */
function makePrivateDirectory(directory: string): boolean {
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    return isPrivateToMe(directory, 'directory', 0o022);
  } catch {
    return false;
  }
}

export = { userCacheBase, tkiUserCacheDirectory, isPrivateStats, isPrivateToMe, makePrivateDirectory };
