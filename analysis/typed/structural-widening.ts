import ts from '../../policy/typescript.cjs';
import type { Resolved } from '../syntax/index.js';
import { hasUnlistedMembers, typesHeldThroughTypeArguments } from './phantom-type-arguments.js';
import { isLibraryDeclaration, isSupertype, isUntyped, slotLoss, type SlotLoss } from './lossy-slot.js';
import { parameterTypeAt } from './handed-slots.js';
import { argumentParameters, ownArgumentsRead, pairParameters, SIGNATURE_KINDS } from './parameter-lists.js';

/**
 * A capability handed off inside a value (issue #10, structural widening): the value is no capability
 * itself, but its type holds one in a position the target type widens to `any`/`unknown`/`object`/`{}`/
 * `Function` (`const w: { run: unknown } = { … }`-shaped objects, `unknown[]`, `Promise<unknown>`,
 * `() => () => unknown`, a base class whose method returns `() => unknown`). The checker accepts the
 * flow because the source is assignable; whoever reads the position back gets no type naming the
 * capability. The two types are walked in parallel: properties, index signatures, array and tuple
 * elements, type arguments of the same generic, call signatures' returns (and parameters, reversed:
 * the target's caller hands its argument to the source's parameter).
 */

/** How deep the walk goes into nested positions: a capability deeper than this is not followed. */
const MAX_DEPTH = 4;

export interface StructuralLoss {
  readonly value: Resolved;
  readonly loss: SlotLoss;
}

export interface StructuralWidening {
  /** What `source` loses written into `target`, at a nested position (the top is untyped-escapes.ts's own question, unless the source only holds one). */
  readonly lossIn: (source: ts.Type, target: ts.Type) => StructuralLoss | undefined;
  /** Whether `lossIn(source, target)` can find anything for some target: a member of `source` that is no capability itself holds one. */
  readonly mayLose: (source: ts.Type) => boolean;
  /** The type is or holds a capability within the walk's depth. */
  readonly holdsCapability: (type: ts.Type) => boolean;
  /** The first capability the type is or holds within the walk's depth. */
  readonly heldCapability: (type: ts.Type) => Resolved | undefined;
  /** The type is, or has a position, typed any/unknown/object/{}/Function (or a function with parameters). */
  readonly mayWiden: (type: ts.Type) => boolean;
}

/**
 * A memoized answer found `distance` positions below the type it is about: it holds for a walk that
 * meets the type at depth `depth` only if `depth + distance` stays within MAX_DEPTH.
 */
interface Found<T> {
  readonly value: T;
  readonly distance: number;
}

/**
 * One per program (the checker's types are its own): answers memoized by type and by pair of types.
 * The checker's types are shared by every file of the program (`typeof execSync`, `Record<string,
 * unknown>`), so a memoized answer must be the same whichever file asked first (issue #10: the editor
 * lints files in its own order): only complete answers are kept — a walk cut off by the depth limit or
 * by a cycle (a type already on the path) is recomputed, and a found answer remembers how deep it was.
 */
export function createStructuralWidening(checker: ts.TypeChecker, bearingType: (type: ts.Type) => Resolved | undefined): StructuralWidening {
  /** null: none within MAX_DEPTH of the type (only a walk that started at the type says so). */
  const capabilityIn = new Map<ts.Type, Found<Resolved> | null>();
  const wideIn = new Map<ts.Type, Found<true> | null>();
  const pairs = new Map<ts.Type, Map<ts.Type, Found<StructuralLoss> | null>>();
  /** Types and pairs on the current walk's path: met again, they are a cycle, not an answer. */
  const capabilityPath = new Set<ts.Type>();
  const widePath = new Set<ts.Type>();
  const pairPath = new Map<ts.Type, Set<ts.Type>>();

  const isObject = (type: ts.Type): boolean => (type.flags & ts.TypeFlags.Object) !== 0;
  const isWide = (type: ts.Type): boolean => isUntyped(type) || isSupertype(checker, type);
  const withoutNullish = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]).filter((member) => (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) === 0);

  /** The positions a type holds, each once: elements and type arguments, index signatures, properties, call signatures' returns. */
  const positionsOf = (type: ts.Type): readonly ts.Type[] => {
    if (type.isUnionOrIntersection()) return type.types;
    if (!isObject(type)) return [];
    const held: ts.Type[] = [];
    const library = isLibraryType(type);
    // A library interface's members (Array's methods, Promise's `then`) only repeat its type arguments; a project
    // class's listed members are walked below, so its arguments count only where that walk cannot see
    // them (phantom-type-arguments.ts).
    const isReference = ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
    if (isReference) held.push(...typesHeldThroughTypeArguments(checker, type as ts.TypeReference, library ? 'members-not-walked' : 'members-walked'));
    for (const info of checker.getIndexInfosOfType(type)) held.push(info.type);
    if (!library) {
      // `#private` fields are hidden from importers unless a member under an unlisted computed name hands them out.
      const privateExposed = hasUnlistedMembers(checker, type);
      for (const property of checker.getPropertiesOfType(type)) if (privateExposed || !isPrivateName(property)) held.push(checker.getTypeOfSymbol(property));
    }
    for (const signature of type.getCallSignatures()) held.push(checker.getReturnTypeOfSignature(signature));
    return held;
  };

  /** The first capability a type holds within MAX_DEPTH positions of the walk's start (itself included). */
  const capabilityOf = (type: ts.Type, depth = 0): Found<Resolved> | undefined => {
    if (depth > MAX_DEPTH || isUntyped(type) || capabilityPath.has(type)) return undefined;
    const known = capabilityIn.get(type);
    if (known === null) return undefined;
    // Found farther down than this walk reaches: the walk looks again (a nearer one may be within reach).
    if (known !== undefined && depth + known.distance <= MAX_DEPTH) return known;
    const bearing = bearingType(type);
    if (bearing !== undefined) {
      const found = { value: bearing, distance: 0 };
      capabilityIn.set(type, found);
      return found;
    }
    capabilityPath.add(type);
    let found: Found<Resolved> | undefined;
    for (const held of positionsOf(type)) {
      const below = capabilityOf(held, depth + 1);
      if (below !== undefined) {
        found = { value: below.value, distance: below.distance + 1 };
        break;
      }
    }
    capabilityPath.delete(type);
    // Only a walk that started here looked at everything within reach; a nested one that found nothing proves nothing.
    if (found !== undefined) capabilityIn.set(type, found);
    else if (depth === 0 && capabilityPath.size === 0) capabilityIn.set(type, null);
    return found;
  };

  /** Whether a type has an any/unknown/supertype position within MAX_DEPTH of the walk's start (itself included). */
  const wideOf = (type: ts.Type, depth = 0): Found<true> | undefined => {
    if (depth > MAX_DEPTH || widePath.has(type)) return undefined;
    const known = wideIn.get(type);
    if (known === null) return undefined;
    // Found farther down than this walk reaches: the walk looks again (a nearer one may be within reach).
    if (known !== undefined && depth + known.distance <= MAX_DEPTH) return known;
    let found: Found<true> | undefined = isWide(type) || type.getCallSignatures().some((signature) => signature.getParameters().length > 0) ? { value: true, distance: 0 } : undefined;
    if (found === undefined) {
      widePath.add(type);
      for (const held of positionsOf(type)) {
        const below = wideOf(held, depth + 1);
        if (below !== undefined) {
          found = { value: true, distance: below.distance + 1 };
          break;
        }
      }
      widePath.delete(type);
    }
    if (found !== undefined) wideIn.set(type, found);
    else if (depth === 0 && widePath.size === 0) wideIn.set(type, null);
    return found;
  };
  const hasWide = (type: ts.Type): boolean => wideOf(type) !== undefined;

  /** Source and target positions that meet: same generic's type arguments, elements, properties, index signatures, returns, parameters (reversed). */
  const meetings = (source: ts.Type, target: ts.Type): ReadonlyArray<readonly [ts.Type, ts.Type]> => {
    const met: Array<readonly [ts.Type, ts.Type]> = [];
    const sourceReference = ((source as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0 ? (source as ts.TypeReference) : undefined;
    const targetReference = ((target as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0 ? (target as ts.TypeReference) : undefined;
    if (sourceReference !== undefined && targetReference !== undefined && sourceReference.target === targetReference.target) {
      const sourceArguments = checker.getTypeArguments(sourceReference);
      checker.getTypeArguments(targetReference).forEach((argument, index) => {
        const from = sourceArguments[index];
        if (from !== undefined) met.push([from, argument]);
      });
      return met;
    }
    // `readonly [typeof execSync]`, `(typeof execSync)[]` into `unknown[]`/`readonly object[]`: every element meets the target's element.
    const targetElement = checker.isArrayType(target) || checker.isTupleType(target) ? checker.getIndexTypeOfType(target, ts.IndexKind.Number) : undefined;
    if (targetElement !== undefined && (checker.isArrayType(source) || checker.isTupleType(source))) {
      for (const element of checker.getTypeArguments(source as ts.TypeReference)) met.push([element, targetElement]);
      return met;
    }
    for (const property of checker.getPropertiesOfType(target)) {
      if (isPrivateName(property)) continue;
      const from = checker.getPropertyOfType(source, property.getName());
      if (from !== undefined) met.push([checker.getTypeOfSymbol(from), checker.getTypeOfSymbol(property)]);
    }
    for (const info of checker.getIndexInfosOfType(target)) {
      // A `Record<string, unknown>` target takes every named property of the source, and its index signature.
      if ((info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number)) !== 0) {
        for (const property of checker.getPropertiesOfType(source)) if (!isPrivateName(property) && target.getProperty(property.getName()) === undefined) met.push([checker.getTypeOfSymbol(property), info.type]);
      }
      const from = checker.getIndexInfoOfType(source, info.keyType === checker.getStringType() ? ts.IndexKind.String : ts.IndexKind.Number)?.type;
      if (from !== undefined) met.push([from, info.type]);
    }
    const sourceSignature = source.getCallSignatures()[0];
    const targetSignature = target.getCallSignatures()[0];
    if (sourceSignature !== undefined && targetSignature !== undefined) {
      met.push([checker.getReturnTypeOfSignature(sourceSignature), checker.getReturnTypeOfSignature(targetSignature)]);
      met.push(...parameterMeetings(sourceSignature, targetSignature));
    }
    // A class's constructor meets a construct signature's callers (`new`, `Reflect.construct`, `super(…)`) the same way.
    const sourceConstructor = source.getConstructSignatures()[0];
    const targetConstructor = target.getConstructSignatures()[0];
    if (sourceConstructor !== undefined && targetConstructor !== undefined) met.push(...parameterMeetings(sourceConstructor, targetConstructor));
    return met;
  };

  /**
   * The target's parameters met by the source's, reversed (the target's caller hands its argument to the
   * source's parameter list as a whole: a rest, a pattern, `arguments`, parameter-lists.ts). A source that
   * holds no capability still loses one there: `(run: unknown) => …` handed where `Keep` is expected.
   */
  const parameterMeetings = (sourceSignature: ts.Signature, targetSignature: ts.Signature): ReadonlyArray<readonly [ts.Type, ts.Type]> => {
    const fn = sourceSignature.getDeclaration() as ts.SignatureDeclaration | undefined;
    // A declaration whose list is the signature's own (not `f.bind(thisArg, a)`, not a library's).
    if (fn !== undefined && !isLibraryDeclaration(fn) && argumentParameters(fn).length === sourceSignature.getParameters().length) {
      return pairParameters(checker, targetSignature, fn, sourceSignature).map((pair) => [pair.handed, pair.receiving.type] as const);
    }
    const met: Array<readonly [ts.Type, ts.Type]> = [];
    targetSignature.getParameters().forEach((parameter, index) => {
      const to = parameterTypeAt(checker, sourceSignature, index);
      if (to !== undefined) met.push([checker.getTypeOfSymbol(parameter), to]);
    });
    return met;
  };

  /**
   * A source holding no capability, a function (or a class): what the target's callers hand its
   * parameters (its constructor's, through the target's construct signature) may still be lost there.
   */
  const parametersLoss = (source: ts.Type, targets: readonly ts.Type[], depth: number): Found<StructuralLoss> | undefined => {
    for (const kind of SIGNATURE_KINDS) {
      const sourceSignature = checker.getSignaturesOfType(source, kind)[0];
      if (sourceSignature === undefined) continue;
      for (const member of targets) {
        const targetSignature = checker.getSignaturesOfType(member, kind)[0];
        if (targetSignature === undefined || (targetSignature.getParameters().length === 0 && targetSignature.thisParameter === undefined)) continue;
        for (const [from, to] of parameterMeetings(sourceSignature, targetSignature)) {
          const found = walk(from, to, depth + 1);
          if (found !== undefined) return { value: found.value, distance: found.distance + 1 };
        }
      }
    }
    return undefined;
  };

  /**
   * Whether parametersLoss can find anything for some target: the source's parameter list receives
   * into a wide position (a parameter typed, or holding, any/unknown/a supertype/a function, its own
   * type parameter, a rest, a declared `this`) or reads its own `arguments`. What lossIn's walk finds there needs one.
   */
  const parametersMayLose = (source: ts.Type): boolean => SIGNATURE_KINDS.some((kind) => {
    const signature = checker.getSignaturesOfType(source, kind)[0];
    if (signature === undefined) return false;
    const fn = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    if (fn !== undefined && !isLibraryDeclaration(fn) && (ownArgumentsRead(fn) !== undefined || argumentParameters(fn).some((parameter) => parameter.dotDotDotToken !== undefined))) return true;
    // A declared `this` is a position too (parameter-lists.ts pairParameters).
    const self = signature.thisParameter;
    return [...(self === undefined ? [] : [self]), ...signature.getParameters()].some((parameter) => {
      const type = checker.getTypeOfSymbol(parameter);
      return (type.flags & ts.TypeFlags.TypeParameter) !== 0 || hasWide(type);
    });
  });

  /** How many pair walks were cut short (by the depth limit or a cycle) so far: a walk that saw one found nothing for certain. */
  let cutShort = 0;

  const walk = (source: ts.Type, target: ts.Type, depth: number): Found<StructuralLoss> | undefined => {
    if (source === target || isUntyped(source)) return undefined;
    let onPath = pairPath.get(source);
    if (depth > MAX_DEPTH || onPath?.has(target) === true) {
      cutShort += 1;
      return undefined;
    }
    let byTarget = pairs.get(source);
    if (byTarget === undefined) pairs.set(source, (byTarget = new Map()));
    const known = byTarget.get(target);
    if (known === null) return undefined;
    if (known !== undefined && depth + known.distance <= MAX_DEPTH) return known;
    if (onPath === undefined) pairPath.set(source, (onPath = new Set()));
    onPath.add(target);
    const before = cutShort;
    const found = judge(source, target, depth);
    onPath.delete(target);
    if (found !== undefined) byTarget.set(target, found);
    else if (cutShort === before) byTarget.set(target, null);
    return found;
  };

  const judge = (source: ts.Type, target: ts.Type, depth: number): Found<StructuralLoss> | undefined => {
    if (source.isUnion()) {
      for (const member of withoutNullish(source)) {
        const found = walk(member, target, depth);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const bearing = bearingType(source);
    if (bearing !== undefined) {
      const loss = slotLoss(checker, target, source);
      return loss === 'untyped' || loss === 'supertype' ? { value: { value: bearing, loss }, distance: 0 } : undefined;
    }
    const targets = withoutNullish(target);
    const capability = capabilityOf(source)?.value;
    if (capability === undefined) return parametersLoss(source, targets, depth);
    if (targets.some(isUntyped)) return { value: { value: capability, loss: 'untyped' }, distance: 0 };
    if (targets.some((member) => isSupertype(checker, member))) return { value: { value: capability, loss: 'supertype' }, distance: 0 };
    for (const member of targets) {
      if (!isObject(member) || !hasWide(member)) continue;
      for (const [from, to] of meetings(source, member)) {
        const found = walk(from, to, depth + 1);
        if (found !== undefined) return { value: found.value, distance: found.distance + 1 };
      }
    }
    return undefined;
  };

  /** The value itself at the top is the flow check's own question (untyped-escapes.ts); only what it holds is this one's. */
  const lossIn = (source: ts.Type, target: ts.Type): StructuralLoss | undefined => {
    for (const member of withoutNullish(source)) {
      if (bearingType(member) !== undefined) continue;
      const found = walk(member, target, 0);
      if (found !== undefined) return found.value;
    }
    return undefined;
  };

  return {
    lossIn,
    // lossIn's walk judges each such member first by capabilityOf (judge); without one, only its parameters can lose (parametersLoss).
    mayLose: (source) => withoutNullish(source).some((member) => bearingType(member) === undefined && (capabilityOf(member) !== undefined || parametersMayLose(member))),
    holdsCapability: (type) => capabilityOf(type) !== undefined,
    heldCapability: (type) => capabilityOf(type)?.value,
    mayWiden: (type) => hasWide(type),
  };
}

/** An interface or class the default library or a package declares (Array, Promise, Map): its members only repeat its type arguments. */
function isLibraryType(type: ts.Type): boolean {
  const declaration = type.getSymbol()?.declarations?.[0];
  return declaration !== undefined && (ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration)) && isLibraryDeclaration(declaration);
}

/** An ES `#private` member: no code outside its class can read it, so nothing the class is handed to reaches it. */
function isPrivateName(property: ts.Symbol): boolean {
  return (property.declarations ?? []).some((declaration) => ts.isPrivateIdentifier((declaration as ts.NamedDeclaration).name ?? declaration));
}
