import { isCapability, type Capability } from '../../policy/index.js';

/**
 * tki's own suppression comment, read the same way by the ESLint plugin and tki-guard:
 *
 *   // tki-allow-next-line <rule> [CAPABILITY] -- <reason>
 *
 * `eslint-disable-next-line tki/…` cannot serve: the guard's rules (transitive-capability,
 * depcruise/…) are not plugin rules, and ESLint reports a disable comment that names an
 * undefined rule as an error. The reason is required: an accepted finding is a decision a
 * reviewer must be able to read.
 */
export const SUPPRESSION_MARKER = 'tki-allow-next-line';

export type SuppressionDirective =
  | { readonly ok: true; readonly rule: string; readonly capability: Capability | null; readonly reason: string }
  | { readonly ok: false; readonly problem: 'suppress/no_rule' | 'suppress/no_reason' | 'suppress/bad_capability'; readonly detail: string };

const RULE_NAME = /^[a-z][a-z0-9-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/;

/** `tki/no-dynamic-code` and `no-dynamic-code` name the same rule (the plugin's namespace). */
export function normalizeRuleName(rule: string): string {
  return rule.startsWith('tki/') ? rule.slice('tki/'.length) : rule;
}

/**
 * The directive in one comment's body (without `//` or `/* *\/`), or `null` when the comment is
 * not a suppression at all. The marker must open the comment, so prose that mentions it is not one.
 */
export function parseSuppressionComment(body: string): SuppressionDirective | null {
  const text = body.replace(/^[\s*]*/, '');
  if (!text.startsWith(SUPPRESSION_MARKER)) return null;
  const rest = text.slice(SUPPRESSION_MARKER.length);
  if (rest !== '' && !/^\s/.test(rest)) return null;
  const separator = rest.indexOf(' --');
  const head = (separator === -1 ? rest : rest.slice(0, separator)).trim();
  const reason = separator === -1 ? '' : rest.slice(separator + ' --'.length).replace(/\*\/\s*$/, '').trim();
  const [rule, capability, ...extra] = head.split(/\s+/).filter((part) => part !== '');
  if (rule === undefined || !RULE_NAME.test(rule)) {
    return { ok: false, problem: 'suppress/no_rule', detail: `${SUPPRESSION_MARKER} needs a rule name: \`${SUPPRESSION_MARKER} <rule> -- <reason>\`` };
  }
  if (extra.length > 0 || (capability !== undefined && !isCapability(capability))) {
    return { ok: false, problem: 'suppress/bad_capability', detail: `\`${[capability, ...extra].join(' ')}\` is not one capability name` };
  }
  if (reason === '') {
    return { ok: false, problem: 'suppress/no_reason', detail: `${SUPPRESSION_MARKER} ${rule} needs a reason after \` -- \`` };
  }
  return { ok: true, rule: normalizeRuleName(rule), capability: capability ?? null, reason };
}
