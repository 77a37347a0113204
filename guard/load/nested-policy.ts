import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { matchesAnyGlob } from '../../policy/glob.js';
import { POLICY_FILE_NAME } from '../../policy/project-root.js';
import { fail, ok, type Outcome } from '../errors.js';
import { toRelative } from './inputs.js';

/**
 * One run judges under one policy, so an input below a tki.policy.json other than the run's own
 * would be judged differently here than by a run started beside that file (and by the ESLint
 * plugin, which finds the policy from each file). Such a run stops with one line naming both,
 * instead of silently choosing (red team round 9). Only directories below the search start are
 * checked: the search itself has already seen the start and everything above it. Files the
 * run's policy ignores are not its inputs.
 */
export function checkNestedPolicies(files: readonly string[], searchStart: string, root: string, ignore: readonly string[], governing: string | null): Outcome<void> {
  // Directories whose whole chain up to the search start holds no policy: each is asked once, and a
  // later file below one stops climbing there (a wide tree's files share most of their chain).
  const cleared = new Set<string>();
  const prefix = searchStart.endsWith('/') ? searchStart : `${searchStart}/`;
  for (const file of files) {
    if (!file.startsWith(prefix) || (ignore.length > 0 && matchesAnyGlob(toRelative(root, file), ignore))) continue;
    const climbed: string[] = [];
    for (let directory = dirname(file); directory.startsWith(prefix) && !cleared.has(directory); directory = dirname(directory)) {
      if (existsSync(join(directory, POLICY_FILE_NAME))) return fail({ code: 'policy/nested', nested: join(directory, POLICY_FILE_NAME), governing, file });
      climbed.push(directory);
    }
    for (const directory of climbed) cleared.add(directory);
  }
  return ok(undefined);
}
