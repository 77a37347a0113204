import { lstatSync } from 'node:fs';
import path from 'node:path';
import { matchesAnyGlob } from './glob.js';
import { policyFromText } from './read.js';
import { POLICY_FILE_NAME, existsOr, locatePackageRoot, projectRootFor } from './project-root.js';
import { readWorkspaceText, type WorkspaceFiles } from './workspaces.js';

export { POLICY_FILE_NAME, locatePackageRoot, projectRootFor };

/** Where a project's policy is: a file (and the directory its globs are relative to), or nowhere. */
export type PolicyLocation =
  | { readonly kind: 'file'; readonly file: string; readonly root: string }
  /** No policy file: the level's defaults apply (RECOMMENDED_POLICY or STRICT_POLICY). */
  | { readonly kind: 'defaults'; readonly searched: readonly string[] };

/**
 * The one rule both tools follow (tki-guard from the tsconfig's directory and then the working
 * directory, `tki.configure()` from the config file's directory): walk up to the nearest
 * tki.policy.json, as ESLint finds its config, past package roots (a package nested in another
 * one, workspace member or not, is governed by the enclosing policy, so a file gets one verdict
 * whichever directory the run starts in), up to the repository root (the first directory that
 * holds `.git`: a policy outside the checkout is not the project's) or the filesystem root.
 * One exception keeps nested projects apart: a policy whose `ignore` globs cover the nearest
 * package root below it does not govern that package (the enclosing project disowns it, as this
 * repository's `fixtures/**` does); the package then gets the defaults. Grant globs are relative
 * to the policy file's directory. Without a file, the defaults apply, the same in both tools; a
 * policy file named explicitly is never searched for. `walkUp: false` checks the start
 * directories only.
 */
export function locatePolicy(
  starts: readonly string[],
  probe?: (file: string) => boolean,
  walkUp = true,
  read: (file: string) => string | undefined = readWorkspaceText,
): PolicyLocation {
  const exists = existsOr(probe);
  const searched: string[] = [];
  for (const start of starts) {
    // The nearest package root at or above the start: a policy above it must not disown it.
    let packageRoot: string | undefined;
    for (let directory = path.resolve(start); !searched.includes(directory); ) {
      searched.push(directory);
      const file = path.join(directory, POLICY_FILE_NAME);
      // A dangling tki.policy.json link is the project's policy, unreadable: an error, never "no policy".
      if (exists(file) || (probe === undefined && isLink(file))) {
        if (packageRoot === undefined || !ignoresDirectory(file, packageRoot, read)) return { kind: 'file', file, root: directory };
        break;
      }
      if (packageRoot === undefined && exists(path.join(directory, 'package.json'))) packageRoot = directory;
      const parent = path.dirname(directory);
      if (!walkUp || parent === directory || exists(path.join(directory, '.git'))) break;
      directory = parent;
    }
  }
  return { kind: 'defaults', searched };
}

/** Whether the policy's `ignore` globs cover every file under `directory` (a probe name no real pattern singles out). */
function ignoresDirectory(policyFile: string, directory: string, read: (file: string) => string | undefined): boolean {
  const text = read(policyFile);
  if (text === undefined) return false;
  const parsed = policyFromText(text, policyFile);
  // A broken policy still governs: loading it reports the error instead of silently applying the defaults.
  if (!parsed.ok) return false;
  const relative = path.relative(path.dirname(policyFile), directory).split(path.sep).join('/');
  return matchesAnyGlob(`${relative}/\u0000`, parsed.policy.ignore);
}

function isLink(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true;
}
