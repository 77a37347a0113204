import tsParser from '@typescript-eslint/parser';
import type { TkiRuleDocs, TkiSettings } from './util/index.js';

type RuleWithDocs = { readonly meta: { readonly docs?: Partial<TkiRuleDocs> } };

export type TkiLevel = TkiRuleDocs['recommended'];

/** What the configs lint: TypeScript in all its extensions and JavaScript, never declaration files. */
export const TKI_FILES: string[] = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
export const TKI_IGNORES: string[] = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/**
 * The plugin as a config names it. Only `meta` is visible in the type, so a config object is
 * assignable both to ESLint's `Linter.Config` (defineConfig) and to typescript-eslint's
 * `FlatConfig.Config` (tseslint.config), whose rule types differ.
 */
export interface TkiPluginReference {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
}

/** One flat config object; plain data except the plugin and the parser. */
export interface TkiConfig {
  name: string;
  files: string[];
  ignores: string[];
  plugins: { tki: TkiPluginReference };
  languageOptions: { parser: typeof tsParser };
  rules: Record<string, 'error'>;
  settings: { tki: TkiSettings };
}

/**
 * `recommended`: the rules marked `recommended`, with known capability packages denied.
 * `strict`: every rule, with every package not on the policy allow list denied (what tki uses
 * on itself). Derived from `meta.docs.recommended`, never listed by hand.
 */
export function rulesFor(rules: Readonly<Record<string, RuleWithDocs>>, level: TkiLevel, prefix: string): Record<string, 'error'> {
  const selected: Record<string, 'error'> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const recommended = rule.meta.docs?.recommended;
    if (recommended === 'recommended' || (level === 'strict' && recommended === 'strict')) selected[`${prefix}/${name}`] = 'error';
  }
  return selected;
}

/** The level's own policy, where no tki.policy.json is found (the same as policy/config.ts's RECOMMENDED_POLICY and STRICT_POLICY). */
export const PRESET_POLICIES: Readonly<Record<TkiLevel, NonNullable<TkiSettings['policy']>>> = {
  recommended: { packages: { deny: 'known' } },
  strict: { packages: { deny: 'unlisted' } },
};

/**
 * The presets read the project's tki.policy.json as tki-guard does (the nearest one at or above
 * the directory ESLint runs in, up to the repository root: policy/locate.ts), so the README's first config and the
 * guard give one verdict; a broken policy is a lint error at 1:1 of each file.
 */
export const PRESET_SETTINGS: Readonly<Record<TkiLevel, TkiSettings>> = {
  recommended: { findPolicy: 'recommended' },
  strict: { findPolicy: 'strict' },
};

/** A config object of `level`; `settings` replaces the preset's policy when given. */
export function configFor(plugin: TkiPluginReference & { readonly rules: Readonly<Record<string, RuleWithDocs>> }, level: TkiLevel, settings: TkiSettings = PRESET_SETTINGS[level]): TkiConfig {
  return {
    name: `tki/${level}`,
    files: [...TKI_FILES],
    ignores: [...TKI_IGNORES],
    plugins: { tki: plugin },
    // The TypeScript parser reads JavaScript too; ESLint's per-extension sourceType defaults stay.
    languageOptions: { parser: tsParser },
    rules: rulesFor(plugin.rules, level, 'tki'),
    settings: { tki: settings },
  };
}
