import ts from '../../policy/typescript.cjs';
import { literalString, skipOuter } from '../syntax/index.js';
import { receivingSlot, type HandedParameter } from './handed-slots.js';
import { isLibraryDeclaration, isUntyped } from './lossy-slot.js';
import { widerMembers } from './wider-function-values.js';
import { memberTypes } from './wider-parameters.js';

/**
 * An implementation the checker never paired with the declared type callers go through (red-team
 * round 16). wider-parameters.ts and wider-function-values.ts judge an implementation where the checker
 * meets it with the declared type (a contextual type, `implements`, an annotated initializer). Here the
 * meeting is lost, so it is made again: the implementation reaches the declared type through a value
 * typed `any`/`unknown` (`const impl: any = { keep(run: unknown) {…} }; const keeper: Keeper = impl`),
 * a cast (`{ … } as unknown as Keeper`), a prototype (`Object.setPrototypeOf({}, proto)`,
 * `Object.create(proto)`), or replaces a member after the object is made (`Object.assign(keeper, …)`,
 * `Object.defineProperty(keeper, 'keep', { value })`, `Object.defineProperties`,
 * `Reflect.defineProperty`, `Object.setPrototypeOf(keeper, proto)`). Each is a flow of a function value
 * into a declared signature: its parameters are paired with what the signature's callers hand.
 */

/** How many `any`-typed variables are followed back to where their value was made. */
const MAX_FOLLOWED = 4;

/** Library functions that make or change an object's members, by the name the checker qualifies them with. */
const OBJECT_MAKERS: ReadonlySet<string> = new Set(['setPrototypeOf', 'create', 'assign', 'defineProperty', 'defineProperties']);

/** The library function a call resolves to (`ObjectConstructor.assign`, `Reflect.defineProperty`), asked only of the member names in `names`. */
export function libraryCallee(checker: ts.TypeChecker, call: ts.CallExpression, names: ReadonlySet<string> = OBJECT_MAKERS): string | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !names.has(callee.name.text)) return undefined;
  const symbol = checker.getSymbolAtLocation(callee.name);
  const declaration = symbol?.declarations?.[0];
  return symbol !== undefined && declaration !== undefined && isLibraryDeclaration(declaration) ? checker.getFullyQualifiedName(symbol) : undefined;
}

/** A result whose members come from these arguments: the object and its new prototype, a created object's prototype. */
const MEMBERS_FROM: ReadonlyMap<string, readonly number[]> = new Map([
  ['ObjectConstructor.setPrototypeOf', [0, 1]],
  ['ObjectConstructor.create', [0]],
]);

/**
 * Where the members of `expression`'s value were made, when the types between lost them: through
 * casts, `any`/`unknown` variables (to their initializer) and prototype calls. Undefined when nothing
 * was lost on the way (the checker paired the value itself with its slot).
 */
export function unpairedOrigins(checker: ts.TypeChecker, expression: ts.Expression): readonly ts.Expression[] | undefined {
  const origins: ts.Expression[] = [];
  const follow = (written: ts.Expression, depth: number): boolean => {
    const inner = skipOuter(written);
    const lost = inner !== written && isCast(written);
    if (depth < MAX_FOLLOWED && ts.isIdentifier(inner) && isUntyped(checker.getTypeAtLocation(inner))) {
      const declaration = checker.getSymbolAtLocation(inner)?.valueDeclaration;
      if (declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && !isLibraryDeclaration(declaration)) {
        follow(declaration.initializer, depth + 1);
        return true;
      }
    }
    const call = ts.isCallExpression(inner) ? inner : undefined;
    const from = depth < MAX_FOLLOWED && call !== undefined ? MEMBERS_FROM.get(libraryCallee(checker, call) ?? '') : undefined;
    if (call !== undefined && from !== undefined) {
      for (const index of from) {
        const argument = call.arguments[index];
        if (argument !== undefined) follow(argument, depth + 1);
      }
      return true;
    }
    origins.push(inner);
    return lost;
  };
  return follow(expression, 0) ? origins : undefined;
}

function isCast(expression: ts.Expression): boolean {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return ts.isAsExpression(current) || ts.isTypeAssertionExpression(current);
}

/** A literal or function whose contextual type is `target`: the checker paired it there (wider-parameters.ts, parameter-lists.ts judge it). */
function pairedInPlace(checker: ts.TypeChecker, origin: ts.Expression, target: ts.Type): boolean {
  return (ts.isObjectLiteralExpression(origin) || ts.isArrowFunction(origin) || ts.isFunctionExpression(origin)) && checker.getContextualType(origin) === target;
}

/** The name a literal member is written under, when the syntax says it. */
export function literalKey(name: ts.PropertyName | undefined): string | undefined {
  if (name === undefined) return undefined;
  return ts.isIdentifier(name) || ts.isNumericLiteral(name) ? name.text : literalString(name);
}

/**
 * `origin`'s value paired with `target`. An object literal is paired member by member, each finding
 * at the member's name; anything else as a whole, at `at`.
 */
export function pairedWith(checker: ts.TypeChecker, at: ts.Expression, origin: ts.Expression, target: ts.Type): readonly HandedParameter[] {
  if (isUntyped(target) || pairedInPlace(checker, origin, target)) return [];
  if (!ts.isObjectLiteralExpression(origin)) return widerMembers(checker, at, checker.getTypeAtLocation(origin), target);
  return origin.properties.flatMap((property) => {
    const name = property.name;
    const symbol = name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? checker.getSymbolAtLocation(name) : undefined;
    if (symbol === undefined) return [];
    return memberTypes(checker, target, (name as ts.Identifier | ts.StringLiteral).text, 'called').flatMap((declared) => widerMembers(checker, name as ts.Identifier | ts.StringLiteral, checker.getTypeOfSymbol(symbol), declared));
  });
}

/** What a property descriptor literal makes the member: its `value`, or what its `get` returns. */
function describedValues(checker: ts.TypeChecker, descriptor: ts.Expression | undefined): ReadonlyArray<{ readonly at: ts.Expression; readonly type: ts.Type }> {
  const literal = descriptor === undefined ? undefined : skipOuter(descriptor);
  if (literal === undefined || !ts.isObjectLiteralExpression(literal)) return [];
  return literal.properties.flatMap((property) => {
    const key = literalKey(property.name);
    if (key === 'value' && ts.isPropertyAssignment(property)) return [{ at: property.name as ts.Expression, type: checker.getTypeAtLocation(property.initializer) }];
    if (key !== 'get' || property.name === undefined) return [];
    const getter = checker.getTypeAtLocation(ts.isPropertyAssignment(property) ? property.initializer : property);
    return getter.getCallSignatures().map((signature) => ({ at: property.name as ts.Expression, type: checker.getReturnTypeOfSignature(signature) }));
  });
}

/** A member replaced on `target` (`defineProperty`'s descriptor): the value paired with what the member declares. */
function describedMember(checker: ts.TypeChecker, target: ts.Type, key: string | undefined, descriptor: ts.Expression | undefined): readonly HandedParameter[] {
  if (key === undefined || isUntyped(target)) return [];
  const declared = memberTypes(checker, target, key, 'called');
  return describedValues(checker, descriptor).flatMap((value) => declared.flatMap((each) => widerMembers(checker, value.at, value.type, each)));
}

/** Members replaced after the object is made, by a library call. */
function replacedMembers(checker: ts.TypeChecker, call: ts.CallExpression): readonly HandedParameter[] {
  const name = libraryCallee(checker, call);
  const [first, second, third] = call.arguments;
  if (name === undefined || first === undefined || ts.isSpreadElement(first)) return [];
  const target = (): ts.Type => checker.getTypeAtLocation(first);
  switch (name) {
    case 'ObjectConstructor.assign':
      return call.arguments.slice(1).flatMap((source) => (ts.isSpreadElement(source) ? [] : (unpairedOrigins(checker, source) ?? [skipOuter(source)]).flatMap((origin) => pairedWith(checker, source, origin, target()))));
    case 'ObjectConstructor.setPrototypeOf':
      return second === undefined ? [] : (unpairedOrigins(checker, second) ?? [skipOuter(second)]).flatMap((origin) => pairedWith(checker, second, origin, target()));
    case 'ObjectConstructor.defineProperty':
    case 'Reflect.defineProperty':
      return second === undefined ? [] : describedMember(checker, target(), literalKey(skipOuter(second) as ts.PropertyName), third);
    case 'ObjectConstructor.defineProperties': {
      const descriptors = second === undefined ? undefined : skipOuter(second);
      if (descriptors === undefined || !ts.isObjectLiteralExpression(descriptors)) return [];
      return descriptors.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? describedMember(checker, target(), literalKey(property.name), property.initializer) : []));
    }
    default:
      return [];
  }
}

/** A value written into a slot (an annotated initializer, an assignment, an argument, a return, a literal's property) whose members were made where the types lost them. */
function writtenUnpaired(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  let written: ts.Expression | undefined;
  let slot: (() => ts.Type | undefined) | undefined;
  if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.type !== undefined && node.initializer !== undefined) {
    written = node.initializer;
    const annotation = node.type;
    slot = () => checker.getTypeFromTypeNode(annotation);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    written = node.right;
    slot = () => checker.getTypeAtLocation(node.left);
  } else if ((ts.isReturnStatement(node) || ts.isPropertyAssignment(node)) && (ts.isReturnStatement(node) ? node.expression : node.initializer) !== undefined) {
    written = ts.isReturnStatement(node) ? node.expression! : node.initializer;
    const expression = written;
    slot = () => checker.getContextualType(expression);
  } else if ((ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent)) && node.parent.expression !== node && ts.isExpression(node) && !ts.isSpreadElement(node)) {
    written = node;
    slot = () => receivingSlot(checker, node);
  }
  // Casts are judged where they are written (lostPairings); here only a name or a prototype call.
  if (written === undefined || slot === undefined || isCast(written)) return [];
  const inner = skipOuter(written);
  if (!ts.isIdentifier(inner) && !(ts.isCallExpression(inner) && ts.isPropertyAccessExpression(skipOuter(inner.expression)))) return [];
  const origins = unpairedOrigins(checker, written);
  const target = origins === undefined ? undefined : slot();
  return origins === undefined || target === undefined ? [] : origins.flatMap((origin) => pairedWith(checker, inner, origin, target));
}

/**
 * The outermost of a chain of casts: its type is the one the value goes on with, its innermost
 * expression made the members. The finding points at the variable it initializes, when there is one.
 */
function castUnpaired(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  if (!(ts.isAsExpression(node) || ts.isTypeAssertionExpression(node))) return [];
  let around = node.parent;
  while (ts.isParenthesizedExpression(around)) around = around.parent;
  if (ts.isAsExpression(around) || ts.isTypeAssertionExpression(around)) return [];
  if (ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const') return [];
  const target = checker.getTypeFromTypeNode(node.type);
  if ((target.flags & ts.TypeFlags.Object) === 0) return [];
  const at = ts.isVariableDeclaration(around) && ts.isIdentifier(around.name) ? around.name : node;
  return (unpairedOrigins(checker, node) ?? []).flatMap((origin) => pairedWith(checker, at, origin, target));
}

export function lostPairings(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  return [
    ...castUnpaired(checker, node),
    ...writtenUnpaired(checker, node),
    ...(ts.isCallExpression(node) ? replacedMembers(checker, node) : []),
  ];
}
