import { lstatSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { RECOMMENDED_POLICY, type PolicyConfig } from '../../policy/index.js';
import { realPathOr } from '../../policy/real-path.js';
import { POLICY_FILE_NAME, projectRootFor } from '../../policy/project-root.js';
import { ok, type Outcome } from '../errors.js';
import type { InputRequest } from './inputs.js';

export { POLICY_FILE_NAME, projectRootFor };

export interface LoadedPolicy {
  readonly policy: PolicyConfig;
  /** The file it came from; `null` means the defaults (no policy file found). */
  readonly file: string | null;
}

/**
 * Where the policy search starts: from what the run analyzes, never from where it is started
 * (red team round 9: `tki-guard packages/a/src` at the root and `cd packages/a && tki-guard src`
 * read different policies). With paths, the deepest directory holding every named path (a named
 * file counts as its directory); with a tsconfig, the deepest directory holding every file it
 * brings (`files`, when known: a tsconfig in `config/` that includes `../src/**` is judged where
 * `src/` is, as ESLint judges those files), else the tsconfig's directory. The working directory
 * takes no part.
 */
export function policySearchStart(input: InputRequest, cwd: string, files?: readonly string[]): string {
  if (input.kind === 'project') {
    const directories = (files ?? []).map((file) => dirname(file));
    return directories.length === 0 ? realPathOr(dirname(resolve(cwd, input.tsconfig))) : directories.reduce(commonDirectory);
  }
  const directories = input.paths.map((path) => {
    const absolute = realPathOr(resolve(cwd, path));
    return isDirectory(absolute) ? absolute : dirname(absolute);
  });
  return directories.reduce(commonDirectory, directories[0] ?? cwd);
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function commonDirectory(a: string, b: string): string {
  let common = a;
  while (common !== b && !b.startsWith(common.endsWith(sep) ? common : `${common}${sep}`)) common = dirname(common);
  return common;
}

/** The policy a run without a policy file uses: the same defaults as the plugin's `configs.recommended`. */
const DEFAULT_POLICY: LoadedPolicy = { policy: RECOMMENDED_POLICY, file: null };

/**
 * The project's policy (guard/load/policy-file.ts: the file named with `--policy`, else the one
 * the plugin's rule finds, validated; else the defaults). Asynchronous because that reader, and zod
 * with it (about 95 modules), loads only when there may be a file to read (issue #11: the start-up
 * of a run on the defaults).
 */
export async function loadPolicy(starts: readonly string[], named?: string): Promise<Outcome<LoadedPolicy>> {
  if (named === undefined && !starts.some(hasPolicyFileAbove)) return ok(DEFAULT_POLICY);
  return (await import('./policy-file.js')).loadPolicySync(starts, named);
}

/**
 * Whether a tki.policy.json (a file, or a link, dangling or not) is at or above `start`, up to the
 * file system's root. Wider than policy/locate.ts's search, which stops at the repository root and
 * may pass a file by: where this finds nothing, that search finds nothing either.
 */
function hasPolicyFileAbove(start: string): boolean {
  for (let directory = resolve(start); ; directory = dirname(directory)) {
    if (lstatSync(join(directory, POLICY_FILE_NAME), { throwIfNoEntry: false }) !== undefined) return true;
    if (dirname(directory) === directory) return false;
  }
}
