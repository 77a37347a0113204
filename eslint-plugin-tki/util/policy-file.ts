import { statSync } from 'node:fs';
import type { PolicyResult } from '../../policy/parse.js';
import { readPolicyFile } from '../../policy/read.js';

/**
 * The plugin's only file access: the policy file named in `settings.tki.policyFile`.
 * Cached per path and modification time, so a long-lived editor server sees edits.
 */
const cache = new Map<string, { readonly mtimeMs: number; readonly result: PolicyResult }>();

export function loadPolicyFile(file: string): PolicyResult {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // Missing or unreachable: the shared reader words the error.
    return readPolicyFile(file);
  }
  const cached = cache.get(file);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.result;
  const result = readPolicyFile(file);
  cache.set(file, { mtimeMs, result });
  return result;
}
