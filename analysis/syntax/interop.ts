import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { fileOf, hasInteropCode, isWrapperCall } from './interop-index.js';
import { isInsideWith, isUndeclaredGlobal, scanNames, soleDeclaration, type NameScan } from './interop-names.js';
import { trackedBuiltin, type ModuleLoad } from './module-loads.js';
import { recordLoad } from './module-references.js';
import type { ModuleBinding, Scope } from './scope.js';
import { constantKey } from './constants.js';
import { literalString, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * Member precision through the module-interop code compilers emit (docs/guard.md, "Compiled
 * code"). `const fs = __importStar(require("fs"))` binds `fs` to a view of `node:fs`, so
 * `fs.readFileSync` is judged as that member, as `import * as fs` would be. Only helpers whose code
 * is exactly a known shape count (interop-shapes.ts); anything else that receives a module value
 * is an unknown function, and the module is reached whole where it is passed.
 */
/** module-loads.ts#trackedLoad, passed in (declarations.ts imports this file). */
export type TrackedLoad = (call: ts.CallExpression, scope: Scope) => { load: ModuleLoad; tracked: string } | undefined;

/** A module value seen through interop code, and what it consumed (a load to record, a binding now used). */
export interface ModuleView {
  readonly specifier: string;
  readonly load?: { readonly call: ts.CallExpression; readonly load: ModuleLoad };
  readonly binding?: ModuleBinding;
}

/**
 * `expression` as a view of a tracked builtin: a module binding under another name
 * (`const fs = require$$0`), its `default` (`fs_1.default`), or a module wrapped by a verified
 * helper. Plain loads (`require('fs')`) are the detector's own business and are not views here.
 */
export function interopViewOf(expression: ts.Expression, scope: Scope, trackedLoad: TrackedLoad): ModuleView | undefined {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    return binding?.kind === 'module' ? { specifier: binding.specifier, binding } : undefined;
  }
  if ((tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && constantKey(inner, scope) === 'default') return interopViewOf(inner.expression, scope, trackedLoad);
  const promised = tsv.isCallExpression(inner) ? compiledDynamicImport(inner, scope) : undefined;
  if (promised !== undefined) {
    const loaded = tsv.isCallExpression(promised) ? trackedLoad(promised, scope) : undefined;
    return loaded !== undefined ? { specifier: loaded.tracked, load: { call: promised as ts.CallExpression, load: loaded.load } } : interopViewOf(promised, scope, trackedLoad);
  }
  if (!tsv.isCallExpression(inner) || inner.arguments[0] === undefined || !isWrapperCall(inner, scope)) return undefined;
  const argument = skipOuter(inner.arguments[0]);
  const loaded = tsv.isCallExpression(argument) ? trackedLoad(argument, scope) : undefined;
  if (loaded !== undefined) return { specifier: loaded.tracked, load: { call: argument as ts.CallExpression, load: loaded.load } };
  const view = interopViewOf(argument, scope, trackedLoad);
  if (view !== undefined || !tsv.isIdentifier(argument)) return view;
  const binding = scope.lookup(argument.text);
  return binding === undefined || binding.kind === 'local' ? declaredLoadOf(argument, scope) : undefined;
}

/**
 * tsc's CommonJS output of `import('m')`: `Promise.resolve().then(() => __importStar(require('m')))`
 * (`function () { return …; }` below ES2015, no helper without `esModuleInterop`). Awaited or
 * destructured, it is the module's namespace, as `await import('m')` is. Returns what the callback
 * returns, when the promise is the global `Promise`'s and the callback takes no parameter.
 */
function compiledDynamicImport(call: ts.CallExpression, scope: Scope): ts.Expression | undefined {
  const then = skipOuter(call.expression);
  const [callback] = call.arguments;
  if (call.arguments.length !== 1 || callback === undefined || !tsv.isPropertyAccessExpression(then) || then.name.text !== 'then') return undefined;
  const resolved = skipOuter(then.expression);
  if (!tsv.isCallExpression(resolved) || resolved.arguments.length !== 0) return undefined;
  const resolve = skipOuter(resolved.expression);
  if (!tsv.isPropertyAccessExpression(resolve) || resolve.name.text !== 'resolve' || !tsv.isIdentifier(resolve.expression) || resolve.expression.text !== 'Promise' || scope.lookup('Promise') !== undefined) return undefined;
  const fn = skipOuter(callback);
  if (!(tsv.isArrowFunction(fn) || tsv.isFunctionExpression(fn)) || fn.parameters.length !== 0) return undefined;
  if (!tsv.isBlock(fn.body)) return fn.body;
  const [only] = fn.body.statements;
  return fn.body.statements.length === 1 && only !== undefined && tsv.isReturnStatement(only) ? only.expression : undefined;
}

interface DeclaredLoad {
  readonly scan: NameScan;
  /** Where the one declaration is visible; undefined when the name is not such a load. */
  readonly container: readonly [number, number] | undefined;
  readonly view: ModuleView | undefined;
}
const declaredLoads = new WeakMap<ts.SourceFile, Map<string, DeclaredLoad>>();

/**
 * A name whose binding is not known yet where a wrapper receives it: webpack declares
 * `var fs_default = __webpack_require__.n(fs_namespace)` (hoisted to the function) for a
 * `const fs_namespace = require("fs")` of an inner block. When the file declares the name exactly
 * once, never writes it, and initializes it with `require` of a tracked builtin (the global
 * `require`), it is that module wherever the declaration is visible (outside it, the global).
 */
function declaredLoadOf(reference: ts.Identifier, scope: Scope): ModuleView | undefined {
  const sourceFile = fileOf(scope);
  if (sourceFile === undefined || !hasInteropCode(scope)) return undefined;
  let byName = declaredLoads.get(sourceFile);
  if (byName === undefined) declaredLoads.set(sourceFile, (byName = new Map()));
  const name = reference.text;
  const known = byName.get(name);
  if (known !== undefined) return known.container !== undefined && reference.pos >= known.container[0] && reference.end <= known.container[1] && !isInsideWith(known.scan, reference) ? known.view : undefined;
  const scan = scanNames(sourceFile, new Set([name, 'require']));
  const declaration = soleDeclaration(scan, name);
  const initializer = declaration !== undefined && tsv.isVariableDeclaration(declaration.parent) && declaration.parent.initializer !== undefined ? skipOuter(declaration.parent.initializer) : undefined;
  const isRequire = initializer !== undefined && tsv.isCallExpression(initializer) && tsv.isIdentifier(initializer.expression) && initializer.expression.text === 'require' && isUndeclaredGlobal(scan, 'require');
  const specifier = isRequire && initializer.arguments.length === 1 ? literalString(initializer.arguments[0]) : undefined;
  const tracked = specifier === undefined ? undefined : trackedBuiltin(specifier);
  byName.set(name, { scan, container: tracked === undefined ? undefined : declaration?.container, view: tracked === undefined ? undefined : { specifier: tracked } });
  return declaredLoadOf(reference, scope);
}

/** Records what a view consumed; the view's own expression is not walked again. */
export function consumeView(walker: Walker, view: ModuleView): void {
  if (view.load !== undefined) recordLoad(walker, view.load.call, view.load.load, true);
  if (view.binding !== undefined) view.binding.used = true;
}

/** visitVariable: `const fs = <view>` was bound as a module; consume the view. True when it was one. */
export function consumeInteropInitializer(walker: Walker, initializer: ts.Expression, trackedLoad: TrackedLoad): boolean {
  const view = interopViewOf(initializer, walker.scope, trackedLoad);
  if (view !== undefined) consumeView(walker, view);
  return view !== undefined;
}

/**
 * The base of a member access seen through interop: `fs_1.default.readFileSync` is
 * `fs_1.readFileSync` (a builtin's `default` is the module itself, or undefined), and webpack's
 * getter `fs_default().readFileSync` is the getter's module.
 */
export function interopMemberBase(base: ts.Expression, scope: Scope, trackedLoad: TrackedLoad): ts.Expression {
  let inner = skipOuter(base);
  while (isDefaultMember(inner, scope)) {
    const owner = skipOuter(inner.expression);
    if (interopViewOf(owner, scope, trackedLoad) === undefined) return base;
    inner = owner;
  }
  if (tsv.isCallExpression(inner) && inner.arguments.length === 0 && tsv.isIdentifier(skipOuter(inner.expression))) {
    const getter = skipOuter(inner.expression) as ts.Identifier;
    if (isWebpackGetter(getter, scope)) return getter;
  }
  return inner === skipOuter(base) ? base : inner;
}

/** `x.default` or `x['default']`: a function, not a closure made at every member access. */
function isDefaultMember(node: ts.Expression, scope: Scope): node is ts.PropertyAccessExpression | ts.ElementAccessExpression {
  return (tsv.isPropertyAccessExpression(node) && node.name.text === 'default') || (tsv.isElementAccessExpression(node) && constantKey(node, scope) === 'default');
}

/** A module binding made by `__webpack_require__.n(…)`: calling it returns the module. */
function isWebpackGetter(identifier: ts.Identifier, scope: Scope): boolean {
  const binding = scope.lookup(identifier.text);
  if (binding?.kind !== 'module' || !tsv.isVariableDeclaration(binding.declaration) || binding.declaration.initializer === undefined) return false;
  const initializer = skipOuter(binding.declaration.initializer);
  const callee = tsv.isCallExpression(initializer) ? skipOuter(initializer.expression) : undefined;
  return callee !== undefined && tsv.isPropertyAccessExpression(callee) && callee.name.text === 'n' && tsv.isIdentifier(callee.expression) && callee.expression.text === '__webpack_require__';
}

