import ts from '../../policy/typescript.cjs';
import { parameterAt } from './call-handoff.js';
import { outermost, receivingSlot } from './handed-slots.js';
import { isLibraryDeclaration, isSupertype, isUntyped, slotLoss, type SlotLoss } from './lossy-slot.js';
import { spreadLandings } from './spread-landings.js';

/**
 * A generic function that hands its argument back (`keep<T>(value: T): T`) looks harmless at the
 * call: the result still names the value (call-handoff.ts argumentLoss). Its body may also store
 * the value somewhere its type is gone (`kept.push(value)` with `kept: unknown[]`), and that store
 * is typed only `T`, so nothing inside the body names a capability. The hand-off is the call that
 * instantiates `T` with one (red-team round 12): judged here by what the body does with `T`.
 */

/** Function-likes whose body the project wrote (a declaration file's signature has none). */
type BodiedFunction = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.FunctionExpression | ts.ArrowFunction;

function bodied(declaration: ts.Declaration | undefined): BodiedFunction | undefined {
  if (declaration === undefined || isLibraryDeclaration(declaration)) return undefined;
  const isBodied = ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration);
  return isBodied && declaration.body !== undefined ? declaration : undefined;
}

/**
 * The type parameter the parameter receiving argument `index` is annotated with (a rest parameter
 * past the last position), when the function or its class declares it (`keep<T>(value: T)`,
 * `class Registry<T> { add(value: T) }`, `keepAll<T extends unknown[]>(...values: T)`). Its
 * constraint does not matter (`T extends typeof execSync | string` admits the capability as well as
 * an unbound one): what the body writes a `T`, or a member of one, into is the slot judged.
 */
function ownTypeParameter(checker: ts.TypeChecker, declaration: BodiedFunction, index: number): ts.Type | undefined {
  const annotation = parameterAt(declaration, index)?.type;
  if (annotation === undefined || !ts.isTypeReferenceNode(annotation)) return undefined;
  const declared = checker.getTypeFromTypeNode(annotation);
  const typeParameter = declared.getSymbol()?.declarations?.[0];
  if ((declared.flags & ts.TypeFlags.TypeParameter) === 0 || typeParameter === undefined) return undefined;
  const owner = typeParameter.parent;
  const ownedByClass = (ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration)) && (ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) && declaration.parent === owner;
  return owner === declaration || ownedByClass ? declared : undefined;
}

/** `node` names what a parameter or variable declares (not a use of a value). */
function isDeclaredName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node;
}

/** Members of an array-like `T` that hand out no element (a count, a search, a text). */
const ELEMENTS_KEPT_INSIDE: ReadonlySet<string> = new Set(['length', 'includes', 'indexOf', 'lastIndexOf', 'join', 'toString']);

function wideLoss(checker: ts.TypeChecker, type: ts.Type | undefined): SlotLoss | undefined {
  if (type === undefined) return undefined;
  if (isUntyped(type)) return 'untyped';
  return isSupertype(checker, type) ? 'supertype' : undefined;
}

/** Only the losses generic-store judges: the value's type gone, not a project function type. */
function lostIn(checker: ts.TypeChecker, slot: ts.Type | undefined, type: ts.Type): SlotLoss | undefined {
  const loss = slotLoss(checker, slot, type);
  return loss === 'untyped' || loss === 'supertype' ? loss : undefined;
}

/** The names a `for…of` over `expression` binds. */
function loopVariables(statement: ts.ForOfStatement): readonly ts.Identifier[] {
  const initializer = statement.initializer;
  if (!ts.isVariableDeclarationList(initializer)) return ts.isIdentifier(initializer) ? [initializer] : [];
  return initializer.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name] : []));
}

/** The first place in `body` where a value of type `typeParameter` (or a member of one) is written into an any/unknown or supertype slot. */
function storedLoss(checker: ts.TypeChecker, body: ts.Node, typeParameter: ts.Type): SlotLoss | undefined {
  let found: SlotLoss | undefined;
  // A reference to a `T` bound by a union (`T extends typeof execSync | string`) is typed by the constraint where no generic type is expected.
  const constraint = typeParameter.getConstraint();
  const byConstraint = constraint !== undefined && constraint.isUnion() ? constraint : undefined;
  // `T extends unknown[]`: a member read (`values[0]`, `for (const v of values)`, `values.forEach`) is typed by the constraint's element.
  const element = constraint !== undefined && checker.isArrayLikeType(constraint) ? checker.getIndexTypeOfType(constraint, ts.IndexKind.Number) : undefined;
  const memberLoss = wideLoss(checker, element);
  /** Names that hold a member of `T` read through its constraint (a loop variable, a `const` alias). */
  const members = new Set<ts.Symbol>();
  const isWhole = (node: ts.Expression): boolean => {
    const type = checker.getTypeAtLocation(node);
    return type === typeParameter || type === byConstraint;
  };
  /** A member read: lost where it is written; an unannotated `const` holding it is followed. */
  const judgeMember = (node: ts.Expression): SlotLoss | undefined => {
    const whole = outermost(node);
    const declaration = whole.parent;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer === whole && declaration.type === undefined && ts.isIdentifier(declaration.name)) {
      const symbol = checker.getSymbolAtLocation(declaration.name);
      if (symbol !== undefined) members.add(symbol);
      return undefined;
    }
    return lostIn(checker, receivingSlot(checker, node), checker.getTypeAtLocation(node));
  };
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (memberLoss !== undefined && ts.isForOfStatement(node) && isWhole(node.expression)) {
      for (const name of loopVariables(node)) {
        const symbol = checker.getSymbolAtLocation(name);
        if (symbol !== undefined) members.add(symbol);
      }
    }
    if (memberLoss !== undefined && ts.isElementAccessExpression(node) && isWhole(node.expression)) {
      found = judgeMember(node);
      return;
    }
    if (ts.isIdentifier(node) && !isDeclaredName(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      if (symbol !== undefined && members.has(symbol)) {
        found = judgeMember(node);
        return;
      }
      if (isWhole(node)) {
        found = wholeLoss(node);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  /**
   * A whole `T`: written into an any/unknown or supertype slot; spread into parameters whose element is
   * one (`kept.push(...values)`); for an array-like `T`, written whole into an array whose element is one
   * (`const copy: unknown[] = values`), or read through a member of the constraint (`values.forEach`,
   * `values.slice()`: the elements come out typed by the constraint's element).
   */
  const wholeLoss = (node: ts.Expression): SlotLoss | undefined => {
    const whole = outermost(node);
    const type = checker.getTypeAtLocation(node);
    if (ts.isSpreadElement(whole.parent)) {
      for (const landing of spreadLandings(checker, node)) {
        const loss = lostIn(checker, landing.slot, type);
        if (loss !== undefined) return loss;
      }
      return undefined;
    }
    if (memberLoss !== undefined && ts.isPropertyAccessExpression(whole.parent) && whole.parent.expression === whole) return ELEMENTS_KEPT_INSIDE.has(whole.parent.name.text) ? undefined : memberLoss;
    const slot = receivingSlot(checker, node);
    const loss = slotLoss(checker, slot, type);
    if (loss === 'untyped' || loss === 'supertype' || memberLoss === undefined || slot === undefined || slot === type || loss !== undefined) return loss === 'project-signature' ? undefined : loss;
    return checker.isArrayLikeType(slot) ? wideLoss(checker, checker.getIndexTypeOfType(slot, ts.IndexKind.Number)) : undefined;
  };
  visit(body);
  return found;
}

/**
 * How a value landing at parameter `index` of `declaration` is lost inside it: the parameter is typed
 * by a type parameter of the function or its class, and the body writes a value of that type (or a
 * member of one) into an any/unknown or supertype slot. Undefined when it is not (or the code is not the project's).
 */
export function parameterStored(checker: ts.TypeChecker, declaration: ts.Declaration | undefined, index: number): SlotLoss | undefined {
  const fn = bodied(declaration);
  if (fn?.body === undefined) return undefined;
  const typeParameter = ownTypeParameter(checker, fn, index);
  if (typeParameter === undefined) return undefined;
  // The body is read once per type parameter, however many calls hand it a value.
  let byFunction = storedMemo.get(checker);
  if (byFunction === undefined) storedMemo.set(checker, (byFunction = new WeakMap()));
  let byType = byFunction.get(fn);
  if (byType === undefined) byFunction.set(fn, (byType = new Map()));
  let known = byType.get(typeParameter);
  if (known === undefined) byType.set(typeParameter, (known = storedLoss(checker, fn.body, typeParameter) ?? null));
  return known ?? undefined;
}

/** What a body does with each of its type parameters, per checker (its types are its own). */
const storedMemo = new WeakMap<ts.TypeChecker, WeakMap<BodiedFunction, Map<ts.Type, SlotLoss | null>>>();

/** How `call` loses `argument` inside the generic function it calls (parameterStored). */
export function genericArgumentStored(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, argument: ts.Expression): SlotLoss | undefined {
  const index = call.arguments?.indexOf(argument) ?? -1;
  return index < 0 ? undefined : parameterStored(checker, checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined, index);
}
