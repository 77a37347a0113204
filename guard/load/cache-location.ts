import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { CACHE_DIRECTORY } from '../cache/store.js';
import userCache from './user-cache.cjs';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The cache directory of a project when `--cache-location` is not given: `node_modules/.cache/tki`
 * when the project root has a `node_modules` (git-ignored, removed with it, where ESLint and Babel
 * keep theirs); otherwise the user's cache directory, one folder per project path
 * (`~/.cache/tki/<name>-<hash>`). The guard never creates `node_modules` in a project that has
 * none (a `npx tki-guard` from a global install, a project that uses another package manager's
 * layout), and never leaves a folder of its own in the user's tree.
 */
export function defaultCacheDirectory(root: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (isDirectory(join(root, 'node_modules'))) return join(root, CACHE_DIRECTORY);
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  const name = basename(root).replace(/[^A-Za-z0-9._-]/g, '_') || 'root';
  return join(userCache.userCacheBase(env, platform, home), 'tki', `${name}-${key}`);
}
