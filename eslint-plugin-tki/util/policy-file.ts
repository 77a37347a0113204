import { readFileSync, statSync } from 'node:fs';
import { parsePolicyText, type PolicyError, type PolicyResult } from '../../policy/parse.js';

/**
 * The plugin's only file access: the policy file named in `settings.tki.policyFile`.
 * Cached per path and modification time, so a long-lived editor server sees edits.
 */
const cache = new Map<string, { readonly mtimeMs: number; readonly result: PolicyResult }>();

export function loadPolicyFile(file: string): PolicyResult {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const unreadable: PolicyError = { code: 'policy/invalid_json', file, line: 1, column: 1, message: `cannot read the policy file (${reason})` };
    return { ok: false, error: unreadable, errors: [unreadable] };
  }
  const cached = cache.get(file);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.result;
  const result = parsePolicyText(readFileSync(file, 'utf8'), file);
  cache.set(file, { mtimeMs, result });
  return result;
}
