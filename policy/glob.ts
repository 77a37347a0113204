/**
 * Minimal glob matching for grant and scope patterns (`**`, `*`, `?`), on `/`-separated paths
 * relative to the project root. Kept here so the plugin ships without a glob dependency.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] as string;
    if (char === '*' && glob[index + 1] === '*') {
      const slashAfter = glob[index + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      index += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * Each glob compiled once per process: a run asks every file against the same few policy globs,
 * and compiling them again on every call grew with globs × files. A compiled RegExp without the
 * `g` or `y` flag keeps no state between `test` calls, so one may be shared.
 */
const COMPILED = new Map<string, RegExp>();

function compiledGlob(glob: string): RegExp {
  let compiled = COMPILED.get(glob);
  if (compiled === undefined) COMPILED.set(glob, (compiled = globToRegExp(glob)));
  return compiled;
}

export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const normalized = relativePath.replaceAll('\\', '/').replace(/^\.\//, '');
  // A file outside the project root is no file of the policy: `**` must not grant (or ignore) `../other/x.ts` (red team round 10).
  if (isOutsideRoot(normalized)) return false;
  return globs.some((glob) => compiledGlob(glob).test(normalized));
}

/** A root-relative path that leaves the root (`..` first) or was never relative to it. */
function isOutsideRoot(normalized: string): boolean {
  return normalized === '..' || normalized.startsWith('../') || normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized);
}

/**
 * A glob as people write it, in the one form the matcher reads (`/`-separated, relative to the
 * project root): what is unambiguous is rewritten, never guessed. `./src/x.ts` → `src/x.ts`;
 * `src\x.ts` (a Windows "copy path") → `src/x.ts` (a backslash is no escape in tki's globs); an
 * absolute path inside `root` → relative to it. An absolute path outside `root` stays as written:
 * it matches nothing, and tki-guard names it as a grant that matches no file.
 */
export function normalizeGlob(glob: string, root: string): string {
  let normalized = glob.replaceAll('\\', '/');
  const posixRoot = root.replaceAll('\\', '/').replace(/\/+$/, '');
  if (posixRoot !== '' && normalized.startsWith(`${posixRoot}/`)) normalized = normalized.slice(posixRoot.length + 1);
  while (normalized.startsWith('./')) normalized = normalized.slice(2);
  return normalized;
}

/** A grant or inspector glob of the policy that matches none of the files a run analyzed. */
export interface UnmatchedGlob {
  /** Its place in the policy, as schema errors name it (`grants.0.files.1`). */
  readonly where: string;
  readonly glob: string;
}

/**
 * The policy's globs that match no file of `files` (paths relative to the project root): a grant
 * that grants nothing is a typo or a stale path, and tki-guard says so. `ignore` is left out: the
 * files it matches are never analyzed, so no run's file list can show it alive.
 */
export function unmatchedGlobs(policy: { readonly grants: readonly { readonly files: readonly string[] }[]; readonly inspectorFiles: readonly string[] }, files: readonly string[]): UnmatchedGlob[] {
  const dead = (glob: string): boolean => !files.some((file) => matchesAnyGlob(file, [glob]));
  return [
    ...policy.grants.flatMap((grant, index) => grant.files.flatMap((glob, at) => (dead(glob) ? [{ where: `grants.${index}.files.${at}`, glob }] : []))),
    ...policy.inspectorFiles.flatMap((glob, at) => (dead(glob) ? [{ where: `inspectorFiles.${at}`, glob }] : [])),
  ];
}
