import path from 'node:path';
import { files, git } from '../red-team-6/projects.js';
import { projectLike } from '../red-team-7/projects.js';

/** Projects a new user builds next to the packed packages (red team 9). */

export const NETWORK_MODULE = "import { request } from 'node:https';\n\nexport const ping = (): void => {\n  request('https://example.com').end();\n};\n";

/** A grant of EXEC to `globs`, with a reason a reviewer can read (or the one given). */
export function execGrant(globs: readonly string[], reason = 'deploys the build with rsync, from CI only'): string {
  return `${JSON.stringify({ grants: [{ files: globs, capabilities: ['EXEC'], reason }] }, null, 2)}\n`;
}

/**
 * A git repository (so the policy search stops at its root, never in the shared /tmp) holding
 * the files given, with the installed node_modules of `installed` linked in.
 */
export function repository(installed: string, prefix: string, entries: Readonly<Record<string, string>>): string {
  const dir = projectLike(installed, prefix, entries);
  git(dir, ['init', '-q', '-b', 'main']);
  return dir;
}

/** Commits everything on `main`, then switches to a branch `feature` and writes `changes` there. */
export function branchWith(dir: string, changes: Readonly<Record<string, string>>): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-qm', 'init']);
  git(dir, ['switch', '-qc', 'feature']);
  files(dir, changes);
}

/** The file names a run's output mentions (a report line starts with one). */
export function namedFiles(text: string, root: string): string[] {
  const names = [...text.matchAll(/(?:^|\s|\/)((?:apps|packages|src)\/[\w./-]+\.tsx?)/gm)].map((match) => match[1] ?? '');
  return [...new Set(names.map((name) => path.posix.normalize(name.replace(`${root}/`, ''))))].sort();
}
