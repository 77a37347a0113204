import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, LOADER_NAMES, globalValueCapabilities } from '../../policy/index.js';
import { constantString } from './constants.js';
import { valueCandidates } from './alias-values.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { propertyNameText, skipOuter } from './syntax.js';
import { flowOf } from './value-flow.js';

/** Writers that take the object written as their first argument, by the global that owns them. */
const WRITERS: Readonly<Record<string, ReadonlySet<string>>> = {
  Object: new Set(['assign', 'defineProperty', 'defineProperties']),
  Reflect: new Set(['set', 'defineProperty']),
};

/** Descriptor keys that hold no code: a getter or a setter would run whatever it closes over. */
const DATA_DESCRIPTOR_KEYS = new Set(['value', 'writable', 'enumerable', 'configurable']);

/**
 * `Object.assign(globalThis, { config: { level: 1 } })`, `Object.defineProperty(globalThis,
 * 'version', { value: '1.0' })`, `Reflect.set(globalThis, 'answer', 42)` (docs/choices.md 47): the
 * global object at `ancestors[last]` handed to a builtin writer that stores only data (isDataValue
 * below) under names of no capability global, the call's result (the global object, for
 * `Object.assign`) going nowhere. Any other value (a call, a local, a function, a getter) keeps the
 * reference UNANALYZED: what is stored is not read here.
 */
export function isDataOnlyGlobalWrite(ancestors: readonly ts.Node[], scope: Scope): boolean {
  let at = ancestors.length - 1;
  let child = ancestors[at] as ts.Node;
  while (at > 0 && tsv.isParenthesizedExpression(ancestors[at - 1] as ts.Node)) child = ancestors[--at] as ts.Node;
  const call = ancestors[at - 1];
  if (call === undefined || !tsv.isCallExpression(call) || call.arguments[0] !== child) return false;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee)) return false;
  const owner = globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES);
  if (owner === undefined || WRITERS[owner]?.has(callee.name.text) !== true) return false;
  const flow = flowOf(ancestors, at - 1).kind;
  if (flow !== 'discarded' && flow !== 'tested') return false;
  const [, key, value, ...rest] = call.arguments;
  switch (callee.name.text) {
    case 'assign':
      return call.arguments.slice(1).every((source) => isDataProperties(source, scope, (initializer) => isDataValue(initializer)));
    case 'defineProperties':
      return rest.length === 0 && value === undefined && key !== undefined && isDataProperties(key, scope, isDataDescriptor);
    case 'defineProperty':
      return rest.length === 0 && key !== undefined && value !== undefined && isDataKey(key, scope) && isDataDescriptor(value);
    default:
      return rest.length === 0 && key !== undefined && value !== undefined && isDataKey(key, scope) && isDataValue(value);
  }
}

function isDataKey(key: ts.Expression, scope: Scope): boolean {
  const text = constantString(key, scope);
  return text !== undefined && isDataName(text);
}

/** An object literal whose every property is a plain `name: value` under a data name, each value accepted by `accepts`. */
function isDataProperties(expression: ts.Expression, scope: Scope, accepts: (initializer: ts.Expression) => boolean): boolean {
  const inner = skipOuter(expression);
  if (!tsv.isObjectLiteralExpression(inner)) return false;
  return inner.properties.every((property) => {
    if (!tsv.isPropertyAssignment(property)) return false;
    const name = tsv.isComputedPropertyName(property.name) ? constantString(property.name.expression, scope) : (propertyNameText(property.name) ?? undefined);
    return name !== undefined && isDataName(name) && accepts(property.initializer);
  });
}

/** `{ value: '1.0', writable: false }`: a descriptor with a data value and no accessor. */
function isDataDescriptor(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  if (!tsv.isObjectLiteralExpression(inner)) return false;
  return inner.properties.every((property) => {
    if (!tsv.isPropertyAssignment(property) || tsv.isComputedPropertyName(property.name)) return false;
    const key = propertyNameText(property.name);
    return key !== null && DATA_DESCRIPTOR_KEYS.has(key) && isDataValue(property.initializer);
  });
}

/**
 * `globalThis[Symbol.for('app.state')]`, `globalThis[Symbol.iterator]`: a symbol key names no global
 * the policy gives a capability (they are all named by strings), so the read is a data global's,
 * like `globalThis.appState`; what a program stored there was judged at its store (shared-stores.ts).
 */
export function isSymbolKeyed(access: ts.Node, scope: Scope): boolean {
  if (!tsv.isElementAccessExpression(access)) return false;
  const key = skipOuter(access.argumentExpression);
  const symbol = tsv.isCallExpression(key) ? skipOuter(key.expression) : key;
  if (!tsv.isPropertyAccessExpression(symbol) || (tsv.isCallExpression(key) && symbol.name.text !== 'for')) return false;
  return globalName(symbol.expression, scope, GLOBAL_OBJECT_NAMES) === 'Symbol';
}

/** A global name whose value is data: not the global object, `process`, the loader, nor any global with a capability row. */
export function isDataName(key: string): boolean {
  return !GLOBAL_OBJECT_NAMES.includes(key) && key !== 'process' && !LOADER_NAMES.includes(key) && key !== 'arguments' && key !== 'constructor' && key !== 'caller' && globalValueCapabilities(key) === undefined;
}

/**
 * Data that runs and holds nothing: literals, `undefined`, object and array literals of data (no
 * getters, methods, spreads or computed keys), and a data member of the alias `name` itself
 * (`g.cache || {}`), through choices of values.
 */
export function isDataValue(expression: ts.Expression, name?: string): boolean {
  return valueCandidates(expression).every((candidate) => {
    if (tsv.isLiteralExpression(candidate) || candidate.kind === tsv.SyntaxKind.TrueKeyword || candidate.kind === tsv.SyntaxKind.FalseKeyword || candidate.kind === tsv.SyntaxKind.NullKeyword) return true;
    if (tsv.isPrefixUnaryExpression(candidate)) return tsv.isNumericLiteral(candidate.operand);
    if (tsv.isIdentifier(candidate)) return candidate.text === 'undefined';
    if (tsv.isArrayLiteralExpression(candidate)) return candidate.elements.every((element) => !tsv.isSpreadElement(element) && isDataValue(element, name));
    if (tsv.isObjectLiteralExpression(candidate)) return candidate.properties.every((property) => tsv.isPropertyAssignment(property) && !tsv.isComputedPropertyName(property.name) && isDataValue(property.initializer, name));
    return name !== undefined && tsv.isPropertyAccessExpression(candidate) && tsv.isIdentifier(candidate.expression) && candidate.expression.text === name && isDataName(candidate.name.text);
  });
}
