import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey, constantString } from './constants.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/** Members of a property descriptor that hand out the property's value. */
const DESCRIPTOR_READS: ReadonlySet<string> = new Set(['value', 'get']);

/**
 * `Reflect.get(target, key)` and `Object.getOwnPropertyDescriptor(target, key).value` (or
 * `Reflect.getOwnPropertyDescriptor`, `.get`) read `target[key]`: the target and the constant
 * key (null when computed), or undefined when `expression` is no such read.
 */
export function reflectiveRead(expression: ts.Expression, scope: Scope): { target: ts.Expression; key: string | null } | undefined {
  const inner = skipOuter(expression);
  if (tsv.isCallExpression(inner)) return readCall(inner, scope, 'get', ['Reflect']);
  if ((tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && DESCRIPTOR_READS.has(constantKey(inner, scope) ?? '')) {
    const base = skipOuter(inner.expression);
    return tsv.isCallExpression(base) ? readCall(base, scope, 'getOwnPropertyDescriptor', ['Object', 'Reflect']) : undefined;
  }
  return undefined;
}

function readCall(call: ts.CallExpression, scope: Scope, method: string, owners: readonly string[]): { target: ts.Expression; key: string | null } | undefined {
  const callee = skipOuter(call.expression);
  if (!(tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee)) || constantKey(callee, scope) !== method) return undefined;
  if (!owners.includes(globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES) ?? '')) return undefined;
  const [target, key] = call.arguments;
  if (target === undefined || key === undefined) return undefined;
  return { target, key: constantString(key, scope) ?? null };
}
