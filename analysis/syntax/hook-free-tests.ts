import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { boundNames, skipOuter } from './syntax.js';

/**
 * Tests that run no code of the program with the value tested (docs/choices.md 46). `===` and `!==`
 * never convert. `==` and `!=` convert an object compared with a primitive through its
 * `Symbol.toPrimitive`/`valueOf`/`toString`, which a file can replace on a shared prototype
 * (`Function.prototype[Symbol.toPrimitive] = function () { kept = this }`): only `null`,
 * `undefined` or another object on the other side compare without converting. `x instanceof C`
 * hands `x` to `C[Symbol.hasInstance]`: only an unshadowed builtin class keeps the inherited,
 * non-writable `Function.prototype[Symbol.hasInstance]`; the class itself (the right side) is
 * only read.
 */

/** Builtin classes whose `instanceof` test runs no code of the program (unless Function.prototype is patched: launch-read-hooks.ts's builtinPatchOf). */
const BUILTIN_CLASSES = new Set(['Array', 'Object', 'Function', 'String', 'Number', 'Boolean', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Promise', 'ArrayBuffer', 'Uint8Array', 'Buffer', 'URL', 'Symbol', 'BigInt']);

/** Is `name` one of the builtin classes whose `instanceof` is trusted (builtin-member-patches.ts withdraws that trust program-wide where a hook is defined on one)? */
export function isHookFreeBuiltinClassName(name: string): boolean {
  return BUILTIN_CLASSES.has(name);
}

/** Does a function, block or the file on the stack declare `name` (a parameter, a variable, a function, a class, an import)? */
export function declaredOnStack(name: string, stack: readonly ts.Node[]): boolean {
  return stack.some((node) => {
    if (tsv.isFunctionLike(node)) return node.parameters.some((parameter) => boundNames(parameter.name).includes(name));
    if (tsv.isSourceFile(node) && node.statements.some((statement) => importsName(statement, name))) return true;
    if (!tsv.isBlock(node) && !tsv.isSourceFile(node) && !tsv.isModuleBlock(node)) return false;
    return node.statements.some((statement) => {
      if (tsv.isVariableStatement(statement)) return statement.declarationList.declarations.some((declaration) => boundNames(declaration.name).includes(name));
      return (tsv.isFunctionDeclaration(statement) || tsv.isClassDeclaration(statement) || tsv.isEnumDeclaration(statement)) && statement.name?.text === name;
    });
  });
}

function importsName(statement: ts.Statement, name: string): boolean {
  if (tsv.isImportEqualsDeclaration(statement)) return statement.name.text === name;
  const clause = tsv.isImportDeclaration(statement) ? statement.importClause : undefined;
  if (clause === undefined) return false;
  if (clause.name?.text === name) return true;
  const bindings = clause.namedBindings;
  if (bindings === undefined) return false;
  return tsv.isNamespaceImport(bindings) ? bindings.name.text === name : bindings.elements.some((element) => element.name.text === name);
}

/** `Array`, `Error`, … as the global builtin (no declaration on the stack names it). */
export function isUnshadowedBuiltinClass(expression: ts.Expression, stack: readonly ts.Node[]): boolean {
  const inner = skipOuter(expression);
  return tsv.isIdentifier(inner) && BUILTIN_CLASSES.has(inner.text) && !declaredOnStack(inner.text, stack);
}

/** A side of `==` that makes the comparison convert neither side: `null`, `undefined`, `void …`, or an object. */
function comparesWithoutConverting(other: ts.Expression, stack: readonly ts.Node[]): boolean {
  const inner = skipOuter(other);
  if (inner.kind === tsv.SyntaxKind.NullKeyword || tsv.isVoidExpression(inner)) return true;
  if (tsv.isIdentifier(inner) && inner.text === 'undefined') return !declaredOnStack('undefined', stack);
  if (tsv.isObjectLiteralExpression(inner) || tsv.isArrayLiteralExpression(inner) || tsv.isFunctionExpression(inner) || tsv.isArrowFunction(inner) || tsv.isClassExpression(inner)) return true;
  return isUnshadowedBuiltinClass(inner, stack);
}

/**
 * Whether `parent`, a comparison holding `child`, only tests `child`'s value (undefined when
 * `parent` is no comparison). `stack` is the ancestor stack, to see shadowing of `Error` or `undefined`.
 */
export function testsWithoutHooks(parent: ts.BinaryExpression, child: ts.Node, stack: readonly ts.Node[]): boolean | undefined {
  const other = parent.left === child ? parent.right : parent.left;
  switch (parent.operatorToken.kind) {
    case tsv.SyntaxKind.EqualsEqualsEqualsToken:
    case tsv.SyntaxKind.ExclamationEqualsEqualsToken:
      return true;
    case tsv.SyntaxKind.EqualsEqualsToken:
    case tsv.SyntaxKind.ExclamationEqualsToken:
      return comparesWithoutConverting(other, stack);
    case tsv.SyntaxKind.InstanceOfKeyword:
      return parent.right === child || isUnshadowedBuiltinClass(parent.right, stack);
    default:
      return undefined;
  }
}
