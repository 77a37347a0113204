import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { judgeFunctionConstructor } from './constructor-reads.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { isAssignedMember } from './sloppy-this.js';
import { skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** `const` → `const` chains are followed this deep. */
const MAX_DEPTH = 8;

/** `Object.getPrototypeOf(x)` / `Reflect.getPrototypeOf(x)`: the argument, else undefined. */
function prototypeOfArgument(expression: ts.Expression, scope: Scope): ts.Expression | undefined {
  if (!tsv.isCallExpression(expression)) return undefined;
  const callee = skipOuter(expression.expression);
  if (!(tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee)) || constantKey(callee, scope) !== 'getPrototypeOf') return undefined;
  const owner = globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES);
  return owner === 'Object' || owner === 'Reflect' ? expression.arguments[0] : undefined;
}

/**
 * A prototype of functions, whose own `constructor` is `Function` (or `AsyncFunction`…):
 * `Function.prototype`, `Object.getPrototypeOf(fn)`, `fn.__proto__`, or a `const` holding one.
 */
export function isFunctionPrototype(expression: ts.Expression, scope: Scope, depth = 0): boolean {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    return binding?.kind === 'const' && depth < MAX_DEPTH && isFunctionPrototype(binding.initializer, binding.scope, depth + 1);
  }
  if (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) {
    const key = constantKey(inner, scope);
    if (key === 'prototype') return globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) === 'Function';
    return key === '__proto__' && isFunctionValue(inner.expression, scope, depth + 1);
  }
  const argument = prototypeOfArgument(inner, scope);
  return argument !== undefined && isFunctionValue(argument, scope, depth + 1);
}

/**
 * A value the syntax shows to be a function (or a class), or a prototype of functions: a computed
 * read on it may reach `constructor`, i.e. `Function`. Plain objects, arrays and maps are not.
 */
export function isFunctionValue(expression: ts.Expression, scope: Scope, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = skipOuter(expression);
  if (tsv.isFunctionExpression(inner) || tsv.isArrowFunction(inner) || tsv.isClassExpression(inner)) return true;
  if (tsv.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (binding === undefined) return inner.text === 'Function';
    if (binding.kind === 'function' || binding.kind === 'class') return true;
    if (binding.kind === 'const') return isFunctionValue(binding.initializer, binding.scope, depth + 1);
    return binding.kind === 'global-alias' && binding.name === 'Function';
  }
  return isFunctionPrototype(inner, scope, depth);
}

/**
 * `fn[key]` or `Reflect.get(fn, key)` with a key no constant folding sees, on a function or a
 * prototype of functions: the key may be `constructor`, so the value is judged like a
 * `.constructor` read by where it goes (constructor-reads.ts).
 */
export function judgeRuntimeKeyRead(walker: Walker, node: ts.Node, base: ts.Expression, key?: ts.Expression): void {
  // A write (`fn[k] = v`) reads nothing; a symbol key (`Function.prototype[Symbol.hasInstance]`) is never `constructor`.
  if (isAssignedMember(node, walker.ancestors) || (key !== undefined && isSymbolKey(key, walker.scope))) return;
  if (!isFunctionValue(base, walker.scope)) return;
  judgeFunctionConstructor(walker, node, walker.flowAt(node), '(function)[…]');
}

/** `Symbol.iterator`, `Symbol('x')`, `Symbol.for('x')` of the global `Symbol`. */
function isSymbolKey(key: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(key);
  const owner = tsv.isCallExpression(inner) ? skipOuter(inner.expression) : inner;
  const symbolOwner = tsv.isPropertyAccessExpression(owner) ? owner.expression : owner;
  return globalName(symbolOwner, scope, GLOBAL_OBJECT_NAMES) === 'Symbol';
}

const DESCRIPTOR_ENUMERATIONS: ReadonlySet<string> = new Set(['getOwnPropertyDescriptors']);

/**
 * `Object.getOwnPropertyDescriptors(Function.prototype)` (or of `Object.getPrototypeOf(fn)`) holds
 * the descriptor of `constructor`: searching its values by name reaches `Function` without writing the key.
 */
export function judgeDescriptorEnumeration(walker: Walker, call: ts.CallExpression): void {
  const callee = skipOuter(call.expression);
  if (!(tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee)) || !DESCRIPTOR_ENUMERATIONS.has(constantKey(callee, walker.scope) ?? '')) return;
  const owner = globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES);
  const target = call.arguments[0];
  if ((owner !== 'Object' && owner !== 'Reflect') || target === undefined || !isFunctionPrototype(target, walker.scope)) return;
  judgeFunctionConstructor(walker, call, walker.flowAt(call), 'Object.getOwnPropertyDescriptors(Function.prototype)');
}

/**
 * Inside the body of sloppy `with (object) { … }`, a name no scope declares is looked up on the
 * object first: a free `constructor` is the object's, `Function` when the object is a function.
 */
export function isWithBodyName(ancestors: readonly ts.Node[]): boolean {
  for (let index = ancestors.length - 2; index >= 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (tsv.isWithStatement(node) && ancestors[index + 1] === node.statement) return true;
  }
  return false;
}
