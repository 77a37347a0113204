import ts from 'typescript';

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

/** What `this` is where it is written: a class (static members), an instance, or unknown (plain functions). */
export type ThisOwner = 'class' | 'instance' | 'function' | 'file';

function isStatic(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/**
 * The nearest enclosing node that binds `this` (and `arguments`), read from the walk's ancestor
 * stack: arrows inherit both, so they are skipped.
 */
export function thisOwner(ancestors: readonly ts.Node[]): ThisOwner {
  for (let index = ancestors.length - 1; index >= 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (ts.isArrowFunction(node)) continue;
    if (ts.isClassStaticBlockDeclaration(node)) return 'class';
    if (ts.isConstructorDeclaration(node)) return 'instance';
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) || ts.isPropertyDeclaration(node)) {
      return isStatic(node) ? 'class' : 'instance';
    }
    if (ts.isFunctionLike(node)) return 'function';
  }
  return 'file';
}

/**
 * `this` in a plain `function` expression that is called on the spot (`(function () { return this; })()`):
 * in sloppy mode that is the global object. Read from the walk's ancestor stack.
 */
export function isSloppyGlobalThis(ancestors: readonly ts.Node[]): boolean {
  for (let index = ancestors.length - 1; index >= 1; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (ts.isClassLike(node) || ts.isClassStaticBlockDeclaration(node) || ts.isPropertyDeclaration(node)) return false;
    if (ts.isArrowFunction(node) || !ts.isFunctionLike(node)) continue;
    if (!ts.isFunctionExpression(node)) return false;
    let child: ts.Node = node;
    for (let at = index - 1; at >= 0; at -= 1) {
      const parent = ancestors[at] as ts.Node;
      if (ts.isParenthesizedExpression(parent)) {
        child = parent;
        continue;
      }
      return ts.isCallExpression(parent) && parent.expression === child;
    }
    return false;
  }
  return false;
}
