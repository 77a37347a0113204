import ts from '../../policy/typescript.cjs';
import type { HandedParameter } from './handed-slots.js';

/**
 * An implementation whose parameter is wider than the member it is called through (red-team round 13):
 * `keep(run: unknown)` in an object typed `Keeper` or a class that implements or extends one, where
 * `Keeper` declares `keep(run: typeof execSync)`. The caller is checked against the declared member
 * (`keeper.keep(execSync)` is typed), so the capability reaches the implementation's `unknown`
 * parameter, where no type names it any more: parameter-side contravariance, which the checker accepts.
 * Each annotated, plainly named parameter is paired with what the declared member's parameter at the
 * same position admits (`handed`); the escape finder judges whether that holds a capability the
 * annotation (`declared`) loses.
 */

/** The declared members a class member is called through: the same name in the types its `extends`/`implements` name. */
function classBaseMembers(checker: ts.TypeChecker, member: ts.MethodDeclaration, name: string): readonly ts.Type[] {
  const owner = member.parent;
  if (!(ts.isClassDeclaration(owner) || ts.isClassExpression(owner))) return [];
  const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) === true;
  return (owner.heritageClauses ?? []).flatMap((clause) => {
    if (isStatic && clause.token !== ts.SyntaxKind.ExtendsKeyword) return [];
    return clause.types.flatMap((written) => {
      const base = isStatic ? checker.getTypeAtLocation(written.expression) : checker.getTypeAtLocation(written);
      const property = checker.getPropertyOfType(base, name);
      return property === undefined ? [] : [checker.getTypeOfSymbol(property)];
    });
  });
}

/** The declared member an object literal's method or function-valued property is called through: the same name in the literal's contextual type. */
function literalDeclaredMember(checker: ts.TypeChecker, literal: ts.ObjectLiteralExpression, name: string): readonly ts.Type[] {
  const contextual = checker.getContextualType(literal);
  if (contextual === undefined) return [];
  return (contextual.isUnion() ? contextual.types : [contextual]).flatMap((member) => {
    const property = checker.getPropertyOfType(member, name);
    return property === undefined ? [] : [checker.getTypeOfSymbol(property)];
  });
}

function memberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** The function a member implements with, and the declared member types it is called through. */
function implementation(checker: ts.TypeChecker, node: ts.Node): { readonly fn: ts.SignatureDeclaration; readonly declared: readonly ts.Type[] } | undefined {
  if (ts.isMethodDeclaration(node)) {
    const name = memberName(node.name);
    if (name === undefined) return undefined;
    if (ts.isObjectLiteralExpression(node.parent)) return { fn: node, declared: literalDeclaredMember(checker, node.parent, name) };
    return { fn: node, declared: classBaseMembers(checker, node, name) };
  }
  if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent) && node.initializer !== undefined) {
    const fn = node.initializer;
    const name = memberName(node.name);
    if (name === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
    return { fn, declared: literalDeclaredMember(checker, node.parent, name) };
  }
  return undefined;
}

export function widerImplementationParameters(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  const found = implementation(checker, node);
  if (found === undefined || found.declared.length === 0) return [];
  const parameters = found.fn.parameters;
  if (!parameters.some((parameter) => parameter.type !== undefined)) return [];
  const signatures = found.declared.flatMap((type) => type.getCallSignatures());
  const handed: HandedParameter[] = [];
  parameters.forEach((parameter, index) => {
    if (parameter.type === undefined || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken !== undefined) return;
    const declared = checker.getTypeFromTypeNode(parameter.type);
    for (const signature of signatures) {
      const base = signature.getParameters()[index];
      const baseDeclaration = base?.valueDeclaration;
      if (base === undefined || (baseDeclaration !== undefined && ts.isParameter(baseDeclaration) && baseDeclaration.dotDotDotToken !== undefined)) continue;
      handed.push({ name: parameter.name, handed: checker.getTypeOfSymbol(base), declared });
    }
  });
  return handed;
}
