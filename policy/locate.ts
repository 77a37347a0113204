import { existsSync } from 'node:fs';
import path from 'node:path';
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
 * tki.policy.json, checking each directory, and stop after the first directory that holds a
 * package.json (the package root: a policy above it belongs to another project) or at the
 * filesystem root. A workspace member (its directory listed by the `workspaces` of an enclosing
 * package.json, or by a pnpm-workspace.yaml) is part of that enclosing project: the walk goes on
 * to the workspace root, so `cd packages/app && tki-guard src` reads the root's policy, as an
 * ESLint config at the root does. Grant globs are then relative to the policy file's directory.
 * Without a file, the defaults apply, the same in both tools; a policy file named explicitly is
 * never searched for. `walkUp: false` checks the start directories only.
 */
export function locatePolicy(
  starts: readonly string[],
  exists: (file: string) => boolean = existsSync,
  walkUp = true,
  read: (file: string) => string | undefined = readWorkspaceText,
): PolicyLocation {
  const files: WorkspaceFiles = { exists, read };
  const searched: string[] = [];
  for (const start of starts) {
    // The directory the walk may not go above: set at a package root, lifted by its workspace root.
    let stopAt: string | undefined;
    for (let directory = path.resolve(start); !searched.includes(directory); ) {
      searched.push(directory);
      const file = path.join(directory, POLICY_FILE_NAME);
      if (exists(file)) return { kind: 'file', file, root: directory };
      if (stopAt === undefined && exists(path.join(directory, 'package.json'))) stopAt = workspaceMember(directory, files) ?? directory;
      const parent = path.dirname(directory);
      if (!walkUp || parent === directory || directory === stopAt) break;
      directory = parent;
    }
  }
  return { kind: 'defaults', searched };
}

/**
 * The project a directory belongs to when no policy file says so: the nearest directory at or
 * above `start` that holds a package.json (lifted to its workspace root for a workspace member,
 * as the policy search is), else the nearest one that holds `.git`; undefined when neither
 * exists. It is where a tki.policy.json would be written, so a run anchored here reports the
 * same paths (and reads the same baseline) as one anchored at a policy file placed there.
 */
export function locatePackageRoot(start: string, exists: (file: string) => boolean = existsSync, read: (file: string) => string | undefined = readWorkspaceText): string | undefined {
  for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
    if (exists(path.join(directory, 'package.json'))) return workspaceMember(directory, { exists, read }) ?? directory;
    if (exists(path.join(directory, '.git'))) return directory;
    if (path.dirname(directory) === directory) return undefined;
  }
}
