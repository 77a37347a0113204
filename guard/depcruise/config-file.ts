import type { DepcruiseRule } from './policy-rules.js';

/**
 * The generated block of `.dependency-cruiser.cjs`: the policy rules as a JS literal between two
 * marker comments, so the hand-written layering rules around them stay untouched.
 */
export const DEPCRUISE_CONFIG_FILE = '.dependency-cruiser.cjs';

export const BLOCK_START = '// <policy-rules>';
export const BLOCK_END = '// </policy-rules>';

export function renderPolicyBlock(rules: readonly DepcruiseRule[]): string {
  return `${BLOCK_START}\nconst policyRules = ${JSON.stringify(rules, null, 2)};\n${BLOCK_END}`;
}

/** The config text with its generated block replaced; `undefined` when the markers are missing. */
export function replacePolicyBlock(configText: string, rules: readonly DepcruiseRule[]): string | undefined {
  const start = configText.indexOf(BLOCK_START);
  const end = configText.indexOf(BLOCK_END);
  if (start === -1 || end < start) return undefined;
  return `${configText.slice(0, start)}${renderPolicyBlock(rules)}${configText.slice(end + BLOCK_END.length)}`;
}
