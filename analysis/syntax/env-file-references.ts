import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { evaluatePath, moduleSpecifierOf } from './entry-path.js';
import { pathContext } from './entry-path-follow.js';
import { processMemberName } from './module-loads.js';
import type { Walker } from './walker.js';

/**
 * `process.loadEnvFile(path.join(__dirname, 'child.env'))`: a file placed beside the program's code
 * is read into `process.env`, and every Node child started afterwards, from any module, inherits
 * what it sets. Like `node --env-file=x` (env-file-loads.ts, choice 87) it is an `env-file`
 * reference the guard reads: a file naming none of the judged variables (`NODE_OPTIONS`, `NODE_PATH`…)
 * is nothing to follow, and one naming them is UNANALYZED at the load, whichever module starts the
 * child (choice 97). A path relative to the working directory, a URL, or no path (`./.env` of the
 * working directory) cannot be placed and stays the per-file load of env-file-loads.ts.
 */
export function placedEnvFileOf(walker: Walker, call: ts.CallExpression): string | undefined {
  if (processMemberName(call.expression, walker.scope, GLOBAL_OBJECT_NAMES) !== 'loadEnvFile') return undefined;
  const [file] = call.arguments;
  if (file === undefined || ts.isSpreadElement(file)) return undefined;
  const context = pathContext(walker);
  const value = evaluatePath(file, context);
  return value?.anchored === true && value.form === 'path' ? moduleSpecifierOf(value, context.fileName) : undefined;
}

/** The walk's hook at every call: a placed env-file load becomes an `env-file` reference. */
export function referenceLoadedEnvFile(walker: Walker, call: ts.CallExpression): void {
  const specifier = placedEnvFileOf(walker, call);
  if (specifier !== undefined) walker.addReference(specifier, 'env-file', false, call);
}
