import ts from '../../policy/typescript.cjs';
import { skipOuter } from '../syntax/index.js';
import { isLibraryDeclaration } from './lossy-slot.js';

/** `const` → `const` chains and nested returns are followed this deep. */
const MAX_DEPTH = 4;

function isFunctionCode(node: ts.Node): boolean {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node);
}

/** A `const` declared in the project's own code (not a declaration file), with its initializer. */
function constInitializer(declaration: ts.Declaration | undefined): ts.Expression | undefined {
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return undefined;
  if (declaration.getSourceFile().isDeclarationFile) return undefined;
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 ? declaration.initializer : undefined;
}

function declarationOf(checker: ts.TypeChecker, node: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  return declarations.length === 1 ? declarations[0] : undefined;
}

/** Every `return` of a function body in the project's code hands back local code (`makeRunner()` returning a stub). */
function returnsLocalCode(checker: ts.TypeChecker, fn: ts.Declaration, depth: number): boolean {
  if (!isFunctionCode(fn) || fn.getSourceFile().isDeclarationFile) return false;
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return false;
  if (!ts.isBlock(body)) return isLocalCode(checker, body, depth + 1);
  let returns = 0;
  let allLocal = true;
  const visit = (node: ts.Node): void => {
    if (!allLocal || (node !== body && ts.isFunctionLike(node))) return;
    if (ts.isReturnStatement(node)) {
      returns += 1;
      if (node.expression === undefined || !isLocalCode(checker, node.expression, depth + 1)) allLocal = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return allLocal && returns > 0;
}

/** The interfaces whose `bind` the default library declares for every function. */
const FUNCTION_INTERFACES: ReadonlySet<string> = new Set(['Function', 'CallableFunction', 'NewableFunction']);

/**
 * `f.bind(thisArg, …preset)` with the library's `Function.prototype.bind`: the function it returns
 * calls `f`, whatever generic signature lib.es5 gives it (`(...args: A) => R` no longer names `f`'s
 * declaration). Returns `f`, or undefined when `expression` is no such call.
 */
function boundFunction(checker: ts.TypeChecker, expression: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = skipOuter(expression.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'bind') return undefined;
  const declaration = checker.getResolvedSignature(expression)?.declaration;
  const owner = declaration === undefined ? undefined : declaration.parent;
  if (owner === undefined || !ts.isInterfaceDeclaration(owner) || !FUNCTION_INTERFACES.has(owner.name.text) || !isLibraryDeclaration(owner)) return undefined;
  return skipOuter(callee.expression);
}

/**
 * The reference a project `const` holds, whatever its annotation (`const run: (c: string) => Buffer =
 * execSync` holds `execSync`): followed through `const`s, casts and `bind` (boundFunction) to the last
 * name or member read. Any other call, a literal or anything else computed is not followed (data read
 * through a capability is data).
 */
export function heldReference(checker: ts.TypeChecker, expression: ts.Expression): ts.Expression | undefined {
  let held: ts.Expression | undefined;
  let current = skipOuter(expression);
  for (let depth = 0; depth <= MAX_DEPTH && ts.isIdentifier(current); depth += 1) {
    const initializer = constInitializer(declarationOf(checker, current));
    if (initializer === undefined) break;
    const inner = boundFunction(checker, skipOuter(initializer)) ?? skipOuter(initializer);
    if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) break;
    held = current = inner;
  }
  return held;
}

/**
 * The value of `expression` is code written in the project itself (a function, an arrow, or an
 * object literal's method), whatever type it was declared or cast to: `const stubFetch: typeof fetch
 * = async () => …`, `memfs.writeFileSync` of a `Pick<typeof fs, …>` literal, `makeRunner()` that
 * returns a stub cast to `typeof execFile`. Such code is analyzed where it is written; its declared
 * type names a capability it does not hold. Followed through `const`s only (a `let` may be reassigned).
 */
export function isLocalCode(checker: ts.TypeChecker, expression: ts.Expression, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const inner = skipOuter(expression);
  if (isFunctionCode(inner)) return true;
  if (ts.isIdentifier(inner)) {
    const declaration = declarationOf(checker, inner);
    const initializer = constInitializer(declaration);
    return initializer !== undefined && isLocalCode(checker, initializer, depth + 1);
  }
  if (ts.isPropertyAccessExpression(inner)) {
    const object = localObjectLiteral(checker, inner.expression, depth);
    const property = object?.properties.find((candidate) => candidate.name !== undefined && ts.isIdentifier(candidate.name) && candidate.name.text === inner.name.text);
    if (property === undefined) return false;
    if (ts.isMethodDeclaration(property)) return true;
    return ts.isPropertyAssignment(property) && isLocalCode(checker, property.initializer, depth + 1);
  }
  if (ts.isCallExpression(inner)) {
    const callee = skipOuter(inner.expression);
    const declaration = ts.isIdentifier(callee) ? declarationOf(checker, callee) : undefined;
    return declaration !== undefined && returnsLocalCode(checker, declaration, depth);
  }
  return false;
}

/** The object literal a `const` holds (through casts), in the project's code. */
function localObjectLiteral(checker: ts.TypeChecker, expression: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
  const inner = skipOuter(expression);
  if (ts.isObjectLiteralExpression(inner)) return inner;
  if (!ts.isIdentifier(inner) || depth > MAX_DEPTH) return undefined;
  const initializer = constInitializer(declarationOf(checker, inner));
  return initializer === undefined ? undefined : localObjectLiteral(checker, initializer, depth + 1);
}
