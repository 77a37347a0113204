import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { BUILTIN_MEMBER_ROWS, BUILTIN_MODULE_ROWS, GLOBAL_OBJECT_MEMBERS, GLOBAL_OBJECT_NAMES, OPEN_CONSTANT_SOURCES, canonicalBuiltin } from '../../policy/index.js';
import { constantKey, constantString } from './constants.js';
import type { Scope } from './scope.js';
import { literalString, skipOuter } from './syntax.js';
import type { ReferenceKind } from './types.js';
import { webpackLoadOf, withoutModuleDefault } from './interop-index.js';
import { requireWrapperArguments } from './require-wrappers.js';

/** A call that loads a module, and the expression naming the module (undefined: none given). */
export interface ModuleLoad {
  readonly kind: ReferenceKind;
  readonly specifier: ts.Expression | undefined;
  /** The argument nodes consumed as the specifier (not visited again). */
  readonly consumed: ReadonlySet<ts.Node>;
}

// `node:constants` is pure, but its bindings are tracked so `constants.O_RDONLY` can be read as an open flag.
// Every builtin with a capability is tracked (`node:child_process` too, whose members all share its
// row): a binding is then judged by its uses, so one nothing uses reaches nothing (choice 34).
const TRACKED_BUILTINS = new Set<string>([
  'node:process',
  ...BUILTIN_MEMBER_ROWS.map((row) => row.specifier),
  ...OPEN_CONSTANT_SOURCES.modules,
  ...BUILTIN_MODULE_ROWS.filter((row) => row.capabilities.length > 0).map((row) => row.specifier),
]);

/** Builtins bound by name are followed per member (a member without a row of its own has the module's). */
export function trackedBuiltin(specifier: string): string | undefined {
  const canonical = canonicalBuiltin(specifier);
  return canonical !== undefined && TRACKED_BUILTINS.has(canonical) ? canonical : undefined;
}

/**
 * The name of the global a (possibly `globalThis.`-qualified) expression denotes, if unshadowed.
 * `window.self.top`, `document.defaultView` and `globalThis[k]` with a constant `k` all count.
 */
export function globalName(expression: ts.Expression, scope: Scope, globalObjects: readonly string[]): string | undefined {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (binding === undefined) return inner.text;
    return binding.kind === 'global-alias' ? binding.name : undefined;
  }
  // Sloppy `this` where the function may be called without a receiver is the global object (sloppy-this.ts).
  if (inner.kind === tsv.SyntaxKind.ThisKeyword) return scope.thisMayBeGlobal() ? globalObjects[0] : undefined;
  if (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) {
    const base = globalName(inner.expression, scope, globalObjects);
    const key = constantKey(inner, scope);
    if (base === undefined || key === null) return undefined;
    if (globalObjects.includes(base)) return key;
    // `document.defaultView` is the window. A loop, not a closure: this runs at every member access.
    for (const [global, member] of GLOBAL_OBJECT_MEMBERS) if (global === base && member === key) return globalObjects[0];
  }
  return undefined;
}

/** `process` (global or imported from `node:process`) as the base of a member access. */
export function isProcessObject(expression: ts.Expression, scope: Scope, globalObjects: readonly string[]): boolean {
  const inner = withoutModuleDefault(skipOuter(expression), scope);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (binding?.kind === 'module') return binding.specifier === 'node:process';
  }
  return globalName(inner, scope, globalObjects) === 'process';
}

/** `process.exit`, `process['exit']`, or `exit` imported from `node:process`. */
export function isProcessMember(callee: ts.Expression, member: string, scope: Scope, globalObjects: readonly string[]): boolean {
  return processMemberName(callee, scope, globalObjects) === member;
}

/** The member of `process` an expression is (`process.exit`, `process['exit']`, `exit` imported from `node:process`): one resolution for passes that ask about several members. */
export function processMemberName(expression: ts.Expression, scope: Scope, globalObjects: readonly string[]): string | undefined {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    return binding?.kind === 'member' && binding.specifier === 'node:process' ? binding.member : undefined;
  }
  if (!tsv.isPropertyAccessExpression(inner) && !tsv.isElementAccessExpression(inner)) return undefined;
  const key = constantKey(inner, scope);
  return key !== null && isProcessObject(inner.expression, scope, globalObjects) ? key : undefined;
}

/** Is `expression` a `require` function: the global, an alias, `module.require`, `process.mainModule.require`, … */
export function requireFunction(expression: ts.Expression, scope: Scope, globalObjects: readonly string[]): 'require' | 'create-require' | undefined {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (binding?.kind === 'require') return binding.via;
  }
  if (globalName(inner, scope, globalObjects) === 'require') return 'require';
  if ((tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && constantKey(inner, scope) === 'require') {
    const base = skipOuter(inner.expression);
    if (globalName(base, scope, globalObjects) === 'module') return 'require';
    if ((tsv.isPropertyAccessExpression(base) || tsv.isElementAccessExpression(base)) && ['mainModule', 'main', 'parent'].includes(constantKey(base, scope) ?? '')) {
      const owner = base.expression;
      if (isProcessObject(owner, scope, globalObjects) || requireFunction(owner, scope, globalObjects) !== undefined || globalName(owner, scope, globalObjects) === 'module') return 'require';
    }
  }
  return undefined;
}

/** `createRequire` imported from `node:module`, or `Module.createRequire`. */
export function isCreateRequire(expression: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    // Judged at each call, so bound as flag-sensitive (entry-path-require.ts).
    return (binding?.kind === 'member' || binding?.kind === 'flag-sensitive') && binding.specifier === 'node:module' && binding.member === 'createRequire';
  }
  if ((tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && constantKey(inner, scope) === 'createRequire') {
    const base = skipOuter(inner.expression);
    const binding = tsv.isIdentifier(base) ? scope.lookup(base.text) : undefined;
    return binding?.kind === 'module' && binding.specifier === 'node:module';
  }
  return false;
}

/** A load whose specifier is one argument (consumed), or none. */
function one(kind: ReferenceKind, specifier: ts.Expression | undefined): ModuleLoad {
  return { kind, specifier, consumed: new Set(specifier ? [specifier] : []) };
}

/** Recognizes every way a call can load a module by name. */
export function moduleLoadOf(call: ts.CallExpression, scope: Scope, globalObjects: readonly string[]): ModuleLoad | undefined {
  const [first, second] = call.arguments;
  if (call.expression.kind === tsv.SyntaxKind.ImportKeyword) return one('dynamic-import', first);
  const webpack = webpackLoadOf(call, scope);
  if (webpack !== undefined) return webpack;
  const callee = skipOuter(call.expression);
  const via = requireFunction(callee, scope, globalObjects);
  if (via !== undefined) return one(via, first);
  // `dynamicRequire(module, 'module')` with `function dynamicRequire(mod, request) { return mod.require(request) }`.
  const wrapped = requireWrapperArguments(call, scope);
  if (wrapped !== undefined && globalName(wrapped.holder, scope, globalObjects) === 'module') return one('require', wrapped.name);
  if (tsv.isPropertyAccessExpression(callee) && requireFunction(callee.expression, scope, globalObjects) !== undefined) {
    if (callee.name.text === 'call') return one('require', second);
    if (callee.name.text === 'apply') {
      const list = second === undefined ? undefined : skipOuter(second);
      if (list !== undefined && tsv.isArrayLiteralExpression(list)) return { kind: 'require', specifier: list.elements[0], consumed: new Set([list]) };
      return one('require', undefined);
    }
  }
  if (tsv.isCallExpression(callee) && isCreateRequire(callee.expression, scope)) return one('create-require', first);
  if (isProcessMember(callee, 'getBuiltinModule', scope, globalObjects)) return one('get-builtin-module', first);
  return undefined;
}

/**
 * The name a load gives its module: a literal, or a pure builtin evaluated over constants
 * (`require('NODE:PATH'.toLowerCase())`, `require(['node:', 'path'].join(''))`, `require(JSON.parse('"x"'))`,
 * `require(Object.keys({ x: 1 })[0])`, `require(String.raw`x`)`: constants.ts, folded-builtins.ts). Each of those builtins replaced
 * anywhere in the program is UNANALYZED where it is replaced (docs/choices.md 35, 66, 77), so the folded
 * name is the one Node loads in every process the guard passes. Other computed names (`'node:' + name`,
 * a `const`) are not read here.
 */
export function loadedSpecifier(load: ModuleLoad, scope: Scope): string | undefined {
  const inner = load.specifier === undefined ? undefined : skipOuter(load.specifier);
  if (inner === undefined) return undefined;
  return literalString(inner) ?? (tsv.isCallExpression(inner) || tsv.isElementAccessExpression(inner) || tsv.isTaggedTemplateExpression(inner) ? constantString(inner, scope) : undefined);
}

/** The builtin a call loads by a name written out (loadedSpecifier), when its members are followed one by one. */
export function trackedLoad(call: ts.CallExpression, scope: Scope): { load: ModuleLoad; tracked: string } | undefined {
  const load = moduleLoadOf(call, scope, GLOBAL_OBJECT_NAMES);
  const specifier = load === undefined ? undefined : loadedSpecifier(load, scope);
  const tracked = specifier === undefined ? undefined : trackedBuiltin(specifier);
  return load !== undefined && tracked !== undefined ? { load, tracked } : undefined;
}
