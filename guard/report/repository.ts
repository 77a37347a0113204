import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a rule's documentation lives on the web: the address derived from the `repository`
 * field of tki's own package.json (never a hard-coded host), plus the doc's path in the
 * repository. `HEAD` follows the repository's default branch, whatever it is named.
 */
export function repositoryWebRoot(repository: unknown): string | null {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return null;
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (shorthand !== null) return `https://github.com/${shorthand[1]}/${shorthand[2]}`;
  const url = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?(github\.com|gitlab\.com|bitbucket\.org)[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(raw);
  const scp = /^git@(github\.com|gitlab\.com|bitbucket\.org):([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(raw);
  const match = url ?? scp;
  return match === null ? null : `https://${match[1]}/${match[2]}/${match[3]}`;
}

/** `<web root>/blob/HEAD/<path>` (GitHub's and GitLab's layout; Bitbucket uses `src`). */
export function docAddress(webRoot: string, path: string): string {
  return webRoot.includes('bitbucket.org') ? `${webRoot}/src/HEAD/${path}` : `${webRoot}/blob/HEAD/${path}`;
}

let found: { root: string | null } | undefined;

/**
 * The web root from the package.json of the package this module ships in: the nearest one above
 * it that has a `name` (never a user's project above an installed copy).
 */
export function ownRepositoryWebRoot(): string | null {
  if (found !== undefined) return found.root;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = readManifest(join(directory, 'package.json'));
    if (manifest !== undefined && typeof manifest['name'] === 'string') return (found = { root: repositoryWebRoot(manifest['repository']) }).root;
    const parent = dirname(directory);
    if (parent === directory) return (found = { root: null }).root;
    directory = parent;
  }
}

function readManifest(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
