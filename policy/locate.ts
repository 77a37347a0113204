import { existsSync } from 'node:fs';
import path from 'node:path';

export const POLICY_FILE_NAME = 'tki.policy.json';

/** Where a project's policy is: a file (and the directory its globs are relative to), or nowhere. */
export type PolicyLocation =
  | { readonly kind: 'file'; readonly file: string; readonly root: string }
  /** No policy file: the level's defaults apply (RECOMMENDED_POLICY or STRICT_POLICY). */
  | { readonly kind: 'defaults'; readonly searched: readonly string[] };

/**
 * The one rule both tools follow (tki-guard from the tsconfig's directory and then the working
 * directory, `tki.configure()` from the config file's directory): walk up to the nearest
 * tki.policy.json, checking each directory, and stop after the first directory that holds a
 * package.json (the package root: a policy above it belongs to another project) or at the
 * filesystem root. Grant globs are then relative to the policy file's directory. Without a file,
 * the defaults apply, the same in both tools; a policy file named explicitly is never searched for.
 * `walkUp: false` checks the start directories only: tki-guard's rule for now (its test fixtures
 * are directories inside this repository, whose own policy a walk would find).
 */
export function locatePolicy(starts: readonly string[], exists: (file: string) => boolean = existsSync, walkUp = true): PolicyLocation {
  const searched: string[] = [];
  for (const start of starts) {
    for (let directory = path.resolve(start); !searched.includes(directory); ) {
      searched.push(directory);
      const file = path.join(directory, POLICY_FILE_NAME);
      if (exists(file)) return { kind: 'file', file, root: directory };
      const parent = path.dirname(directory);
      if (!walkUp || parent === directory || exists(path.join(directory, 'package.json'))) break;
      directory = parent;
    }
  }
  return { kind: 'defaults', searched };
}
