import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, LOADER_RECORD_WRITABLE_MEMBERS, LOADER_SEARCH_ARRAYS, NON_MUTATING_ARRAY_METHODS } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { modeledFilenameRebase } from './loader-rebase.js';
import { globalName, isProcessObject, requireFunction } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * The CommonJS loader's writable state (policy/globals.ts, LOADER_RECORD_WRITABLE_MEMBERS): Node
 * resolves every later `require()` of a module through its record's live `filename`, `id` and
 * `paths`. A write to them, or an in-place change of a `paths` array, makes the names of later loads
 * mean other files, so it is judged like the loader handed on: UNANALYZED where it is written. The
 * one change the guard follows is a provable top-level `module.filename = …` (loader-rebase.ts).
 */
const REASON = 'the CommonJS loader resolves later `require()` calls through this field (relative names against `filename`, bare names through `paths`): changing it changes which files they load';

type Member = ts.PropertyAccessExpression | ts.ElementAccessExpression;

function isMember(node: ts.Node): node is Member {
  return tsv.isPropertyAccessExpression(node) || tsv.isElementAccessExpression(node);
}

/**
 * The name of a module record of the loader that `expression` denotes: this module's `module`,
 * `require.main`, `process.mainModule`, a record's `parent`, an entry of `require.cache` or of a
 * record's `children`. Undefined: not one (as far as the syntax shows).
 */
export function loaderRecordName(expression: ts.Expression, scope: Scope): string | undefined {
  const inner = skipOuter(expression);
  if (globalName(inner, scope, GLOBAL_OBJECT_NAMES) === 'module') return 'module';
  if (!isMember(inner)) return undefined;
  const key = constantKey(inner, scope);
  const base = skipOuter(inner.expression);
  if (key === 'main' && requireFunction(base, scope, GLOBAL_OBJECT_NAMES) !== undefined) return 'require.main';
  if (key === 'mainModule' && isProcessObject(base, scope, GLOBAL_OBJECT_NAMES)) return 'process.mainModule';
  if (key === 'parent') {
    const record = loaderRecordName(base, scope);
    if (record !== undefined) return `${record}.parent`;
  }
  if (isMember(base)) {
    const table = constantKey(base, scope);
    if (table === 'cache' && requireFunction(base.expression, scope, GLOBAL_OBJECT_NAMES) !== undefined) return 'require.cache[…]';
    const owner = table === 'children' ? loaderRecordName(base.expression, scope) : undefined;
    if (owner !== undefined) return `${owner}.children[…]`;
  }
  return undefined;
}

/** `R.paths` of a loader record `R`: the name, else undefined. */
function searchArrayName(expression: ts.Expression, scope: Scope): string | undefined {
  const inner = skipOuter(expression);
  if (!isMember(inner)) return undefined;
  const key = constantKey(inner, scope);
  if (key === null || !LOADER_SEARCH_ARRAYS.includes(key)) return undefined;
  const record = loaderRecordName(inner.expression, scope);
  return record === undefined ? undefined : `${record}.${key}`;
}

/** The loader state an assignment target writes (`module.filename`, `module.paths[0]`, `require.main.paths.length`). */
function writtenState(target: Member, scope: Scope): string | undefined {
  const key = constantKey(target, scope);
  const record = loaderRecordName(target.expression, scope);
  if (record !== undefined) return key !== null && LOADER_RECORD_WRITABLE_MEMBERS.includes(key) ? undefined : `${record}.${key ?? '[…]'}`;
  return searchArrayName(target.expression, scope);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= tsv.SyntaxKind.FirstAssignment && kind <= tsv.SyntaxKind.LastAssignment;
}

/** `module.filename = …`, `require.main.paths = […]`, `module.paths[0] = dir`: UNANALYZED unless the rebase is followed. */
export function judgeLoaderStateWrite(walker: Walker, node: ts.BinaryExpression): void {
  if (!isAssignment(node.operatorToken.kind)) return;
  const target = skipOuter(node.left);
  if (!isMember(target)) return;
  const state = writtenState(target, walker.scope);
  if (state === undefined) return;
  if (state === 'module.filename' && modeledFilenameRebase(walker)?.statement.expression === node) return;
  walker.report.unanalyzed(node.left, state, REASON);
}

/**
 * `module.paths.unshift(dir)` (any method of a search array but a reader), and a search array
 * handed to a call (`Array.prototype.push.call(module.paths, dir)`, `add(module.paths)`), where
 * the callee may change it.
 */
export function judgeLoaderStateCall(walker: Walker, call: ts.CallExpression): void {
  const callee = skipOuter(call.expression);
  if (isMember(callee)) {
    const array = searchArrayName(callee.expression, walker.scope);
    const method = constantKey(callee, walker.scope);
    if (array !== undefined && (method === null || !NON_MUTATING_ARRAY_METHODS.includes(method))) {
      walker.report.unanalyzed(call, `${array}.${method ?? '[…]'}(…)`, REASON);
      return;
    }
  }
  for (const argument of call.arguments) {
    const array = searchArrayName(argument, walker.scope);
    if (array !== undefined) walker.report.unanalyzed(argument, array, `${REASON}; handed to a call that may change it`);
  }
}

/**
 * `require.main.require('./x')`, `module.parent.require('./x')`: another record's loader resolves a
 * relative name against that module's folder, which this file does not know (the main module's is
 * only known at run time). The edge is kept as written; the load is UNANALYZED.
 */
export function judgeForeignRecordRequire(walker: Walker, call: ts.CallExpression, specifier: string): void {
  if (!/^\.{1,2}(\/|$)/.test(specifier)) return;
  let callee = skipOuter(call.expression);
  if (tsv.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply')) callee = skipOuter(callee.expression);
  if (!isMember(callee) || constantKey(callee, walker.scope) !== 'require') return;
  const record = loaderRecordName(callee.expression, walker.scope);
  if (record === undefined || record === 'module') return;
  walker.report.unanalyzed(call, `${record}.require('${specifier}')`, "another module's loader resolves a relative name against that module's folder, not this file's");
}
