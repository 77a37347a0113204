import ts from '../../policy/typescript.cjs';
import { isLibraryDeclaration } from './lossy-slot.js';

/**
 * The type arguments of a generic reference that can carry a value (red-team round 13, precision):
 * a project class or interface whose type parameter no member mentions (`class Slot<T> { constructor(readonly
 * label: string) {} }`, a phantom or branding parameter) holds nothing of `Slot<typeof execSync>`'s
 * argument. Library generics (Array, Promise, Map) and anything not declared by the project's own
 * class or interface keep every argument: their members are not read here.
 */
export function carryingTypeArguments(checker: ts.TypeChecker, reference: ts.TypeReference): readonly ts.Type[] {
  const typeArguments = checker.getTypeArguments(reference);
  const declarations = reference.target.getSymbol()?.declarations ?? [];
  const owners = declarations.filter((declaration): declaration is ts.ClassLikeDeclaration | ts.InterfaceDeclaration => ts.isClassLike(declaration) || ts.isInterfaceDeclaration(declaration));
  if (owners.length === 0 || owners.length !== declarations.length || owners.some(isLibraryDeclaration)) return typeArguments;
  const parameters = reference.target.typeParameters ?? [];
  return typeArguments.filter((_, index) => {
    const name = parameters[index]?.getSymbol()?.getName();
    return name === undefined || owners.some((owner) => mentions(owner, name));
  });
}

/** Whether a member or heritage clause of the declaration names `name` (a type parameter): text, not resolution, so a shadowing name counts too. */
function mentions(owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, name: string): boolean {
  const visit = (node: ts.Node): boolean => (ts.isIdentifier(node) && node.text === name) || (ts.forEachChild(node, visit) ?? false);
  return owner.members.some(visit) || (owner.heritageClauses ?? []).some(visit);
}
