import ts from '../../policy/typescript.cjs';
import type { Resolved } from '../syntax/index.js';
import { isLibraryDeclaration, isSupertype, isUntyped, slotLoss, type SlotLoss } from './lossy-slot.js';

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
  /** The type is or holds a capability within the walk's depth. */
  readonly holdsCapability: (type: ts.Type) => boolean;
  /** The type is, or has a position, typed any/unknown/object/{}/Function (or a function with parameters). */
  readonly mayWiden: (type: ts.Type) => boolean;
}

/** One per program (the checker's types are its own): answers memoized by type and by pair of types. */
export function createStructuralWidening(checker: ts.TypeChecker, bearingType: (type: ts.Type) => Resolved | undefined): StructuralWidening {
  const capabilityIn = new Map<ts.Type, Resolved | null>();
  const wideIn = new Map<ts.Type, boolean>();
  const pairs = new Map<ts.Type, Map<ts.Type, StructuralLoss | null>>();

  const isObject = (type: ts.Type): boolean => (type.flags & ts.TypeFlags.Object) !== 0;
  const isWide = (type: ts.Type): boolean => isUntyped(type) || isSupertype(checker, type);
  const withoutNullish = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]).filter((member) => (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) === 0);

  /** The positions a type holds, each once: elements and type arguments, index signatures, properties, call signatures' returns. */
  const positionsOf = (type: ts.Type): readonly ts.Type[] => {
    if (type.isUnionOrIntersection()) return type.types;
    if (!isObject(type)) return [];
    const held: ts.Type[] = [];
    if (((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0) held.push(...checker.getTypeArguments(type as ts.TypeReference));
    for (const info of checker.getIndexInfosOfType(type)) held.push(info.type);
    // A library interface's members (Array's methods, Promise's `then`) only repeat its type arguments.
    if (!isLibraryType(type)) for (const property of checker.getPropertiesOfType(type)) held.push(checker.getTypeOfSymbol(property));
    for (const signature of type.getCallSignatures()) held.push(checker.getReturnTypeOfSignature(signature));
    return held;
  };

  /** The first capability a type holds within MAX_DEPTH positions (itself included), memoized per type. */
  const capabilityOf = (type: ts.Type, depth = 0): Resolved | undefined => {
    const known = capabilityIn.get(type);
    if (known !== undefined) return known ?? undefined;
    if (depth > MAX_DEPTH || isUntyped(type)) return undefined;
    capabilityIn.set(type, null);
    let found = bearingType(type);
    for (const held of found === undefined ? positionsOf(type) : []) {
      found = capabilityOf(held, depth + 1);
      if (found !== undefined) break;
    }
    // Only a found capability is remembered past this walk: a cut-off walk proves nothing clean.
    if (found !== undefined) capabilityIn.set(type, found);
    else if (depth === 0) capabilityIn.set(type, null);
    else capabilityIn.delete(type);
    return found;
  };

  /** Whether a type has an any/unknown/supertype position within MAX_DEPTH (itself included), memoized per type. */
  const hasWide = (type: ts.Type, depth = 0): boolean => {
    const known = wideIn.get(type);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return false;
    wideIn.set(type, false);
    const found = isWide(type) || positionsOf(type).some((held) => hasWide(held, depth + 1)) || type.getCallSignatures().some((signature) => signature.getParameters().length > 0);
    if (found || depth === 0) wideIn.set(type, found);
    else wideIn.delete(type);
    return found;
  };

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
      const from = checker.getPropertyOfType(source, property.getName());
      if (from !== undefined) met.push([checker.getTypeOfSymbol(from), checker.getTypeOfSymbol(property)]);
    }
    for (const info of checker.getIndexInfosOfType(target)) {
      // A `Record<string, unknown>` target takes every named property of the source, and its index signature.
      if ((info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number)) !== 0) {
        for (const property of checker.getPropertiesOfType(source)) if (target.getProperty(property.getName()) === undefined) met.push([checker.getTypeOfSymbol(property), info.type]);
      }
      const from = checker.getIndexInfoOfType(source, info.keyType === checker.getStringType() ? ts.IndexKind.String : ts.IndexKind.Number)?.type;
      if (from !== undefined) met.push([from, info.type]);
    }
    const sourceSignature = source.getCallSignatures()[0];
    const targetSignature = target.getCallSignatures()[0];
    if (sourceSignature !== undefined && targetSignature !== undefined) {
      met.push([checker.getReturnTypeOfSignature(sourceSignature), checker.getReturnTypeOfSignature(targetSignature)]);
      const sourceParameters = sourceSignature.getParameters();
      targetSignature.getParameters().forEach((parameter, index) => {
        const to = sourceParameters[index];
        if (to !== undefined) met.push([checker.getTypeOfSymbol(parameter), checker.getTypeOfSymbol(to)]);
      });
    }
    return met;
  };

  const walk = (source: ts.Type, target: ts.Type, depth: number): StructuralLoss | undefined => {
    if (source === target || depth > MAX_DEPTH || isUntyped(source)) return undefined;
    let byTarget = pairs.get(source);
    if (byTarget === undefined) pairs.set(source, (byTarget = new Map()));
    const known = byTarget.get(target);
    if (known !== undefined) return known ?? undefined;
    byTarget.set(target, null);
    const found = judge(source, target, depth);
    byTarget.set(target, found ?? null);
    return found;
  };

  const judge = (source: ts.Type, target: ts.Type, depth: number): StructuralLoss | undefined => {
    if (source.isUnion()) {
      for (const member of withoutNullish(source)) {
        const found = walk(member, target, depth);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const bearing = bearingType(source);
    if (bearing !== undefined) {
      // The value itself at the top is the flow check's own question (untyped-escapes.ts); nested, it is this one's.
      if (depth === 0) return undefined;
      const loss = slotLoss(checker, target, source);
      return loss === 'untyped' || loss === 'supertype' ? { value: bearing, loss } : undefined;
    }
    const targets = withoutNullish(target);
    const capability = capabilityOf(source);
    if (capability === undefined) return undefined;
    if (targets.some(isUntyped)) return { value: capability, loss: 'untyped' };
    if (targets.some((member) => isSupertype(checker, member))) return { value: capability, loss: 'supertype' };
    for (const member of targets) {
      if (!isObject(member) || !hasWide(member)) continue;
      for (const [from, to] of meetings(source, member)) {
        const found = walk(from, to, depth + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };

  return {
    lossIn: (source, target) => walk(source, target, 0),
    holdsCapability: (type) => capabilityOf(type) !== undefined,
    mayWiden: (type) => hasWide(type),
  };
}

/** An interface or class the default library or a package declares (Array, Promise, Map): its members only repeat its type arguments. */
function isLibraryType(type: ts.Type): boolean {
  const declaration = type.getSymbol()?.declarations?.[0];
  return declaration !== undefined && (ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration)) && isLibraryDeclaration(declaration);
}
