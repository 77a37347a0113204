import ts from '../../policy/typescript.cjs';
import { skipOuter } from '../syntax/index.js';
import { parameterTypeAt, type HandedParameter } from './handed-slots.js';
import { isLibraryDeclaration } from './lossy-slot.js';
import { pairedWith, unpairedOrigins } from './lost-pairings.js';

/**
 * An argument inferred for a type parameter whose constraint is the signature its body calls it
 * through (red-team round 16): `function withRun<F extends (run: typeof execSync) => void>(cb: F) {
 * cb(execSync) }` given `(run: unknown) => …`. The checker pairs the argument with `F` as inferred from
 * the argument itself (its own type, so nothing is wider); the body sees `F` only as its constraint and
 * hands the capability through it. Each argument is paired with the constraint of the parameter it
 * fills, through the array and object literals that hold it (`cbs: F[]`, `opts: { run: F }`).
 */

/** How deep a literal argument is followed into the declared parameter's elements and properties. */
const MAX_DEPTH = 3;

/** `F` when it is one of the signature's own type parameters (a constructor's are its class's) and has a constraint. */
function constraintOf(type: ts.Type, own: ReadonlySet<ts.Type>): ts.Type | undefined {
  return own.has(type) ? (type as ts.TypeParameter).getConstraint() : undefined;
}

/** The type a literal's element at `index` takes in `declared`: a tuple's member, an array's element. */
function elementOf(checker: ts.TypeChecker, declared: ts.Type, index: number): ts.Type | undefined {
  if (checker.isTupleType(declared)) return checker.getTypeArguments(declared as ts.TypeReference)[index];
  return checker.isArrayType(declared) ? checker.getTypeArguments(declared as ts.TypeReference)[0] : undefined;
}

function matched(checker: ts.TypeChecker, written: ts.Expression, declared: ts.Type, own: ReadonlySet<ts.Type>, depth: number): readonly HandedParameter[] {
  const constraint = constraintOf(declared, own);
  const inner = skipOuter(written);
  if (constraint !== undefined) return (unpairedOrigins(checker, written) ?? [inner]).flatMap((origin) => pairedWith(checker, inner, origin, constraint));
  if (depth >= MAX_DEPTH) return [];
  if (ts.isArrayLiteralExpression(inner)) {
    return inner.elements.flatMap((element, index) => {
      const slot = ts.isSpreadElement(element) || ts.isOmittedExpression(element) ? undefined : elementOf(checker, declared, index);
      return slot === undefined ? [] : matched(checker, element, slot, own, depth + 1);
    });
  }
  if (ts.isObjectLiteralExpression(inner)) {
    return inner.properties.flatMap((property) => {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return [];
      const slot = declared.getProperty(property.name.text);
      return slot === undefined ? [] : matched(checker, property.initializer, checker.getTypeOfSymbol(slot), own, depth + 1);
    });
  }
  return [];
}

/**
 * The generic signature a project declaration declares, as its body sees its parameters, when one of
 * its own type parameters (a constructor's are its class's) has a constraint.
 */
export function constrainedSignature(checker: ts.TypeChecker, declaration: ts.Declaration | undefined): ts.Signature | undefined {
  if (declaration === undefined || !ts.isFunctionLike(declaration) || isLibraryDeclaration(declaration)) return undefined;
  const signature = checker.getSignatureFromDeclaration(declaration);
  return signature?.getTypeParameters()?.some((parameter) => parameter.getConstraint() !== undefined) === true ? signature : undefined;
}

export function constrainedArguments(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): readonly HandedParameter[] {
  const signature = constrainedSignature(checker, checker.getResolvedSignature(call)?.getDeclaration());
  if (signature === undefined) return [];
  const own = new Set<ts.Type>((signature.getTypeParameters() ?? []).filter((parameter) => parameter.getConstraint() !== undefined));
  const args = call.arguments ?? [];
  // A spread hides the positions after it.
  const spread = args.findIndex(ts.isSpreadElement);
  return args.slice(0, spread === -1 ? args.length : spread).flatMap((argument, index) => {
    const declared = parameterTypeAt(checker, signature, index);
    return declared === undefined ? [] : matched(checker, argument, declared, own, 0);
  });
}
