import './util/zod-jitless.js';
import type { TSESLint } from '@typescript-eslint/utils';
import { PRESET_SETTINGS, rulesFor } from './configs.js';
import { rules } from './rules/index.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './version.js';

export { rules, type TkiRuleName } from './rules/index.js';
export type { TkiSettings } from './util/index.js';

interface TkiPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: typeof rules;
  readonly configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
}

const configs = {} as TkiPlugin['configs'];

/** The plugin object; its configs refer to it, so `...tki.configs.recommended` is all a user writes. */
export const plugin: TkiPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: 'tki' },
  rules,
  configs,
};

for (const level of ['recommended', 'strict'] as const) {
  configs[level] = {
    name: `tki/${level}`,
    plugins: { tki: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesFor(rules, level, 'tki'),
    settings: { tki: PRESET_SETTINGS[level] },
  };
}

export const { recommended, strict } = configs;

// ESLint loads plugins through their default export; this is the one default export of the package.
export default plugin;
