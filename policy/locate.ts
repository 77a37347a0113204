import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { matchesAnyGlob } from './glob.js';
import { policyFromText } from './read.js';
import { readWorkspaceText, workspaceMember, type WorkspaceFiles } from './workspaces.js';

export const POLICY_FILE_NAME = 'tki.policy.json';

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

/**
 * The project a directory belongs to when no policy file says so: the nearest directory at or
 * above `start` that holds a package.json (lifted to its workspace root for a workspace member,
 * as the policy search is), else the nearest one that holds `.git`; undefined when neither
 * exists. It is where a tki.policy.json would be written, so a run anchored here reports the
 * same paths (and reads the same baseline) as one anchored at a policy file placed there.
 */
export function locatePackageRoot(start: string, probe?: (file: string) => boolean, read: (file: string) => string | undefined = readWorkspaceText): string | undefined {
  const exists = existsOr(probe);
  for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
    if (exists(path.join(directory, 'package.json'))) return workspaceMember(directory, { exists, read }) ?? directory;
    if (exists(path.join(directory, '.git'))) return directory;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/**
 * The directory a run is anchored to, in both tools: report paths, grant and `ignore` globs, the
 * baseline and the cache are relative to it. With a policy file: its directory when it holds what
 * is judged (`inputsRoot`: the guard's inputs, the plugin's config file directory), so
 * `cd src && tki-guard .` finds ../tki.policy.json and reads its globs as written; a policy named
 * from elsewhere (`--policy ../shared/tki.policy.json`, `policyFile` in `tki.configure`) leaves the
 * project where no policy would: the package root of what is judged (red team round 10: the guard
 * anchored at the inputs' folder, the plugin at the config's, and one grant differed). Without a
 * policy file: that package root too (locatePackageRoot), the inputs' root only when no package or
 * repository encloses them.
 */
export function projectRootFor(inputsRoot: string, policyFile: string | null, probe?: (file: string) => boolean): string {
  if (policyFile !== null) {
    const directory = path.dirname(policyFile);
    const inside = path.relative(directory, inputsRoot);
    if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) return directory;
  }
  return locatePackageRoot(inputsRoot, probe) ?? inputsRoot;
}

function isLink(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true;
}

/**
 * The caller's probe (tests hand in a virtual tree), else the file system's. `existsSync` is called
 * here, not handed on as a parameter default: a capability in a slot typed by a project function type
 * is UNANALYZED to the typed guard (docs/caveats.md).
 */
function existsOr(probe: ((file: string) => boolean) | undefined): (file: string) => boolean {
  return (file) => (probe === undefined ? existsSync(file) : probe(file));
}
