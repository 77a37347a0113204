import ts from '../../policy/typescript.cjs';
import type { HandedParameter } from './handed-slots.js';
import { isLibraryDeclaration, isSupertype, isUntyped } from './lossy-slot.js';
import { argumentParameters, pairParameters, SIGNATURE_KINDS, writtenWithin } from './parameter-lists.js';

/**
 * A function value written into a slot whose function type admits more specific arguments than the
 * value's own parameters (red-team round 14): `const keep: (run: typeof execSync) => void =
 * store.keep.bind(store)` where `keep(run: unknown)`, or `const keeper: BaseKeeper = new Tool()` where a
 * mixin gave `Tool` a `keep(run: unknown)` over `BaseKeeper`'s `keep(run: typeof execSync)`. Callers go
 * through the slot's type, so a capability they hand reaches the value's `unknown` parameter:
 * parameter-side contravariance at the flow, where wider-parameters.ts judges it at a declaration
 * (`implements`, `extends`, an object literal's contextual type). Judged at annotated variables and
 * class fields with an initializer; the value's type must be the project's own (a library function
 * keeps nothing it is not declared to keep).
 */
export function widerFunctionValues(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  if (!(ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) || node.type === undefined || node.initializer === undefined || !ts.isIdentifier(node.name)) return [];
  // A value written through `any`, a cast or a prototype is paired where it was made (lost-pairings.ts).
  return widerMembers(checker, node.name, checker.getTypeAtLocation(node.initializer), checker.getTypeFromTypeNode(node.type));
}

/**
 * What callers through `target` hand to `source`'s own parameters, where `source` takes them wider: the
 * value's call signatures against the target's (its construct signatures, a class's constructor,
 * against the target's construct signatures), and (for the project's own objects and classes) each
 * member's against the target's member of the same name (or its string index signature). `at` is where
 * a finding points.
 */
export function widerMembers(checker: ts.TypeChecker, at: ts.Expression, source: ts.Type, target: ts.Type): readonly HandedParameter[] {
  if (source === target || (source.flags & ts.TypeFlags.Object) === 0) return [];
  const found: HandedParameter[] = [];
  const pair = (from: ts.Type, to: ts.Type): void => {
    for (const kind of SIGNATURE_KINDS) pairKind(from, to, kind);
  };
  const pairKind = (from: ts.Type, to: ts.Type, kind: ts.SignatureKind): void => {
    for (const sourceSignature of checker.getSignaturesOfType(from, kind)) {
      const fn = sourceSignature.getDeclaration() as ts.SignatureDeclaration | undefined;
      if (fn === undefined || isLibraryDeclaration(fn)) continue;
      // `f.bind(thisArg, a)` takes fewer arguments than `f` declares: its positions are not the declaration's.
      if (sourceSignature.getParameters().length !== argumentParameters(fn).length) continue;
      for (const targetSignature of checker.getSignaturesOfType(to, kind)) {
        for (const { handed, receiving } of pairParameters(checker, targetSignature, fn, sourceSignature)) {
          // A wider parameter at the top, or an object/array parameter that may be wider inside (the escape finder walks it).
          const declared = receiving.type;
          if (isUntyped(declared) || isSupertype(checker, declared) || ((declared.flags & ts.TypeFlags.Object) !== 0 && declared.getCallSignatures().length === 0)) found.push({ name: writtenWithin(receiving.name, at) ? receiving.name : at, handed, declared });
        }
      }
    }
  };
  pair(source, target);
  // Members only of the project's own objects and classes: a library object's methods keep what they declare.
  const owners = source.getSymbol()?.declarations ?? [];
  if (owners.length === 0 || owners.some(isLibraryDeclaration)) return found;
  const stringIndex = checker.getIndexInfosOfType(target).find((info) => (info.keyType.flags & ts.TypeFlags.String) !== 0)?.type;
  for (const property of checker.getPropertiesOfType(source)) {
    const declared = target.getProperty(property.getName());
    const to = declared === undefined ? stringIndex : checker.getTypeOfSymbol(declared);
    if (to !== undefined && SIGNATURE_KINDS.some((kind) => checker.getSignaturesOfType(to, kind).length > 0)) pair(checker.getTypeOfSymbol(property), to);
  }
  return found;
}
