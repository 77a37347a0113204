import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../eslint-plugin-tki/index.js';
import type { PolicyConfigInput } from '../../policy/index.js';

/** An ESLint instance with only this plugin (strict rule set) and the given policy, rooted at cwd. */
export function pluginEslint(policy: PolicyConfigInput, cwd = process.cwd()): ESLint {
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
    { files: ['**/*.{js,ts}'], ...(plugin.configs.strict as Linter.Config), settings: { tki: { policy } } },
  ];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
}

/**
 * The same with type information: typescript-eslint's projectService finds each file's nearest
 * tsconfig (fixtures/evasions/tsconfig.json for the evasion rows), and the rules run the typed classifier.
 */
export function typedPluginEslint(policy: PolicyConfigInput, cwd = process.cwd()): ESLint {
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: cwd } } },
    { files: ['**/*.{js,ts}'], ...(plugin.configs.strict as Linter.Config), settings: { tki: { policy } } },
  ];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
}

/** Sorted, distinct rule ids (without the `tki/` prefix) reported for one file. */
export function ruleIdsOf(result: ESLint.LintResult): string[] {
  const ids = result.messages.map((message) => {
    if (message.fatal === true || message.ruleId === null) throw new Error(`${result.filePath}: ${message.message}`);
    return message.ruleId.replace(/^tki\//, '');
  });
  return [...new Set(ids)].sort();
}
