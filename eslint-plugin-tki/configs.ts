import type { TSESLint } from '@typescript-eslint/utils';
import type { TkiRuleDocs } from './util/index.js';
import type { TkiSettings } from './util/index.js';

type RuleWithDocs = { readonly meta: { readonly docs?: Partial<TkiRuleDocs> } };

/**
 * `recommended`: the rules marked `recommended`, with known capability packages denied.
 * `strict`: every rule, with every package not on the policy allow list denied (what tki uses
 * on itself). Derived from `meta.docs.recommended`, never listed by hand.
 */
export function rulesFor(rules: Readonly<Record<string, RuleWithDocs>>, level: TkiRuleDocs['recommended'], prefix: string): TSESLint.FlatConfig.Rules {
  const selected: TSESLint.FlatConfig.Rules = {};
  for (const [name, rule] of Object.entries(rules)) {
    const recommended = rule.meta.docs?.recommended;
    if (recommended === 'recommended' || (level === 'strict' && recommended === 'strict')) selected[`${prefix}/${name}`] = 'error';
  }
  return selected;
}

export const PRESET_SETTINGS: Readonly<Record<TkiRuleDocs['recommended'], TkiSettings>> = {
  recommended: { policy: { packages: { deny: 'known' } } },
  strict: { policy: { packages: { deny: 'unlisted' } } },
};
