import { dirname, resolve as resolvePath } from 'node:path';
import type { FileProbe } from './file-probe.js';
import type { Resolution } from './types.js';

/**
 * Variables the guard judges in a child's environment (choice 87): `NODE_OPTIONS` (preloads),
 * `NODE_PATH` and `NODE_PRESERVE_SYMLINKS` (where modules are found), and the startup files of a
 * shell the child may start (`BASH_ENV`, `ENV`). Matched as a word anywhere in the file, comments
 * and quoted text included: a near miss fails closed, never open.
 */
const JUDGED_VARIABLES = /(?<![A-Za-z0-9_])(NODE_OPTIONS|NODE_PATH|NODE_PRESERVE_SYMLINKS|BASH_ENV|ENV)(?![A-Za-z0-9_])/;

/**
 * `node --env-file=./rt.env`, written relative to the program's code (env-file-loads.ts): a file
 * that exists beside the code and names none of the judged variables changes nothing the guard
 * judges, so there is nothing to follow. A file that is missing (it may be written at run time),
 * unreadable, or names one of them is an unresolved edge: UNANALYZED, as before the file was read.
 */
export function resolveEnvFile(probe: FileProbe, specifier: string, fromFile: string): Resolution {
  if (!specifier.startsWith('.')) return { targets: [] };
  const file = resolvePath(dirname(fromFile), specifier);
  const text = probe.isFile(file) ? probe.readText(file) : undefined;
  if (text === undefined || JUDGED_VARIABLES.test(text)) return { targets: [] };
  return { targets: [], externalProgram: true };
}
