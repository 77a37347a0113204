import type ts from '../../policy/typescript.cjs';
import { canonicalBuiltin } from '../../policy/index.js';
import { tsv } from './typescript-values.js';

/**
 * `require('node:module').prototype` is DYNAMIC_CODE: replacing `require`, `load` or `_compile` there
 * changes what every module loads or compiles. A helper added under a fresh name
 * (`Module.prototype.rt20len = (s) => s.length`, red team round 20) is read only by code that names it:
 * the loader never calls it, so the write itself reaches nothing (choice 97). A name the loader or the
 * object protocol reads stays judged, as does any `_` name (Node's own internals are spelled so) and a
 * computed key.
 */
const LOADER_KEYS: ReadonlySet<string> = new Set([
  // Module.prototype's own members (Node 20–24) and the fields each module instance carries.
  'constructor', 'isPreloading', 'parent', 'load', 'require', 'id', 'path', 'exports', 'filename', 'loaded', 'children', 'paths',
  // Read on any object by the language and by Node's inspection of values.
  ...Object.getOwnPropertyNames(Object.prototype), 'then', 'toJSON',
]);

/** True when `access` is `<node:module>.prototype` and the whole statement is `….prototype.fresh = value`. */
export function isFreshModulePrototypeHelper(specifier: string, access: ts.Node, ancestors: readonly ts.Node[]): boolean {
  if (canonicalBuiltin(specifier) !== 'node:module') return false;
  const at = ancestors.lastIndexOf(access);
  const member = ancestors[at - 1];
  const write = ancestors[at - 2];
  if (at < 2 || member === undefined || write === undefined || !tsv.isPropertyAccessExpression(member) || member.expression !== access) return false;
  if (!tsv.isBinaryExpression(write) || write.left !== member || write.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return false;
  return isFreshLoaderKey(member.name.text);
}

/**
 * A name neither the loader nor the object protocol reads, nor one of Node's `_` internals: on
 * `Module.prototype` it holds only what the program wrote there (each write judged where it is written),
 * so `module.rt20len(…)` reads a helper, not the loader handed on.
 */
export function isFreshLoaderKey(key: string): boolean {
  return !key.startsWith('_') && !LOADER_KEYS.has(key);
}
