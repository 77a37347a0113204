import ts from '../../policy/typescript.cjs';
import { skipOuter } from '../syntax/index.js';
import { parameterAt } from './call-handoff.js';
import { isLibraryDeclaration, mayLoseValues } from './lossy-slot.js';
import { admittedBy, ownArgumentsRead } from './parameter-lists.js';
import { constrainedSignature } from './constrained-arguments.js';

/**
 * Cheap questions the flow check (untyped-escapes.ts, `gated`) asks before an expensive one, each
 * answering false only where the expensive one provably finds nothing. The expensive side is the
 * type of a value that is contextually typed: a callback's type, like an argument's slot, resolves
 * the enclosing call (generic inference), which is most of what a typed run costs.
 */

/** Symbols that are the signatures themselves, not a slot holding a function value of some other declaration. */
const OWN_SIGNATURES = ts.SymbolFlags.Function | ts.SymbolFlags.Method;
const HOLDS_A_VALUE = ts.SymbolFlags.Variable | ts.SymbolFlags.Property | ts.SymbolFlags.Accessor | ts.SymbolFlags.Class;

/**
 * A declaration whose parameter at `index` generic-store.ts may judge: a body the project wrote, and
 * a parameter annotated with a type reference (its own type parameter is one). The same syntactic
 * conditions parameterStored checks before it reads anything.
 */
function mayStoreAt(declaration: ts.Declaration, index: number): boolean {
  if (isLibraryDeclaration(declaration)) return false;
  const bodied = ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration);
  if (!bodied || declaration.body === undefined) return false;
  const annotation = parameterAt(declaration, index)?.type;
  return annotation !== undefined && ts.isTypeReferenceNode(annotation);
}

/**
 * Whether the function `call` resolves to may store its argument at `index` (generic-store.ts
 * parameterStored), judged from the callee's own declarations without resolving the call: a
 * function or method symbol's signatures are its declarations, so when none of them has a project
 * body with a type-reference parameter there, no resolved signature can. Any other callee (a
 * variable, a property or class, a computed callee) may.
 */
export function mayStoreArgument(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, index: number): boolean {
  const callee = skipOuter(call.expression);
  const at = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  let symbol = at === undefined ? undefined : checker.getSymbolAtLocation(at);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  if (symbol === undefined || (symbol.flags & OWN_SIGNATURES) === 0 || (symbol.flags & HOLDS_A_VALUE) !== 0) return true;
  const declarations = symbol.declarations ?? [];
  return declarations.length === 0 || declarations.some((declaration) => mayStoreAt(declaration, index));
}

/**
 * Whether a callback's parameter list may lose what its caller hands it (parameter-lists.ts
 * handedParameters, judged by slotLoss and, for what the handed value holds, by the structural walk):
 * only a list that reads its own `arguments`, has a rest parameter, or annotates a parameter (a name
 * or a pattern, or `this`) with a type that loses values or widens somewhere inside (`mayWiden`) can. Read from
 * the annotations, before the callback's contextual type.
 */
export function callbackMayLose(checker: ts.TypeChecker, node: ts.Node, mayWiden: (type: ts.Type) => boolean): boolean {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return true;
  if (ownArgumentsRead(node) !== undefined) return true;
  // Every parameter, a declared `this` too (parameter-lists.ts pairParameters pairs it).
  return node.parameters.some((parameter) => {
    if (parameter.dotDotDotToken !== undefined) return true;
    if (parameter.type === undefined) return false;
    const admitted = admittedBy(checker, node, checker.getTypeFromTypeNode(parameter.type));
    return mayLoseValues(checker, admitted) || mayWiden(admitted);
  });
}

/**
 * Whether constrained-arguments.ts can find anything at `call` without resolving it: the call resolves
 * to one of the signatures the callee's type lists, and only a declaration with a constrained type
 * parameter (constrainedSignature, asked of the declaration as the resolved one is: an instantiation
 * expression's signatures keep theirs) pairs an argument with a constraint. A `super(…)` call or a
 * union or intersection callee is not read from its type here: it may.
 */
export function mayConstrainArguments(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.SuperKeyword) return true;
  const callee = checker.getTypeAtLocation(call.expression);
  if (callee.isUnionOrIntersection()) return true;
  const signatures = ts.isNewExpression(call) ? callee.getConstructSignatures() : callee.getCallSignatures();
  return signatures.some((signature) => constrainedSignature(checker, signature.getDeclaration()) !== undefined);
}
