import path from 'node:path';
import { z } from 'zod';
import { RECOMMENDED_POLICY, policyConfigSchema, type PolicyConfig, type PolicyConfigInput } from '../../policy/index.js';
import { formatPolicyError } from '../../policy/parse.js';
import { loadPolicyFile } from './policy-file.js';

/**
 * `settings.tki` in an ESLint flat config. Plain JSON, so it survives `--concurrency` workers.
 * `policyFile` (a path relative to `root`) wins over an inline `policy`; with neither, the
 * recommended policy applies (known capability packages denied).
 */
export interface TkiSettings {
  readonly policy?: PolicyConfigInput;
  readonly policyFile?: string;
  readonly root?: string;
}

export interface ResolvedSettings {
  readonly policy: PolicyConfig;
  /** Absolute directory that grant and inspectorFiles globs are relative to. */
  readonly root: string;
}

const settingsSchema = z.strictObject({
  policy: z.unknown().optional(),
  policyFile: z.string().min(1).optional(),
  root: z.string().min(1).optional(),
});

/** One resolved policy object per distinct settings, so the detector's memo hits across rules. */
const resolved = new Map<string, ResolvedSettings & { readonly policyFile: string | undefined }>();

/** Throws (a configuration error ESLint shows with the rule name) when the policy is broken. */
export function resolveSettings(settings: Readonly<Record<string, unknown>>, cwd: string): ResolvedSettings {
  const raw = settings['tki'] ?? {};
  const key = `${cwd}\u0000${JSON.stringify(raw)}`;
  const cached = resolved.get(key);
  if (cached !== undefined && cached.policyFile === undefined) return cached;
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid settings.tki: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`);
  }
  const root = path.resolve(cwd, parsed.data.root ?? '.');
  const policyFile = parsed.data.policyFile === undefined ? undefined : path.resolve(root, parsed.data.policyFile);
  const policy = policyOf(parsed.data.policy, policyFile);
  // Keep the same object while the policy file is unchanged, so memoized analyses stay valid.
  if (cached !== undefined && cached.policy === policy) return cached;
  const result: ResolvedSettings & { readonly policyFile: string | undefined } = { policy, root, policyFile };
  resolved.set(key, result);
  return result;
}

function policyOf(inline: unknown, policyFile: string | undefined): PolicyConfig {
  if (policyFile !== undefined) {
    // loadPolicyFile returns the same result object until the file changes.
    const result = loadPolicyFile(policyFile);
    if (!result.ok) throw new Error(formatPolicyError(result.error));
    return result.policy;
  }
  if (inline === undefined) return RECOMMENDED_POLICY;
  const parsed = policyConfigSchema.safeParse(inline);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid tki policy in settings.tki.policy: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** `/`-separated path of `filename` relative to `root`, as grant globs expect. */
export function relativePathOf(filename: string, cwd: string, root: string): string {
  return path.relative(root, path.resolve(cwd, filename)).split(path.sep).join('/');
}
