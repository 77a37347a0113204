import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields; `configs` are derived from `recommended`. */
export interface TkiRuleDocs {
  /** `recommended`: in both configs. `strict`: only in `configs.strict`. */
  readonly recommended: 'recommended' | 'strict';
  /** The rule applies only to files the policy lists as `inspectorFiles`. */
  readonly inspectorOnly: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/tki-project/tki/blob/main/docs/rules';

export const createRule = ESLintUtils.RuleCreator<TkiRuleDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);
