import { readFileSync } from 'node:fs';
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
    const unreadable: PolicyError = { code: 'policy/invalid_json', file, line: 1, column: 1, message: `cannot read the policy file: ${READ_FAILURES[code] ?? code}` };
    return { ok: false, error: unreadable, errors: [unreadable] };
  }
  return parsePolicyText(text, file);
}
