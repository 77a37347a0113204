import { resolve } from 'node:path';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { locatePolicy } from '../../policy/locate.js';
import { formatPolicyErrors } from '../../policy/parse.js';
import { projectRootFor } from '../../policy/project-root.js';
import { realPathOr } from '../../policy/real-path.js';
import { readPolicyFile } from '../../policy/read.js';
import { fail, ok, type Outcome } from '../errors.js';
// Type only: a value import of guard/load/policy.ts would close a cycle with its lazy import of this module.
import type { LoadedPolicy } from './policy.js';

// The reading half of guard/load/policy.ts: finding and validating a policy file loads zod
// (policy/schema.ts), so that module imports this one only when there may be a file to read.

/**
 * The project's policy file, found by the plugin's rule (policy/locate.ts: the nearest
 * tki.policy.json walking up from each start directory, up to the repository root), validated;
 * without one, the same defaults as the plugin's `configs.recommended`. A file named with
 * `--policy` is read as it is, never searched for (a missing one is an error, not the defaults).
 * guard/load/policy.ts's loadPolicy, synchronous: `.dependency-cruiser.cjs` require()s its rules.
 */
export function loadPolicySync(starts: readonly string[], named?: string): Outcome<LoadedPolicy> {
  const location = named === undefined ? locatePolicy(starts) : { kind: 'file' as const, file: realPathOr(resolve(named)) };
  if (location.kind === 'defaults') return ok({ policy: RECOMMENDED_POLICY, file: null });
  const parsed = readPolicyFile(location.file);
  if (!parsed.ok) return fail({ code: 'policy/invalid', detail: formatPolicyErrors(parsed.errors) });
  return ok({ policy: parsed.policy, file: location.file });
}

/** projectRootFor without reading the policy (`--watch` picks the directory it watches before the first run). */
export function locateProjectRoot(inputsRoot: string, searchStart: string, named?: string): string {
  if (named !== undefined) return projectRootFor(inputsRoot, realPathOr(named));
  const location = locatePolicy([searchStart]);
  return location.kind === 'file' ? projectRootFor(searchStart, location.file) : projectRootFor(inputsRoot, null);
}
