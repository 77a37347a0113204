import ts from '../../policy/typescript.cjs';
import { skipOuter } from '../syntax/index.js';

/**
 * An `export *` compiled without a helper (red-team round 13, `grant13-rollup-export-star-facade`):
 * rollup and babel copy every key of the required module onto `exports` in a loop,
 *
 *     var m = require('node:child_process');
 *     Object.keys(m).forEach(function (k) {
 *       if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, { get: … });
 *     });
 *
 * and a hand-written facade does the same with `for (const k in m) exports[k] = m[k]`. The module is
 * handed out whole, as with tsc's `__exportStar` (export-star-facades.ts). Known by its shape: a loop
 * over the keys of `require(…)` (or a top-level variable that holds one) whose body writes `exports`
 * (or `module.exports`) at the loop's key.
 */

/** `exports` or `module.exports`. */
function isExportsObject(node: ts.Expression | undefined): boolean {
  if (node === undefined) return false;
  const inner = skipOuter(node);
  if (ts.isIdentifier(inner)) return inner.text === 'exports';
  return ts.isPropertyAccessExpression(inner) && inner.name.text === 'exports' && ts.isIdentifier(inner.expression) && inner.expression.text === 'module';
}

/** `Object.method` or `Reflect.method` for one of `names`. */
function isBuiltinMethod(callee: ts.Expression, names: readonly string[]): boolean {
  const inner = skipOuter(callee);
  return ts.isPropertyAccessExpression(inner) && names.includes(inner.name.text) && ts.isIdentifier(inner.expression) && ['Object', 'Reflect'].includes(inner.expression.text);
}

/** Whether `body` writes `exports` at the key `key` names: `Object.defineProperty(exports, key, …)`, `exports[key] = …`. */
function writesExportsAt(body: ts.Node, key: string): boolean {
  const isKey = (node: ts.Expression | undefined): boolean => node !== undefined && ts.isIdentifier(skipOuter(node)) && (skipOuter(node) as ts.Identifier).text === key;
  const visit = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node) && isBuiltinMethod(node.expression, ['defineProperty']) && isExportsObject(node.arguments[0]) && isKey(node.arguments[1])) return true;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left) && isExportsObject(node.left.expression) && isKey(node.left.argumentExpression)) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(body);
}

/** The object whose keys a loop copies onto `exports`: `Object.keys(m).forEach((k) => …)`, `for (var k in m) …`. */
function copiedObject(node: ts.Node): ts.Expression | undefined {
  if (ts.isForInStatement(node)) {
    const initializer = node.initializer;
    const key = ts.isVariableDeclarationList(initializer) ? initializer.declarations[0]?.name : initializer;
    return key !== undefined && ts.isIdentifier(key) && writesExportsAt(node.statement, key.text) ? node.expression : undefined;
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'forEach') return undefined;
  const keys = skipOuter(node.expression.expression);
  const callback = node.arguments[0];
  if (!ts.isCallExpression(keys) || !isBuiltinMethod(keys.expression, ['keys', 'getOwnPropertyNames', 'ownKeys']) || callback === undefined) return undefined;
  if (!ts.isFunctionExpression(callback) && !ts.isArrowFunction(callback)) return undefined;
  const key = callback.parameters[0]?.name;
  return key !== undefined && ts.isIdentifier(key) && writesExportsAt(callback.body, key.text) ? keys.arguments[0] : undefined;
}

/** The first `require(…)` call in `node` outside nested functions (`require('m')`, `_interop(require('m'))`). */
function firstRequire(node: ts.Node): ts.CallExpression | undefined {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') return node;
  if (ts.isFunctionLike(node)) return undefined;
  return ts.forEachChild(node, firstRequire);
}

/** The `require(…)` a top-level `var`/`let`/`const` of this name holds. */
function heldRequire(file: ts.SourceFile, name: string): ts.CallExpression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer !== undefined) return firstRequire(declaration.initializer);
    }
  }
  return undefined;
}

/** A parameter of a function around `node` is named `name` (a helper's `m`, not the file's variable). */
function isParameterName(node: ts.Node, name: string): boolean {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isFunctionLike(current) && current.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name)) return true;
  }
  return false;
}

/** At `node`, a loop that copies every key of a required module onto `exports`: that `require(…)` call. */
export function copiedModule(file: ts.SourceFile, node: ts.Node): ts.CallExpression | undefined {
  const copied = copiedObject(node);
  if (copied === undefined) return undefined;
  const inner = skipOuter(copied);
  if (!ts.isIdentifier(inner)) return firstRequire(inner);
  return isParameterName(node, inner.text) ? undefined : heldRequire(file, inner.text);
}
