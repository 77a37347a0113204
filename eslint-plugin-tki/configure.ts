import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TkiLevel } from './configs.js';

export interface ConfigureOptions {
  /** `recommended` (default) or `strict`. */
  readonly level?: TkiLevel;
  /** The policy file, relative to the config file's directory. Default: `tki.policy.json`. */
  readonly policyFile?: string;
}

export interface ConfiguredSettings {
  readonly level: TkiLevel;
  readonly settings: { readonly policyFile: string; readonly root: string };
}

/**
 * ESLint rules see the working directory, never the config file's path; so the config says where
 * it is (`import.meta.url` in ESM, `__filename` in CommonJS) and every path it names is made
 * absolute here. Grant globs are then relative to the config's directory, wherever ESLint runs.
 */
export function configuredSettings(configFile: string | URL, options: ConfigureOptions = {}): ConfiguredSettings {
  const file = configFile instanceof URL || configFile.startsWith('file:') ? fileURLToPath(configFile) : path.resolve(configFile);
  const root = path.dirname(file);
  return { level: options.level ?? 'recommended', settings: { policyFile: path.resolve(root, options.policyFile ?? 'tki.policy.json'), root } };
}
