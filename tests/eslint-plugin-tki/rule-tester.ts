import path from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { rules, type TkiRuleName } from '../../eslint-plugin-tki/index.js';
import type { PolicyConfigInput } from '../../policy/index.js';

// ESLint's RuleTester drives vitest's describe/it.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '../..');

/** Absolute path of a project-relative file, so grant and inspectorFiles globs apply as in a real run. */
export const at = (relative: string): string => path.join(root, relative);

/** `settings` for a test case: the policy the rule sees through `settings.tki`. */
export const withPolicy = (policy: PolicyConfigInput): { settings: { tki: { policy: PolicyConfigInput; root: string } } } => ({
  settings: { tki: { policy, root } },
});

export const INSPECTOR_POLICY: PolicyConfigInput = { inspectorFiles: ['src/**'] };

export function ruleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parser: tseslint.parser as never, sourceType: 'module' } });
}

export function ruleUnderTest(name: TkiRuleName): Rule.RuleModule {
  return rules[name] as unknown as Rule.RuleModule;
}
