import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from '../../policy/typescript.cjs';
import { evaluatePath } from './entry-path.js';
import { isCreateRequire } from './module-loads.js';
import { hasExportModifier, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** `createRequire` is judged where it is called, like a flag-sensitive member (scope-declarations.ts). */
export function isJudgedCreateRequire(specifier: string, member: string): boolean {
  return specifier === 'node:module' && member === 'createRequire';
}

/**
 * `createRequire(base)` whose result is kept as a loader, `const load = createRequire(…)` or
 * `createRequire(…)('./x')`: every load through it is an edge of its own (resolved against the
 * base, `rebasedSpecifier`), a computed one UNANALYZED, and any other use of the function is
 * UNANALYZED (analyzer.ts): the call itself compiles nothing. Anywhere else (`return
 * createRequire(u)`, an argument) the loader escapes and the member is judged by its row.
 */
export function judgeCreateRequireCall(walker: Walker, call: ts.CallExpression): void {
  if (!isCreateRequire(call.expression, walker.scope)) return;
  const parent = walker.ancestors[walker.ancestors.length - 2];
  // An exported `const` hands the loader to other modules, which may load anything through it.
  const declared = parent !== undefined && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.initializer === call && !isExported(walker.ancestors);
  const keptAsLoader = declared || (parent !== undefined && ts.isCallExpression(parent) && skipOuter(parent.expression) === call);
  if (keptAsLoader) walker.judgedCallees.add(skipOuter(call.expression));
}

/**
 * The base a `createRequire` loader resolves against, for a load through it: the argument of
 * `createRequire(base)(…)`, or of the call that initialized the `const` it was called through.
 */
function createRequireBase(walker: Walker, call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isCallExpression(callee)) return callee.arguments[0];
  const binding = ts.isIdentifier(callee) ? walker.scope.lookup(callee.text) : undefined;
  if (binding?.kind !== 'require' || binding.via !== 'create-require' || !ts.isVariableDeclaration(binding.declaration)) return undefined;
  const initializer = binding.declaration.initializer === undefined ? undefined : skipOuter(binding.declaration.initializer);
  return initializer !== undefined && ts.isCallExpression(initializer) ? initializer.arguments[0] : undefined;
}

/**
 * A relative specifier loaded through `createRequire(base)`, rewritten relative to this module,
 * as Node resolves it: against the folder of `base` (a file URL or absolute path), or `base`
 * itself when it ends with `/` (`new URL('./lib/', import.meta.url)`). A bare or builtin
 * specifier is returned as written. Null: the base is not provable, so neither is the file.
 */
export function rebasedSpecifier(walker: Walker, call: ts.CallExpression, specifier: string): string | null {
  if (!/^\.{1,2}(\/|$)/.test(specifier)) return specifier;
  const fileName = path.posix.isAbsolute(walker.sourceFile.fileName) ? walker.sourceFile.fileName : `/${walker.sourceFile.fileName}`;
  const baseNode = createRequireBase(walker, call);
  const base = baseNode === undefined ? undefined : evaluatePath(baseNode, { fileName, scope: walker.scope, ancestors: walker.ancestors });
  if (base === undefined || !base.anchored || base.form === 'specifier') return null;
  let basePath: string;
  try {
    basePath = base.form === 'url' ? fileURLToPath(base.text) : base.text;
  } catch {
    return null;
  }
  const folder = basePath.endsWith('/') ? basePath : path.posix.dirname(basePath);
  const relative = path.posix.relative(path.posix.dirname(fileName), path.posix.join(folder, specifier));
  const trailing = specifier.endsWith('/') && relative !== '' ? '/' : '';
  if (relative === '') return './';
  return (relative === '..' || relative.startsWith('../') ? relative : `./${relative}`) + trailing;
}

/**
 * `createRequire(base)('./x')`: the inner call is not visited by the load, so its callee and base are
 * judged here. The loader is called at once, so it is kept as a loader wherever the walk meets the
 * load: a load read as a member (`createRequire(u)('child_process').execSync`) is recorded from the
 * member access, with the load call itself off the walk's ancestors, where `judgeCreateRequireCall`
 * cannot see it is called.
 */
export function visitImmediateCreateRequire(walker: Walker, call: ts.CallExpression): void {
  const callee = skipOuter(call.expression);
  if (!ts.isCallExpression(callee) || !isCreateRequire(callee.expression, walker.scope)) return;
  walker.judgedCallees.add(skipOuter(callee.expression));
  walker.visit(callee, call);
}

/** The variable statement around the declaration being visited carries `export` (files may be parsed without parent pointers). */
function isExported(ancestors: readonly ts.Node[]): boolean {
  const statement = ancestors.slice(-5).findLast((node) => ts.isVariableStatement(node));
  return statement !== undefined && hasExportModifier(statement);
}
