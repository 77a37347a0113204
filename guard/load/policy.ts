import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { RECOMMENDED_POLICY, type PolicyConfig } from '../../policy/index.js';
import { realPathOr } from '../../policy/real-path.js';
import { POLICY_FILE_NAME, locatePolicy, projectRootFor } from '../../policy/locate.js';
import { formatPolicyErrors } from '../../policy/parse.js';
import { readPolicyFile } from '../../policy/read.js';
import { fail, ok, type Outcome } from '../errors.js';
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

/**
 * The project's policy file, found by the plugin's rule (policy/locate.ts: the nearest
 * tki.policy.json walking up from each start directory, up to the repository root), validated;
 * without one, the same defaults as the plugin's `configs.recommended`. A file named with
 * `--policy` is read as it is, never searched for (a missing one is an error, not the defaults).
 */
export function loadPolicy(starts: readonly string[], named?: string): Outcome<LoadedPolicy> {
  const location = named === undefined ? locatePolicy(starts) : { kind: 'file' as const, file: realPathOr(resolve(named)) };
  if (location.kind === 'defaults') return ok({ policy: RECOMMENDED_POLICY, file: null });
  const parsed = readPolicyFile(location.file);
  if (!parsed.ok) return fail({ code: 'policy/invalid', detail: formatPolicyErrors(parsed.errors) });
  return ok({ policy: parsed.policy, file: location.file });
}

/** projectRootFor without reading the policy (`--watch` picks the directory it watches before the first run). */
export function locateProjectRoot(inputsRoot: string, searchStart: string, named?: string): string {
  if (named !== undefined) return projectRootFor(inputsRoot, realPathOr(named));
  const location = locatePolicy([searchStart]);
  return location.kind === 'file' ? projectRootFor(searchStart, location.file) : projectRootFor(inputsRoot, null);
}
