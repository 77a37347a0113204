import { readFileSync } from 'node:fs';
import { RECOMMENDED_POLICY, type PolicyConfig } from '../../policy/index.js';
import { POLICY_FILE_NAME, locatePolicy } from '../../policy/locate.js';
import { formatPolicyErrors, parsePolicyText } from '../../policy/parse.js';
import { fail, ok, type Outcome } from '../errors.js';

export { POLICY_FILE_NAME };

export interface LoadedPolicy {
  readonly policy: PolicyConfig;
  /** The file it came from; `null` means the defaults (no policy file found). */
  readonly file: string | null;
}

/**
 * The project's policy file (policy/locate.ts, the plugin's rule, in the start directories only:
 * next to the tsconfig, else in the working directory), validated; without one, the same defaults
 * as the plugin's `configs.recommended`.
 */
export function loadPolicy(starts: readonly string[]): Outcome<LoadedPolicy> {
  const location = locatePolicy(starts, undefined, false);
  if (location.kind === 'defaults') return ok({ policy: RECOMMENDED_POLICY, file: null });
  const parsed = parsePolicyText(readFileSync(location.file, 'utf8'), location.file);
  if (!parsed.ok) return fail({ code: 'policy/invalid', detail: formatPolicyErrors(parsed.errors) });
  return ok({ policy: parsed.policy, file: location.file });
}
