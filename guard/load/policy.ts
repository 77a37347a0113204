import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECOMMENDED_POLICY, type PolicyConfig } from '../../policy/index.js';
import { formatPolicyErrors, parsePolicyText } from '../../policy/parse.js';
import { fail, ok, type Outcome } from '../errors.js';

export const POLICY_FILE_NAME = 'tki.policy.json';

export interface LoadedPolicy {
  readonly policy: PolicyConfig;
  /** The file it came from; `null` means the recommended defaults. */
  readonly file: string | null;
}

/**
 * The project's policy file (next to its tsconfig, else in the working directory), validated;
 * without one, the same defaults as the plugin's `configs.recommended`.
 */
export function loadPolicy(directories: readonly string[]): Outcome<LoadedPolicy> {
  for (const directory of directories) {
    const file = join(directory, POLICY_FILE_NAME);
    if (!existsSync(file)) continue;
    const parsed = parsePolicyText(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) return fail({ code: 'policy/invalid', detail: formatPolicyErrors(parsed.errors) });
    return ok({ policy: parsed.policy, file });
  }
  return ok({ policy: RECOMMENDED_POLICY, file: null });
}
