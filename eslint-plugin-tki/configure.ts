import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locatePolicy, projectRootFor } from '../policy/locate.js';
import { realPathOr } from '../policy/real-path.js';
import { PRESET_POLICIES, type TkiLevel } from './configs.js';
import type { TkiSettings } from './util/index.js';

export interface ConfigureOptions {
  /** `recommended` (default) or `strict`. */
  readonly level?: TkiLevel;
  /**
   * The policy file, relative to the config file's directory; it must exist. Default: the nearest
   * `tki.policy.json` at or above the config file's directory, as tki-guard finds it, else the
   * level's defaults.
   */
  readonly policyFile?: string;
}

export interface ConfiguredSettings {
  readonly level: TkiLevel;
  readonly settings: TkiSettings;
}

const LEVELS: readonly TkiLevel[] = ['recommended', 'strict'];
const OPTION_NAMES = ['level', 'policyFile'];

/** A mistake in `tki.configure()`'s arguments: ESLint prints its message alone (no stack trace). */
export class ConfigureError extends Error {
  constructor(problem: string) {
    super(`tki.configure(): ${problem}`);
    this.name = 'ConfigureError';
    // ESLint prints a config-load error's `stack` when it has one: make that the one line.
    this.stack = this.message;
  }
}

/** Every problem with the arguments, one line each (empty when they are good). */
export function configureProblems(configFile: unknown, options: unknown): string[] {
  const problems: string[] = [];
  if (!(configFile instanceof URL) && (typeof configFile !== 'string' || configFile === '')) {
    problems.push(`the first argument must be the config file's location (import.meta.url in ESM, __filename in CommonJS), not ${JSON.stringify(configFile) ?? String(configFile)}`);
  }
  if (options === undefined) return problems;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return [...problems, 'the options must be an object ({ level, policyFile })'];
  for (const key of Object.keys(options).filter((name) => !OPTION_NAMES.includes(name))) problems.push(`unknown option "${key}" (known: ${OPTION_NAMES.join(', ')})`);
  const { level, policyFile } = options as Record<string, unknown>;
  if (level !== undefined && !LEVELS.includes(level as TkiLevel)) problems.push(`unknown level ${JSON.stringify(level)} (one of: ${LEVELS.join(', ')})`);
  if (policyFile !== undefined && (typeof policyFile !== 'string' || policyFile === '')) problems.push(`policyFile must be a non-empty path, not ${JSON.stringify(policyFile)}`);
  return problems;
}

/**
 * ESLint rules see the working directory, never the config file's path; so the config says where
 * it is (`import.meta.url` in ESM, `__filename` in CommonJS) and every path it names is made
 * absolute here. The policy is found as tki-guard finds it (policy/locate.ts); grant globs are
 * relative to the policy file's directory, wherever ESLint runs. Throws a ConfigureError, at
 * config load, for arguments that are not what the types say.
 */
export function configuredSettings(configFile: string | URL, options: ConfigureOptions = {}): ConfiguredSettings {
  const problems = configureProblems(configFile, options);
  if (problems.length > 0) throw new ConfigureError(problems.join('; '));
  const file = configFile instanceof URL || configFile.startsWith('file:') ? fileURLToPath(configFile) : path.resolve(configFile);
  const directory = path.dirname(file);
  const level = options.level ?? 'recommended';
  // Named explicitly: that file, and a missing one is an error (reported by the rules). Its globs
  // are anchored as tki-guard's `--policy` anchors them (policy/locate.ts projectRootFor).
  if (options.policyFile !== undefined) {
    const policyFile = path.resolve(directory, options.policyFile);
    return { level, settings: { policyFile, root: projectRootFor(realPathOr(directory), realPathOr(policyFile)) } };
  }
  const location = locatePolicy([directory]);
  if (location.kind === 'file') return { level, settings: { policyFile: location.file, root: location.root } };
  // The level's policy alone: configure() searched from the config file, never from the working directory.
  return { level, settings: { policy: PRESET_POLICIES[level], root: directory } };
}
