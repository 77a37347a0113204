import ts from '../../policy/typescript.cjs';
import { argumentListOf, forwarded, isReflectApply, outermost, parameterTypeAt, signatureFor } from './handed-slots.js';

/**
 * Where the members of a spread land (red-team round 13): `keepAll(...pair)` with `const pair =
 * [execSync] as const`, `kept.push(...tools)`, `f.call(thisArg, ...list)`, `new (C)(...list)`, and the
 * argument list of `f.apply(thisArg, list)` or `Reflect.apply(f, thisArg, list)`. The checker types the
 * spread as a whole; its members meet the parameters one by one. A tuple's members land at their
 * positions; an array's element (a tuple with a rest element, a set's or a generator's values), or any
 * member after another spread, may land at every position from the spread's on, and meets each of
 * them. An array literal's own members are placed by receivingSlot (handed-slots.ts).
 */
export interface Landing {
  /** The member's type. */
  readonly member: ts.Type;
  /** The type of the parameter it lands in (a rest parameter's element). */
  readonly slot: ts.Type;
  /** The function it lands in and the parameter's index: what its body does with it (generic-store.ts). */
  readonly declaration: ts.Declaration | undefined;
  readonly index: number;
}

/** The signature a list is spread into, the position of its first member, and whether positions are known. */
interface ListTarget {
  readonly signature: ts.Signature;
  readonly start: number;
  readonly exact: boolean;
}

/** A spread at argument `index` of `call`: `f`'s parameters for `f.call`/`f.bind`, else the call's own signature. */
function inArguments(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, index: number, count: number): ListTarget | undefined {
  const args = call.arguments ?? [];
  if (index < 0) return undefined;
  const exact = !args.slice(0, index).some(ts.isSpreadElement);
  const forward = ts.isCallExpression(call) ? forwarded(checker, call) : undefined;
  if (forward === undefined) {
    const signature = checker.getResolvedSignature(call);
    return signature === undefined ? undefined : { signature, start: index, exact };
  }
  // `thisArg` and `apply`'s own arguments are no parameters of `f`.
  if (forward.how === 'apply' || index === 0) return undefined;
  const signature = signatureFor(checker, forward.target, args.length - 1 + count);
  return signature === undefined ? undefined : { signature, start: index - 1, exact };
}

function targetOf(checker: ts.TypeChecker, written: ts.Expression, count: number): ListTarget | undefined {
  const whole = outermost(written);
  const parent = whole.parent;
  if (ts.isSpreadElement(parent)) {
    const holder = parent.parent;
    if (ts.isCallExpression(holder) || ts.isNewExpression(holder)) return inArguments(checker, holder, holder.arguments?.indexOf(parent) ?? -1, count);
    if (!ts.isArrayLiteralExpression(holder)) return undefined;
    // `f(...[a, ...list])`, `f.apply(thisArg, [a, ...list])`: the literal is the argument list.
    const list = argumentListOf(checker, holder);
    const index = holder.elements.indexOf(parent);
    const exact = !holder.elements.slice(0, index).some(ts.isSpreadElement);
    if (list === undefined) return undefined;
    if (list.target === undefined) {
      const target = inArguments(checker, list.call, list.start + index, count);
      return target === undefined ? undefined : { ...target, exact: target.exact && exact };
    }
    const signature = signatureFor(checker, list.target, holder.elements.length - 1 + count);
    return signature === undefined ? undefined : { signature, start: index, exact };
  }
  if (!ts.isCallExpression(parent)) return undefined;
  // A list handed whole: `f.apply(thisArg, list)`, `Reflect.apply(f, thisArg, list)`.
  const forward = forwarded(checker, parent);
  const callee = forward?.how === 'apply' && parent.arguments[1] === whole ? forward.target : isReflectApply(checker, parent) && parent.arguments[2] === whole ? parent.arguments[0] : undefined;
  const signature = callee === undefined ? undefined : signatureFor(checker, callee, count);
  return signature === undefined ? undefined : { signature, start: 0, exact: true };
}

/** The members a spread of `type` hands over, and whether each keeps its position (a tuple of fixed members). */
function membersOf(checker: ts.TypeChecker, type: ts.Type, depth = 0): { readonly members: readonly ts.Type[]; readonly exact: boolean } {
  if (depth > 4) return { members: [], exact: false };
  if ((type.flags & ts.TypeFlags.TypeParameter) !== 0) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint === undefined ? { members: [], exact: false } : membersOf(checker, constraint, depth + 1);
  }
  if (type.isUnion()) return { members: type.types.flatMap((member) => membersOf(checker, member, depth + 1).members), exact: false };
  if (checker.isTupleType(type)) {
    const flags = ((type as ts.TypeReference).target as ts.TupleType).elementFlags;
    const members = checker.getTypeArguments(type as ts.TypeReference).slice(0, flags.length);
    return { members, exact: flags.every((flag) => (flag & (ts.ElementFlags.Required | ts.ElementFlags.Optional)) !== 0) };
  }
  const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
  if (element !== undefined) return { members: [element], exact: false };
  // Another iterable (`Set<T>`, `Generator<T>`): its type arguments stand for what it yields.
  const isReference = (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
  return { members: isReference ? checker.getTypeArguments(type as ts.TypeReference) : [], exact: false };
}

/** The last position a member may land at: the last parameter, or each member of a rest tuple. */
function lastPosition(checker: ts.TypeChecker, signature: ts.Signature): number {
  const parameters = signature.getParameters();
  const last = parameters.at(-1);
  if (last === undefined) return -1;
  const rest = checker.getTypeOfSymbol(last);
  const restMembers = checker.isTupleType(rest) ? checker.getTypeArguments(rest as ts.TypeReference).length : 1;
  return parameters.length - 1 + Math.max(restMembers - 1, 0);
}

/**
 * The slot at `index`. A rest parameter typed by a type parameter (`...values: T`, forwarded on as
 * `fn(...values)` to `fn: (...args: T) => R`) is that type parameter: the members keep it.
 */
function slotAt(checker: ts.TypeChecker, signature: ts.Signature, index: number): ts.Type | undefined {
  const parameters = signature.getParameters();
  const last = parameters.at(-1);
  const declaration = last?.valueDeclaration;
  if (last !== undefined && index >= parameters.length - 1 && declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined) {
    const rest = checker.getTypeOfSymbol(last);
    if ((rest.flags & ts.TypeFlags.TypeParameter) !== 0) return rest;
  }
  return parameterTypeAt(checker, signature, index);
}

/** By the syntax alone: a spread, or the second or third argument of a method named `apply`. */
function mayBeArgumentList(written: ts.Expression): boolean {
  const parent = outermost(written).parent;
  if (ts.isSpreadElement(parent)) return true;
  return ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'apply' && parent.arguments.indexOf(outermost(written)) > 0;
}

/** Where each member of `written` (a spread's expression, or a list handed to `apply`) lands; empty when it is no such list. */
export function spreadLandings(checker: ts.TypeChecker, written: ts.Expression): readonly Landing[] {
  if (!mayBeArgumentList(written)) return [];
  const { members, exact } = membersOf(checker, checker.getTypeAtLocation(written));
  if (members.length === 0) return [];
  const target = targetOf(checker, written, exact ? members.length : 1);
  if (target === undefined) return [];
  const declaration = target.signature.getDeclaration() as ts.Declaration | undefined;
  const last = lastPosition(checker, target.signature);
  const landings: Landing[] = [];
  members.forEach((member, offset) => {
    const first = target.start + (exact ? offset : 0);
    // Positions known: the one. Otherwise every position from the first it may take to the last parameter.
    const final = exact && target.exact ? first : Math.max(first, last);
    for (let index = first; index <= final; index += 1) {
      const slot = slotAt(checker, target.signature, index);
      if (slot !== undefined) landings.push({ member, slot, declaration, index });
    }
  });
  return landings;
}
