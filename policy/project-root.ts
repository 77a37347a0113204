import { existsSync } from 'node:fs';
import path from 'node:path';
import { readWorkspaceText, workspaceMember } from './workspaces.js';

// The project's anchor without reading a policy: policy/locate.ts, which reads one (and with it the
// schema and zod), re-exports these; tki-guard imports them from here so that a run on the defaults
// never loads zod (issue #11).

export const POLICY_FILE_NAME = 'tki.policy.json';

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

/**
 * The caller's probe (tests hand in a virtual tree), else the file system's. `existsSync` is called
 * here, not handed on as a parameter default: a capability in a slot typed by a project function type
 * is UNANALYZED to the typed guard (docs/caveats.md).
 */
export function existsOr(probe: ((file: string) => boolean) | undefined): (file: string) => boolean {
  return (file) => (probe === undefined ? existsSync(file) : probe(file));
}
