import ts from '../../policy/typescript.cjs';
import { isLibraryDeclaration } from './lossy-slot.js';

/**
 * Whether the caller walks the reference's visible members itself (structural widening walks every
 * property's instantiated type and call signatures' returns; the call hand-off's `heldTypes` does not).
 */
export type MemberWalk = 'members-walked' | 'members-not-walked';

/**
 * The types a generic reference holds through its type arguments (red-team rounds 13–14, precision).
 * Library generics (Array, Promise, Map) and anything not declared by the project's own class or
 * interface hold every argument: their members are not read here. A project class or interface is
 * judged by what its members become: a type parameter no member mentions (`class Slot<T> { constructor(
 * readonly label: string) {} }`, a phantom or branding parameter) holds nothing, and one mentioned only
 * by listed members holds what those members are once instantiated (`readonly kind: T extends F ?
 * 'function' : 'data'` is `'function'`, `names: (keyof T)[]` is `"run"[]`, `{ [K in keyof T]: boolean }`
 * holds booleans, `get(): T` returns the argument). A caller that walks the members itself (structural
 * widening) gets no member types back. What a walk of the listed members cannot see keeps the argument:
 * a heritage clause, an ES `#private` member, a member under a computed name the type does not list
 * (`[Symbol.for('k')]()`), a parameter of a constructor or method or a body naming the parameter (the
 * value may be stored anywhere), a property initializer naming it.
 */
export function typesHeldThroughTypeArguments(checker: ts.TypeChecker, reference: ts.TypeReference, walk: MemberWalk = 'members-not-walked'): readonly ts.Type[] {
  const typeArguments = checker.getTypeArguments(reference);
  const declarations = reference.target.getSymbol()?.declarations ?? [];
  const owners = declarations.filter((declaration): declaration is ts.ClassLikeDeclaration | ts.InterfaceDeclaration => ts.isClassLike(declaration) || ts.isInterfaceDeclaration(declaration));
  if (owners.length === 0 || owners.length !== declarations.length || owners.some(isLibraryDeclaration)) return typeArguments;
  const names = (reference.target.typeParameters ?? []).map((parameter) => parameter.getSymbol()?.getName());
  const properties = checker.getPropertiesOfType(reference);
  const listed = new Set(properties.map((property) => property.getEscapedName()));
  const held: ts.Type[] = typeArguments.filter((_, index) => {
    const name = names[index];
    return name === undefined || owners.some((owner) => mentionsUnseen(owner, name, listed));
  });
  if (walk === 'members-walked') return held;
  for (const property of properties) {
    const mentioning = (property.declarations ?? []).some((declaration) => names.some((name) => name !== undefined && mentionIn(declaration, name)));
    if (!mentioning) continue;
    const type = checker.getTypeOfSymbol(property);
    held.push(type, ...type.getCallSignatures().map((signature) => checker.getReturnTypeOfSignature(signature)));
  }
  return held;
}

const mentionIn = (node: ts.Node, name: string): boolean => {
  const visit = (child: ts.Node): boolean => (ts.isIdentifier(child) && child.text === name) || (ts.forEachChild(child, visit) ?? false);
  return visit(node);
};

/** Whether `name` is mentioned where a walk of the instantiated visible members cannot see what it holds. */
function mentionsUnseen(owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, name: string, listed: ReadonlySet<ts.__String>): boolean {
  if ((owner.heritageClauses ?? []).some((clause) => mentionIn(clause, name))) return true;
  return owner.members.some((member) => mentionIn(member, name) && !seenByMemberWalk(member, name, listed));
}

/**
 * A member whose every mention of the parameter a walk of the instantiated type sees: a listed property
 * or method (its type, its return), an index signature, a parameter property (a listed property too).
 * Parameters of constructors, methods, accessors and call/construct signatures are not seen (the value
 * handed in may be stored in an unlisted place), nor are `#private` or unlisted computed members.
 */
function seenByMemberWalk(member: ts.ClassElement | ts.TypeElement, name: string, listed: ReadonlySet<ts.__String>): boolean {
  if (ts.isIndexSignatureDeclaration(member)) return true;
  if (ts.isConstructorDeclaration(member) || ts.isConstructSignatureDeclaration(member) || ts.isCallSignatureDeclaration(member)) {
    return member.parameters.every((parameter) => !mentionIn(parameter, name) || isListedParameterProperty(parameter, listed)) && !mentionsInBody(member, name);
  }
  const memberName = member.name;
  if (memberName === undefined || ts.isPrivateIdentifier(memberName)) return false;
  const escaped = staticName(memberName);
  if (escaped === undefined || !listed.has(escaped)) return false;
  if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
    return member.parameters.every((parameter) => !mentionIn(parameter, name)) && !mentionsInBody(member, name);
  }
  // A property: its declared type is what the walk instantiates; an initializer naming T may hand values
  // elsewhere (`run = (v: T) => kept.push(v)`), so it is not seen.
  return !ts.isPropertyDeclaration(member) || member.initializer === undefined || !mentionIn(member.initializer, name);
}

/** A type parameter named inside a body (`const kept: T[] = []`) may be where the value goes. */
function mentionsInBody(member: ts.SignatureDeclaration, name: string): boolean {
  const body = (member as ts.FunctionLikeDeclarationBase).body;
  return body !== undefined && mentionIn(body, name);
}

/** `constructor(readonly value: T)`: a property the type lists, so the walk sees it. */
function isListedParameterProperty(parameter: ts.ParameterDeclaration, listed: ReadonlySet<ts.__String>): boolean {
  return (ts.getModifiers(parameter)?.length ?? 0) > 0 && ts.isIdentifier(parameter.name) && listed.has(parameter.name.escapedText);
}

/** The escaped property name a member declares when it is known without evaluation (computed names are not: they count as unlisted). */
function staticName(name: ts.PropertyName): ts.__String | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return ts.escapeLeadingUnderscores(name.text);
  return undefined;
}

/**
 * Whether the project class behind `type` has a member under a computed name its type does not list
 * (`[Symbol.for('k')]() { return this.#run; }`): such a member is reachable at run time
 * (`obj[Symbol.for('k')]()`), so what its `#private` fields hold is not hidden from an importer.
 */
export function hasUnlistedMembers(checker: ts.TypeChecker, type: ts.Type): boolean {
  const declarations = type.getSymbol()?.declarations ?? [];
  return declarations.some((declaration) => ts.isClassLike(declaration) && declaration.members.some((member) => {
    const name = member.name;
    if (name === undefined || !ts.isComputedPropertyName(name)) return false;
    // A literal or a `unique symbol` (`Symbol.iterator`, a declared const) names a listed property; `Symbol.for(…)`, a `symbol` or a `string` does not.
    const key = checker.getTypeAtLocation(name.expression);
    return (key.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.UniqueESSymbol)) === 0;
  }));
}
