import { readFileSync, readlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PolicyConfig } from './config.js';
import { normalizeGlob } from './glob.js';
import { parsePolicyText, type PolicyError, type PolicyResult } from './parse.js';

/** Why a policy file could not be read, in words (the errno code alone says little to a user). */
const READ_FAILURES: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory, not a file',
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  ELOOP: 'too many symbolic links',
};

/**
 * Reads and validates a policy file: the one reader of tki-guard and the ESLint plugin, so an
 * unreadable file is the same one-line error at 1:1 in both, never an exception.
 */
export function readPolicyFile(file: string): PolicyResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const unreadable: PolicyError = { code: 'policy/invalid_json', file, line: 1, column: 1, message: `cannot read the policy file: ${danglingLinkOf(file, code) ?? READ_FAILURES[code] ?? code}` };
    return { ok: false, error: unreadable, errors: [unreadable] };
  }
  return policyFromText(text, file);
}

/** For a link whose target is missing, the words that say so (ENOENT alone would read as "no such file" beside a file listed by `ls`). */
function danglingLinkOf(file: string, code: string): string | undefined {
  if (code !== 'ENOENT') return undefined;
  try {
    return `it is a symbolic link to ${readlinkSync(file)}, which does not exist`;
  } catch {
    return undefined;
  }
}

/** A policy file's text, validated, its globs in the matcher's form (relative to the file's directory). */
export function policyFromText(text: string, file: string): PolicyResult {
  const parsed = parsePolicyText(text, file);
  return parsed.ok ? { ok: true, policy: withNormalizedGlobs(parsed.policy, dirname(resolve(file))) } : parsed;
}

/** Every path glob of the policy in the matcher's form (policy/glob.ts normalizeGlob), relative to the policy's directory. */
function withNormalizedGlobs(policy: PolicyConfig, root: string): PolicyConfig {
  const each = (globs: readonly string[]): string[] => globs.map((glob) => normalizeGlob(glob, root));
  return { ...policy, grants: policy.grants.map((grant) => ({ ...grant, files: each(grant.files) })), inspectorFiles: each(policy.inspectorFiles), ignore: each(policy.ignore) };
}
