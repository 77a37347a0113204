import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { matchesAnyGlob } from '../../policy/glob.js';
import { POLICY_FILE_NAME } from '../../policy/locate.js';
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
  const seen = new Map<string, boolean>();
  const holdsPolicy = (directory: string): boolean => {
    let known = seen.get(directory);
    if (known === undefined) seen.set(directory, (known = existsSync(join(directory, POLICY_FILE_NAME))));
    return known;
  };
  const prefix = searchStart.endsWith('/') ? searchStart : `${searchStart}/`;
  for (const file of files) {
    if (!file.startsWith(prefix) || matchesAnyGlob(toRelative(root, file), ignore)) continue;
    for (let directory = dirname(file); directory.startsWith(prefix); directory = dirname(directory)) {
      if (holdsPolicy(directory)) return fail({ code: 'policy/nested', nested: join(directory, POLICY_FILE_NAME), governing, file });
    }
  }
  return ok(undefined);
}
