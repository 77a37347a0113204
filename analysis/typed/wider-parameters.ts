import ts from '../../policy/typescript.cjs';
import { skipOuter } from '../syntax/index.js';
import type { HandedParameter } from './handed-slots.js';
import { pairParameters, receivingParameter } from './parameter-lists.js';

/**
 * An implementation whose parameter is wider than the member it is called through (red-team round 13):
 * `keep(run: unknown)` in an object typed `Keeper` or a class that implements or extends one, where
 * `Keeper` declares `keep(run: typeof execSync)`. The caller is checked against the declared member
 * (`keeper.keep(execSync)` is typed), so the capability reaches the implementation's `unknown`
 * parameter, where no type names it any more: parameter-side contravariance, which the checker accepts.
 * Each annotated, plainly named parameter is paired with what the declared member's parameter at the
 * same position admits (`handed`); the escape finder judges whether that holds a capability the
 * annotation (`declared`) loses. Round 14 added the other shapes of the same hand-off: a setter (what
 * `keeper.run = x` admits), an arrow or function field (`keep = (run: unknown) => …`), a member the
 * declared type has only through an index signature, and a generic implementation (`keep<T>(run: T)`).
 */

/** The declared members a class member is called through: the same name in the types its `extends`/`implements` name (or their index signature). */
function classBaseMembers(checker: ts.TypeChecker, member: ts.MethodDeclaration | ts.PropertyDeclaration | ts.SetAccessorDeclaration, name: string, read: MemberRead): readonly ts.Type[] {
  const owner = member.parent;
  if (!(ts.isClassDeclaration(owner) || ts.isClassExpression(owner))) return [];
  const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) === true;
  return (owner.heritageClauses ?? []).flatMap((clause) => {
    if (isStatic && clause.token !== ts.SyntaxKind.ExtendsKeyword) return [];
    return clause.types.flatMap((written) => {
      const base = isStatic ? checker.getTypeAtLocation(written.expression) : checker.getTypeAtLocation(written);
      return memberTypes(checker, base, name, read);
    });
  });
}

/** How a member is reached: called (its type's call signatures) or written (`keeper.run = x` reaches a setter). */
export type MemberRead = 'called' | 'written';

/**
 * The type `name` has in `type` as a caller sees it: the property's type (its write type for a setter:
 * what `x.name = v` admits), else the index signature that admits the name (`[name: string]: (run: …) => void`).
 */
export function memberTypes(checker: ts.TypeChecker, type: ts.Type, name: string, read: MemberRead): readonly ts.Type[] {
  const property = checker.getPropertyOfType(type, name);
  if (property !== undefined) {
    if (read === 'called') return [checker.getTypeOfSymbol(property)];
    const setters = (property.declarations ?? []).filter((declaration): declaration is ts.SetAccessorDeclaration => ts.isSetAccessorDeclaration(declaration));
    if (setters.length === 0) return [checker.getTypeOfSymbol(property)];
    return setters.flatMap((setter) => (setter.parameters[0] === undefined ? [] : [checker.getTypeAtLocation(setter.parameters[0])]));
  }
  const numeric = name !== '' && String(Number(name)) === name;
  const info = checker.getIndexInfosOfType(type).find((each) => (each.keyType.flags & ts.TypeFlags.String) !== 0 || (numeric && (each.keyType.flags & ts.TypeFlags.Number) !== 0));
  return info === undefined ? [] : [info.type];
}

/** The declared member an object literal's method or function-valued property is called through: the same name in the literal's contextual type. */
function literalDeclaredMember(checker: ts.TypeChecker, literal: ts.ObjectLiteralExpression, name: string, read: MemberRead): readonly ts.Type[] {
  const contextual = checker.getContextualType(literal);
  if (contextual === undefined) return [];
  return (contextual.isUnion() ? contextual.types : [contextual]).flatMap((member) => memberTypes(checker, member, name, read));
}

function memberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** The function a member implements with, the declared member types it is reached through, and how. */
interface Implementation {
  readonly fn: ts.SignatureDeclaration;
  readonly declared: readonly ts.Type[];
  readonly read: MemberRead;
}

function implementation(checker: ts.TypeChecker, node: ts.Node): Implementation | undefined {
  if (ts.isMethodDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const name = memberName(node.name);
    if (name === undefined) return undefined;
    const read: MemberRead = ts.isSetAccessorDeclaration(node) ? 'written' : 'called';
    if (ts.isObjectLiteralExpression(node.parent)) return { fn: node, declared: literalDeclaredMember(checker, node.parent, name, read), read };
    return { fn: node, declared: classBaseMembers(checker, node, name, read), read };
  }
  // `keep = (run: unknown) => …` as a class field or an object literal's property.
  if ((ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) || (ts.isPropertyDeclaration(node) && ts.isClassLike(node.parent))) {
    const fn = node.initializer === undefined ? undefined : skipOuter(node.initializer);
    const name = memberName(node.name);
    if (fn === undefined || name === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
    const declared = ts.isPropertyAssignment(node) ? literalDeclaredMember(checker, node.parent as ts.ObjectLiteralExpression, name, 'called') : classBaseMembers(checker, node as ts.PropertyDeclaration, name, 'called');
    return { fn, declared, read: 'called' };
  }
  return undefined;
}

export function widerImplementationParameters(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  const found = implementation(checker, node);
  if (found === undefined || found.declared.length === 0) return [];
  if (found.read === 'written') {
    const parameter = receivingParameter(checker, found.fn, 0);
    return parameter === undefined ? [] : found.declared.map((written) => ({ name: parameter.name, handed: written, declared: parameter.type }));
  }
  // The parameter list as a whole (parameter-lists.ts): a rest, a pattern, `arguments` past the last parameter.
  return found.declared
    .flatMap((type) => type.getCallSignatures())
    .flatMap((signature) => pairParameters(checker, signature, found.fn).map((pair) => ({ name: pair.receiving.name, handed: pair.handed, declared: pair.receiving.type })));
}

/** A signature's rest parameter (`...args`): a position past it is not one parameter. */
export function isRestSymbol(parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  return declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
}
