import '../policy/zod-jitless.js';
import { configFor, type TkiConfig } from './configs.js';
import { configuredSettings, type ConfigureOptions } from './configure.js';
import { rules } from './rules/index.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './version.js';

export { rules, type TkiRuleName } from './rules/index.js';
export type { TkiSettings } from './util/index.js';
export type { TkiConfig, TkiLevel, TkiPluginReference } from './configs.js';
export type { ConfigureOptions } from './configure.js';

export interface TkiPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: typeof rules;
  readonly configs: { readonly recommended: TkiConfig; readonly strict: TkiConfig };
  /**
   * A config whose policy file and grant globs are relative to the config file, not to the
   * directory ESLint runs in: `tki.configure(import.meta.url)` (ESM) or `tki.configure(__filename)`.
   */
  configure(configFile: string | URL, options?: ConfigureOptions): TkiConfig;
}

const meta = { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: 'tki' } as const;

/** The plugin object; its configs refer to it, so `tki.configs.recommended` is all a user writes. */
export const plugin: TkiPlugin = {
  meta,
  rules,
  configs: {
    recommended: configFor({ meta, rules }, 'recommended'),
    strict: configFor({ meta, rules }, 'strict'),
  },
  configure(configFile, options) {
    const { level, settings } = configuredSettings(configFile, options);
    return configFor(plugin, level, settings);
  },
};

// Configs must name the plugin object itself (ESLint compares plugin identity across configs).
plugin.configs.recommended.plugins.tki = plugin;
plugin.configs.strict.plugins.tki = plugin;

export const { recommended, strict } = plugin.configs;

// ESLint loads plugins through their default export; this is the one default export of the package.
export default plugin;
