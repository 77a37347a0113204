import { loadPolicySync } from '../load/policy-file.js';
import { policyRules, type DepcruiseRule } from './policy-rules.js';

export { DEPCRUISE_CONFIG_FILE } from './config-file.js';

/**
 * The policy rules for the project in `root`, for `.dependency-cruiser.cjs` to spread into its
 * `forbidden` list: the config derives them from tki.policy.json every time it is loaded, so
 * the two can never drift. Throws (and dependency-cruiser reports it) when the policy is broken.
 */
export function policyRulesFor(root: string): DepcruiseRule[] {
  const loaded = loadPolicySync([root]);
  if (!loaded.ok) throw new Error(loaded.error.code === 'policy/invalid' ? loaded.error.detail : loaded.error.code);
  return policyRules(loaded.value.policy);
}
