import ts from '../../policy/typescript.cjs';
import { isSupertype, isUntyped } from './lossy-slot.js';

/**
 * A class member that overrides or implements a member of a base class or an interface hands its
 * value to the base's slot: the instance is used as the base (`export const tool: Base = new Impl()`),
 * and whoever reads `tool.run` or calls `tool.pick()` gets the base's type (`Function`, `unknown`),
 * which no longer names the capability the member holds (red-team round 12). The checker accepts the
 * override because the member's type is assignable to the base's; nothing is written into a slot
 * the escape finder meets (a getter's or method's inferred return has no contextual type).
 * The hand-off point is the overriding member: its own type against the type the base declares.
 */
export interface OverridingMember {
  /** The member's name as written in the class. */
  readonly name: ts.Identifier | ts.StringLiteral;
  /** What the member holds: a property's or getter's type, a method's return type. */
  readonly handed: ts.Type;
  /** What the base declares for it (the same reading of the base member). */
  readonly declared: readonly ts.Type[];
}

/**
 * What a class's members are used as: the instance types its `extends` and `implements` clauses name,
 * and for static members the constructor its `extends` names (`const Tool: typeof Base = Impl`).
 */
function baseTypes(checker: ts.TypeChecker, declaration: ts.ClassLikeDeclaration, isStatic: boolean): readonly ts.Type[] {
  return (declaration.heritageClauses ?? []).flatMap((clause) => {
    if (!isStatic) return clause.types.map((type) => checker.getTypeAtLocation(type));
    return clause.token === ts.SyntaxKind.ExtendsKeyword ? clause.types.map((type) => checker.getTypeAtLocation(type.expression)) : [];
  });
}

/** The return types of a type's call signatures (a method, or a property typed as a function). */
function returnTypes(checker: ts.TypeChecker, type: ts.Type): readonly ts.Type[] {
  return type.getCallSignatures().map((signature) => checker.getReturnTypeOfSignature(signature));
}

/** `any`/`unknown` or a supertype, alone or in a union: a slot that may lose what a member holds (lossy-slot.ts judges it). */
function isWide(checker: ts.TypeChecker, type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).some((member) => isUntyped(member) || isSupertype(checker, member));
}

/** A method's own return type (its signature as declared or inferred). */
function methodReturn(checker: ts.TypeChecker, method: ts.MethodDeclaration): ts.Type | undefined {
  const signature = checker.getSignatureFromDeclaration(method);
  return signature === undefined ? undefined : checker.getReturnTypeOfSignature(signature);
}

/**
 * The members of `node` (a class declaration or expression with heritage clauses) that
 * override or implement a base member, each with what it holds and what the base declares for it.
 * Only base members typed wide (isWide, or `mayWiden`: a position inside them is) are kept, and only
 * members whose own type `holdsCapability`.
 */
export function overridingMembers(checker: ts.TypeChecker, node: ts.Node, holdsCapability: (type: ts.Type) => boolean, mayWiden: (type: ts.Type) => boolean): readonly OverridingMember[] {
  if (!(ts.isClassDeclaration(node) || ts.isClassExpression(node)) || node.heritageClauses === undefined) return [];
  const found: OverridingMember[] = [];
  for (const member of node.members) {
    const isMethod = ts.isMethodDeclaration(member);
    if (!(isMethod || ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member))) continue;
    const name = member.name;
    if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) continue;
    const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) === true;
    const declared = baseTypes(checker, node, isStatic).flatMap((base) => {
      const property = checker.getPropertyOfType(base, name.text);
      if (property === undefined) return [];
      const type = checker.getTypeOfSymbol(property);
      return isMethod ? returnTypes(checker, type) : [type];
    }).filter((type) => isWide(checker, type) || mayWiden(type));
    // The base is asked first: inferring a method's return type checks its body.
    if (declared.length === 0) continue;
    const symbol = checker.getSymbolAtLocation(name);
    const handed = isMethod ? methodReturn(checker, member) : symbol === undefined ? undefined : checker.getTypeOfSymbol(symbol);
    if (handed !== undefined && holdsCapability(handed)) found.push({ name, handed, declared });
  }
  return found;
}
