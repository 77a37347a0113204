import ts from '../../policy/typescript.cjs';
import type { Resolved, UntypedEscape } from '../syntax/index.js';

/**
 * Builtins whose `any`/`unknown` parameter keeps nothing of the value: they print it, convert it,
 * test it or copy it as data (`structuredClone` and `JSON.stringify` cannot carry a function: the
 * first throws, the second drops it). Keyed by the checker's qualified name of the callee, and
 * only when a library declares it (a project's own `log` is not `Console.log`).
 */
const RETAINS_NOTHING: ReadonlySet<string> = new Set([
  'JSON.stringify', 'structuredClone', 'String', 'Number', 'Boolean', 'isNaN', 'isFinite',
  'ArrayConstructor.isArray', 'ObjectConstructor.is', 'ObjectConstructor.getPrototypeOf',
  '"util".inspect', '"util".format', '"util".isDeepStrictEqual', '"node:util".inspect', '"node:util".format',
]);

function isLibraryDeclaration(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  return file.isDeclarationFile && (file.hasNoDefaultLib || file.fileName.includes('/node_modules/'));
}

function isUntyped(type: ts.Type | undefined): boolean {
  return type !== undefined && (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** The expressions a value expression may evaluate to: both arms of `c ? a : b`, `a ?? b`, `a || b`, `a && b`, the last of `(x, y)`. */
function valueLeaves(expression: ts.Expression, into: ts.Expression[]): void {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isNonNullExpression(inner) || ts.isTypeAssertionExpression(inner)) inner = inner.expression;
  if (ts.isConditionalExpression(inner)) {
    valueLeaves(inner.whenTrue, into);
    valueLeaves(inner.whenFalse, into);
  } else if (ts.isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (operator === ts.SyntaxKind.CommaToken) valueLeaves(inner.right, into);
    else if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      valueLeaves(inner.left, into);
      valueLeaves(inner.right, into);
    }
  } else if (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
    into.push(inner);
  }
}

/** Where a value written at `node` goes, when the slot is a place the type checker can type. */
type Slot =
  /** The contextual type of the expression decides (an argument, an initializer, a property, an element, a return). */
  | 'contextual'
  /** `throw x`: a `catch` binding is `any` or `unknown`, always. */
  | 'thrown'
  /** `x as any`, `<unknown>x`: the cast itself is the slot. */
  | 'cast';

/**
 * Finds, in one file, every capability-bearing value handed to a place typed `any` or `unknown`
 * (an argument, an initializer, an object property or array element, a return, an assignment,
 * a `throw`, a cast), where the type checker loses it: whoever takes it back out (`signal.reason`,
 * `error.cause`, a `catch` binding, `map.get(k)`) calls it without a type that names it.
 * `bearing` says what a value is (undefined: not a capability).
 */
export function createEscapeFinder(
  checker: ts.TypeChecker,
  bearing: (node: ts.Expression) => Resolved | undefined,
  judgedAtImport: (node: ts.Expression, value: Resolved) => boolean,
): (sourceFile: ts.SourceFile) => readonly UntypedEscape[] {
  const found = new WeakMap<ts.SourceFile, readonly UntypedEscape[]>();

  /** A library builtin that keeps nothing of its arguments (RETAINS_NOTHING). */
  const retainsNothing = (call: ts.CallExpression | ts.NewExpression): boolean => {
    let callee: ts.Expression = call.expression;
    while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
    const at = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = checker.getSymbolAtLocation(at);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined || !isLibraryDeclaration(declaration)) return false;
    const name = checker.getFullyQualifiedName(symbol);
    return RETAINS_NOTHING.has(name) || name.startsWith('Console.');
  };

  /** `Object.assign(untypedTarget, { f: execSync })`: every source is copied into a target the checker has lost. */
  const assignsIntoUntyped = (literal: ts.ObjectLiteralExpression): boolean => {
    const call = literal.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] === literal || call.arguments[0] === undefined) return false;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'assign') return false;
    const symbol = checker.getSymbolAtLocation(callee.name);
    return symbol !== undefined && checker.getFullyQualifiedName(symbol) === 'ObjectConstructor.assign' && isUntyped(checker.getTypeAtLocation(call.arguments[0]));
  };

  const aliased = (symbol: ts.Symbol | undefined): ts.Symbol | undefined => (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol);

  /**
   * `Module as unknown as typeof Module & { _cache: … }`: a cast through `unknown` whose final type
   * still names the value (`typeof` of the same declaration) keeps it typed; it only adds members.
   */
  const retypedAsItself = (cast: ts.AsExpression | ts.TypeAssertion): boolean => {
    let outer: ts.Node = cast;
    while (ts.isAsExpression(outer.parent) || ts.isTypeAssertionExpression(outer.parent) || ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    if (outer === cast || !(ts.isAsExpression(outer) || ts.isTypeAssertionExpression(outer))) return false;
    const inner = cast.expression;
    const valueSymbol = aliased(checker.getSymbolAtLocation(ts.isPropertyAccessExpression(inner) ? inner.name : inner));
    if (valueSymbol === undefined) return false;
    const namesValue = (node: ts.Node): boolean => {
      if (ts.isTypeQueryNode(node)) return aliased(checker.getSymbolAtLocation(ts.isQualifiedName(node.exprName) ? node.exprName.right : node.exprName)) === valueSymbol;
      return ts.forEachChild(node, namesValue) ?? false;
    };
    return namesValue(outer.type);
  };

  /**
   * An argument of a function written in a JavaScript source file: its parameters are `any` because the
   * language has no types, not because a declaration says so; the syntactic walk sees that function's
   * body (a namespace handed to it is a whole-value use there), so it is not a blind spot of the checker.
   */
  const calleeIsJavaScriptSource = (call: ts.CallExpression | ts.NewExpression): boolean => {
    const declaration = checker.getResolvedSignature(call)?.declaration;
    const file = declaration?.getSourceFile();
    return file !== undefined && !file.isDeclarationFile && /\.[cm]?jsx?$/.test(file.fileName);
  };

  const slotIsUntyped = (written: ts.Expression): boolean => {
    if (isUntyped(checker.getContextualType(written))) {
      const parent = written.parent;
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== written) return !retainsNothing(parent) && !calleeIsJavaScriptSource(parent);
      return true;
    }
    const owner = written.parent;
    return ts.isPropertyAssignment(owner) && ts.isObjectLiteralExpression(owner.parent) && assignsIntoUntyped(owner.parent);
  };

  const check = (written: ts.Expression, slot: Slot, escapes: UntypedEscape[]): void => {
    const leaves: ts.Expression[] = [];
    valueLeaves(written, leaves);
    for (const leaf of leaves) {
      const value = bearing(leaf);
      if (value === undefined) continue;
      if (slot === 'contextual' && !slotIsUntyped(written)) return;
      escapes.push({ node: leaf, value, slot: slot === 'thrown' ? 'a thrown value' : slot === 'cast' ? 'a cast to any/unknown' : 'an any/unknown slot', judgedAtImport: judgedAtImport(leaf, value) });
    }
  };

  /** `{ execSync }`: the property's type in the literal's contextual type. */
  const checkShorthand = (property: ts.ShorthandPropertyAssignment, escapes: UntypedEscape[]): void => {
    const symbol = checker.getShorthandAssignmentValueSymbol(property);
    if (symbol === undefined) return;
    const value = bearing(property.name);
    if (value === undefined) return;
    const literal = property.parent;
    const target = checker.getContextualType(literal);
    const slot = target === undefined ? undefined : isUntyped(target) ? target : target.getProperty(property.name.text) === undefined ? undefined : checker.getTypeOfSymbol(target.getProperty(property.name.text) as ts.Symbol);
    if (isUntyped(slot) || assignsIntoUntyped(literal)) escapes.push({ node: property.name, value, slot: 'an any/unknown slot', judgedAtImport: judgedAtImport(property.name, value) });
  };

  const visitNode = (node: ts.Node, escapes: UntypedEscape[]): void => {
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression:
        for (const argument of (node as ts.CallExpression | ts.NewExpression).arguments ?? []) check(argument, 'contextual', escapes);
        break;
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.PropertyDeclaration:
      case ts.SyntaxKind.PropertyAssignment: {
        const initializer = (node as ts.VariableDeclaration | ts.PropertyDeclaration | ts.PropertyAssignment).initializer;
        if (initializer !== undefined) check(initializer, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        checkShorthand(node as ts.ShorthandPropertyAssignment, escapes);
        break;
      case ts.SyntaxKind.ArrayLiteralExpression:
        for (const element of (node as ts.ArrayLiteralExpression).elements) if (!ts.isSpreadElement(element) && !ts.isOmittedExpression(element)) check(element, 'contextual', escapes);
        break;
      case ts.SyntaxKind.ReturnStatement:
      case ts.SyntaxKind.YieldExpression: {
        const expression = (node as ts.ReturnStatement | ts.YieldExpression).expression;
        if (expression !== undefined) check(expression, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.ArrowFunction: {
        const body = (node as ts.ArrowFunction).body;
        if (!ts.isBlock(body)) check(body, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken) check(binary.right, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.ThrowStatement:
        check((node as ts.ThrowStatement).expression, 'thrown', escapes);
        break;
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.TypeAssertionExpression: {
        const cast = node as ts.AsExpression | ts.TypeAssertion;
        // Only a cast whose result goes somewhere: `(execSync as any)(…)` and `(m as unknown as T).x` are judged where they are used.
        let outer: ts.Expression = cast;
        while (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isTypeAssertionExpression(outer.parent)) outer = outer.parent;
        const parent = outer.parent;
        const used = (ts.isCallExpression(parent) || ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === outer;
        if (!used && isUntyped(checker.getTypeFromTypeNode(cast.type)) && !retypedAsItself(cast)) check(cast.expression, 'cast', escapes);
        break;
      }
      default:
        break;
    }
    ts.forEachChild(node, (child) => visitNode(child, escapes));
  };

  return (sourceFile) => {
    const known = found.get(sourceFile);
    if (known !== undefined) return known;
    const escapes: UntypedEscape[] = [];
    ts.forEachChild(sourceFile, (child) => visitNode(child, escapes));
    // One value met through two slots (an argument that is also an array element) is one escape.
    const unique = escapes.filter((escape, index) => escapes.findIndex((other) => other.node === escape.node) === index);
    found.set(sourceFile, unique);
    return unique;
  };
}
