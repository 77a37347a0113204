import ts from 'typescript';
import { isFunctionValue, memberKey, skipOuter } from './syntax.js';

/** Timers that compile a string first argument. */
export const TIMERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/** Built-in constructors: each is a function, so `Object.constructor` is `Function`. */
export const GLOBAL_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'WeakRef', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ArrayBuffer', 'DataView', 'Proxy',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'Event', 'EventTarget', 'Buffer',
]);

/** Assignments that can store 0 into `process.exitCode`. */
export const EXIT_CODE_ASSIGNMENTS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
]);

export function isScopeContainer(node: ts.Node): boolean {
  return (
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isFunctionLike(node) ||
    ts.isForStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassLike(node)
  );
}

/** False for identifiers that name something rather than refer to a value (keys, declarations, labels). */
export function isValueReference(identifier: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === identifier;
  if (ts.isBindingElement(parent)) return parent.initializer === identifier;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isNamespaceExport(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isMetaProperty(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && /^[a-z]/.test(identifier.text)) return false;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  const named = parent as ts.Node & { name?: ts.Node };
  return named.name !== identifier;
}

/** `(function(){}).constructor`, `x.constructor.constructor`, `Object.getPrototypeOf(async () => {}).constructor`. */
export function isFunctionConstructorSource(base: ts.Expression): boolean {
  if (isFunctionValue(base)) return true;
  if ((ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) && memberKey(base) === 'constructor') return true;
  if (ts.isCallExpression(base)) {
    const callee = skipOuter(base.expression);
    const [argument] = base.arguments;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'getPrototypeOf' && argument !== undefined && isFunctionValue(argument);
  }
  return false;
}
