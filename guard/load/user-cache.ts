import { join } from 'node:path';

/** Where a platform keeps per-user caches (XDG on Linux; `XDG_CACHE_HOME` wins everywhere, as most tools do). */
export function userCacheBase(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '') return env.XDG_CACHE_HOME;
  if (platform === 'win32' && env.LOCALAPPDATA !== undefined && env.LOCALAPPDATA !== '') return env.LOCALAPPDATA;
  if (platform === 'darwin') return join(home, 'Library', 'Caches');
  return join(home, '.cache');
}
