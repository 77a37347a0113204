import path from 'node:path';
import { z } from 'zod';
import { RECOMMENDED_POLICY, STRICT_POLICY, type PolicyConfig, type PolicyConfigInput } from '../../policy/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { locatePolicy } from '../../policy/locate.js';
import { realPathOr } from '../../policy/real-path.js';
import { formatPolicyError } from '../../policy/parse.js';
import { LOADED_TYPESCRIPT_PROBLEM } from '../typescript-support.js';
import { loadPolicyFile } from './policy-file.js';

/**
 * `settings.tki` in an ESLint flat config. Plain JSON, so it survives `--concurrency` workers.
 * `policyFile` (a path relative to `root`) wins over an inline `policy`; with neither, the
 * recommended policy applies (known capability packages denied). `tki.configure(import.meta.url)`
 * writes both as absolute paths, so they do not depend on the directory ESLint runs in.
 * `findPolicy` (what `configs.recommended` and `configs.strict` set) applies when neither
 * `policyFile` nor `policy` is given: the nearest tki.policy.json at or above the linted file's
 * directory (as ESLint finds its own config), found as tki-guard finds it (policy/locate.ts), its directory the root; with none,
 * the named level's defaults (RECOMMENDED_POLICY or STRICT_POLICY), as tki-guard's `--level`.
 */
export interface TkiSettings {
  readonly policy?: PolicyConfigInput;
  readonly policyFile?: string;
  readonly root?: string;
  readonly findPolicy?: 'recommended' | 'strict';
}

export interface ResolvedSettings {
  readonly policy: PolicyConfig;
  /** Absolute directory that grant and inspectorFiles globs are relative to. */
  readonly root: string;
}

/** Settings or the problems that stop the rules, one line each (`file:line:col: …` for a policy file). */
export type SettingsResult = ({ readonly ok: true } & ResolvedSettings) | { readonly ok: false; readonly problems: readonly string[] };

const settingsSchema = z.strictObject({
  policy: z.unknown().optional(),
  policyFile: z.string().min(1).optional(),
  root: z.string().min(1).optional(),
  findPolicy: z.enum(['recommended', 'strict']).optional(),
});

/** One resolved result per distinct settings, so the detector's memo hits across rules. */
const resolved = new Map<string, SettingsResult & { readonly policyFile: string | undefined }>();

/**
 * Never throws: a broken policy is reported by the rules as a lint message at 1:1 of each file,
 * since anything thrown inside a rule reaches the user as an ESLint crash with a stack trace.
 */
export function resolveSettings(settings: Readonly<Record<string, unknown>>, cwd: string, fileDirectory: string = cwd): SettingsResult {
  // An unsupported TypeScript would crash inside a rule or match nothing: one message instead.
  if (LOADED_TYPESCRIPT_PROBLEM !== undefined) return { ok: false, problems: [LOADED_TYPESCRIPT_PROBLEM] };
  const raw = settings['tki'] ?? {};
  const key = `${cwd}\u0000${fileDirectory}\u0000${JSON.stringify(raw)}`;
  const cached = resolved.get(key);
  const finds = typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)['findPolicy'] !== undefined;
  if (cached !== undefined && cached.policyFile === undefined && !finds) return cached;
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `invalid settings.tki: ${issue.path.join('.') || '(root)'}: ${issue.message}`) };
  }
  // Searched on every call (a few stat calls), so an editor sees a policy file created later; from
  // the file, not the working directory, so a file's verdict does not depend on where ESLint runs.
  const finding = parsed.data.findPolicy !== undefined && parsed.data.policyFile === undefined && parsed.data.policy === undefined;
  const found = finding ? locatePolicy([fileDirectory]) : undefined;
  const root = found?.kind === 'file' ? found.root : path.resolve(cwd, parsed.data.root ?? '.');
  const named = found?.kind === 'file' ? found.file : parsed.data.policyFile;
  const policyFile = named === undefined ? undefined : path.resolve(root, named);
  const policy = parsed.data.findPolicy === 'strict' && found?.kind === 'defaults' ? { ok: true as const, policy: STRICT_POLICY } : policyOf(parsed.data.policy, policyFile);
  // Keep the same object while the policy file is unchanged, so memoized analyses stay valid.
  if (cached !== undefined && cached.ok && policy.ok && cached.policy === policy.policy) return cached;
  const result = policy.ok ? { ok: true as const, policy: policy.policy, root, policyFile } : { ok: false as const, problems: policy.problems, policyFile };
  resolved.set(key, result);
  return result;
}

function policyOf(inline: unknown, policyFile: string | undefined): { ok: true; policy: PolicyConfig } | { ok: false; problems: readonly string[] } {
  if (policyFile !== undefined) {
    // loadPolicyFile returns the same result object until the file changes.
    const result = loadPolicyFile(policyFile);
    if (!result.ok) {
      const hint = result.error.message.startsWith('cannot read') ? ' (a policyFile named explicitly must exist; without one, `tki.configure(import.meta.url)` uses the nearest tki.policy.json at or above the config file, else the defaults)' : '';
      return { ok: false, problems: result.errors.map((error) => `${formatPolicyError(error)}${hint}`) };
    }
    return { ok: true, policy: result.policy };
  }
  if (inline === undefined) return { ok: true, policy: RECOMMENDED_POLICY };
  const parsed = policyConfigSchema.safeParse(inline);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `invalid tki policy in settings.tki.policy: ${issue.path.join('.')}: ${issue.message}`) };
}

/**
 * `/`-separated path of `filename` relative to `root`, as grant globs expect, both by their real
 * paths (policy/real-path.ts), so a file linted through a symlink gets the grants tki-guard gives it.
 */
export function relativePathOf(filename: string, cwd: string, root: string): string {
  return path.relative(realPathOr(root), realPathOr(path.resolve(cwd, filename))).split(path.sep).join('/');
}
