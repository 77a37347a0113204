import ts from '../../policy/typescript.cjs';
import { receivingSlot } from './handed-slots.js';
import { isLibraryDeclaration, slotLoss, type SlotLoss } from './lossy-slot.js';

/**
 * A generic function that hands its argument back (`keep<T>(value: T): T`) looks harmless at the
 * call: the result still names the value (call-handoff.ts argumentLoss). Its body may also store
 * the value somewhere its type is gone (`kept.push(value)` with `kept: unknown[]`), and that store
 * is typed only `T`, so nothing inside the body names a capability. The hand-off is the call that
 * instantiates `T` with one (red-team round 12): judged here by what the body does with `T`.
 */

/** Function-likes whose body the project wrote (a declaration file's signature has none). */
type BodiedFunction = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

function bodiedDeclaration(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression): BodiedFunction | undefined {
  const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
  if (declaration === undefined || isLibraryDeclaration(declaration)) return undefined;
  const bodied = ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration);
  return bodied && declaration.body !== undefined ? declaration : undefined;
}

/**
 * The type parameter the parameter receiving argument `index` is annotated with, when the function
 * or its class declares it (`keep<T>(value: T)`, `class Registry<T> { add(value: T) }`). Its
 * constraint does not matter (`T extends typeof execSync | string` admits the capability as well as
 * an unbound one): what the body writes a `T` into is the slot judged. A rest parameter is annotated
 * with an array, never a bare `T`.
 */
function ownTypeParameter(checker: ts.TypeChecker, declaration: BodiedFunction, index: number): ts.Type | undefined {
  const annotation = declaration.parameters[index]?.type;
  if (annotation === undefined || !ts.isTypeReferenceNode(annotation)) return undefined;
  const declared = checker.getTypeFromTypeNode(annotation);
  const typeParameter = declared.getSymbol()?.declarations?.[0];
  if ((declared.flags & ts.TypeFlags.TypeParameter) === 0 || typeParameter === undefined) return undefined;
  const owner = typeParameter.parent;
  const ownedByClass = ts.isMethodDeclaration(declaration) && (ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) && declaration.parent === owner;
  return owner === declaration || ownedByClass ? declared : undefined;
}

/** `node` names what a parameter or variable declares (not a use of a value). */
function isDeclaredName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node;
}

/** The first place in `body` where a value of type `typeParameter` is written into an any/unknown or supertype slot. */
function storedLoss(checker: ts.TypeChecker, body: ts.Node, typeParameter: ts.Type): SlotLoss | undefined {
  let found: SlotLoss | undefined;
  // A reference to a `T` bound by a union (`T extends typeof execSync | string`) is typed by the constraint where no generic type is expected.
  const constraint = typeParameter.getConstraint();
  const byConstraint = constraint !== undefined && constraint.isUnion() ? constraint : undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isIdentifier(node) && !isDeclaredName(node) && [typeParameter, byConstraint].includes(checker.getTypeAtLocation(node))) {
      const loss = slotLoss(checker, receivingSlot(checker, node), typeParameter);
      if (loss === 'untyped' || loss === 'supertype') found = loss;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/**
 * How `call` loses `argument` inside the generic function it calls: the argument fills a parameter
 * typed by a type parameter of the function or its class, and the body writes a value of that type
 * into an any/unknown or supertype slot. Undefined when it does not (or the code is not the project's).
 */
export function genericArgumentStored(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, argument: ts.Expression): SlotLoss | undefined {
  const index = call.arguments?.indexOf(argument) ?? -1;
  const declaration = index < 0 ? undefined : bodiedDeclaration(checker, call);
  if (declaration?.body === undefined) return undefined;
  const typeParameter = ownTypeParameter(checker, declaration, index);
  return typeParameter === undefined ? undefined : storedLoss(checker, declaration.body, typeParameter);
}
