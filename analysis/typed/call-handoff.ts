import ts from '../../policy/typescript.cjs';
import { typesHeldThroughTypeArguments } from './phantom-type-arguments.js';
import type { Resolved } from '../syntax/index.js';
import { BEARING_GLOBALS } from './capability-reach.js';
import { ownerOf } from './declaration-owner.js';
import { carries, isSupertype, isUntyped, slotLoss, type SlotLoss } from './lossy-slot.js';

/**
 * Capabilities handed on through a call (red-team round 9): the argument meets a call that keeps it
 * somewhere its type is gone (a generic parameter of `Function`/`unknown` whose result does not name
 * it, an overload over an `any` implementation, a JavaScript implementation behind a declaration),
 * or the call's result carries the capability, whole or inside an array, a promise, a record or an
 * instance, into a slot that no longer names it (`[execSync].slice()` into `Function[]`).
 */

/** Type arguments, index signatures and union members are followed this deep. */
const MAX_DEPTH = 4;

const JAVASCRIPT_FILE = /\.(?:js|mjs|cjs|jsx)$/;
const DECLARATION_BESIDE: readonly (readonly [RegExp, string])[] = [[/\.d\.ts$/, '.js'], [/\.d\.mts$/, '.mjs'], [/\.d\.cts$/, '.cjs']];

/** Whether a `.js` sits beside a `.d.ts`; asked once per declaration file. */
const javaScriptBeside = new Map<string, boolean>();

function hasJavaScriptBeside(declarationFile: string): boolean {
  let known = javaScriptBeside.get(declarationFile);
  if (known === undefined) {
    const rule = DECLARATION_BESIDE.find(([pattern]) => pattern.test(declarationFile));
    known = rule !== undefined && ts.sys.fileExists(declarationFile.replace(rule[0], rule[1]));
    javaScriptBeside.set(declarationFile, known);
  }
  return known;
}

/**
 * The code that runs for `declaration` is JavaScript the project wrote: it is in a `.js` file (its
 * JSDoc types are comments nobody checks), or in a project `.d.ts` beside the `.js` it describes.
 * Such a parameter is untyped where it counts: the body may store the value anywhere.
 */
export function runsAsJavaScript(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  if (file.fileName.includes('/node_modules/') || file.hasNoDefaultLib) return false;
  return file.isDeclarationFile ? hasJavaScriptBeside(file.fileName) : JAVASCRIPT_FILE.test(file.fileName);
}

/**
 * A parameter of a function written in JavaScript: its value is whatever the callers pass, judged
 * where they pass it (runsAsJavaScript), not by its JSDoc type (`@param {typeof import('node:child_process').execSync} f`).
 */
export function isJavaScriptParameter(symbol: ts.Symbol | undefined): boolean {
  const declarations = symbol?.declarations ?? [];
  return declarations.length > 0 && declarations.every((declaration) => ts.isParameter(declaration) && runsAsJavaScript(declaration));
}

function firstOwner(declarations: readonly ts.Declaration[]): Resolved | undefined {
  for (const declaration of declarations) {
    const owner = ownerOf(declaration);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

/** A declaration of a type (what a value's type names), not of a value of that name. */
function declaresType(declaration: ts.Declaration): boolean {
  return !ts.isVariableDeclaration(declaration) && !ts.isFunctionDeclaration(declaration);
}

/**
 * The capability a value of this type is, by the type alone: a capability module's namespace, a
 * function or class a capability module declares (by its signatures), or a bearing global's own type.
 */
export function typeBearing(type: ts.Type): Resolved | undefined {
  // Asked of the same types over and over (every walk and every flow meets them): answered once per type.
  const known = bearingOfType.get(type);
  if (known !== undefined) return known ?? undefined;
  const found = bearingByDeclarations(type);
  bearingOfType.set(type, found ?? null);
  return found;
}

/** typeBearing's answers; a type belongs to one checker, so one table serves every program. */
const bearingOfType = new WeakMap<ts.Type, Resolved | null>();

function bearingByDeclarations(type: ts.Type): Resolved | undefined {
  const symbol = type.getSymbol();
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.ValueModule) !== 0) return firstOwner(symbol.declarations ?? []);
  for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
    const declaration = signature.getDeclaration() as ts.Declaration | undefined;
    const owner = declaration === undefined ? undefined : ownerOf(declaration);
    if (owner !== undefined) return owner;
  }
  // The type's own declarations only: the interface `Function` (what every function is) is
  // not the `var Function: FunctionConstructor` merged with it.
  const owner = symbol === undefined ? undefined : firstOwner((symbol.declarations ?? []).filter(declaresType));
  return owner?.kind === 'global' && owner.member === null && BEARING_GLOBALS.has(owner.name) ? owner : undefined;
}

/** `type` and what it holds: union members, type arguments (`T[]`, `Promise<T>`, `Box<T>`, tuples), index signatures. */
function heldTypes(checker: ts.TypeChecker, type: ts.Type, into: ts.Type[], depth = 0): ts.Type[] {
  if (depth > MAX_DEPTH || into.includes(type)) return into;
  into.push(type);
  if (type.isUnionOrIntersection()) for (const member of type.types) heldTypes(checker, member, into, depth + 1);
  if ((type.flags & ts.TypeFlags.Object) === 0) return into;
  if (((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0) {
    for (const argument of typesHeldThroughTypeArguments(checker, type as ts.TypeReference)) heldTypes(checker, argument, into, depth + 1);
  }
  for (const info of checker.getIndexInfosOfType(type)) heldTypes(checker, info.type, into, depth + 1);
  return into;
}

/** The call's result (or the instance `new` makes) still names the value it was handed. */
function resultNames(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, value: ts.Type): boolean {
  return heldTypes(checker, checker.getTypeAtLocation(call), []).some((held) => carries(held, value));
}

/** The parameter that receives argument `index` (the rest parameter past the last). */
export function parameterAt(declaration: ts.SignatureDeclaration, index: number): ts.ParameterDeclaration | undefined {
  const parameters = declaration.parameters;
  const last = parameters[parameters.length - 1];
  return parameters[index] ?? (last?.dotDotDotToken !== undefined ? last : undefined);
}

/**
 * Whether a JavaScript function's body hands on the parameter that receives argument `index`:
 * any use of it but a call (`f(…)`), a member read (`f.name`) or `typeof f` (a store, an argument,
 * a return, an alias). Its JSDoc type (`@param {typeof execSync} f`) is then no slot that keeps
 * the value. A declaration with no body (or a destructured parameter) hands it on.
 */
function handsParameterOn(checker: ts.TypeChecker, declaration: ts.SignatureDeclaration, index: number): boolean {
  const parameter = parameterAt(declaration, index);
  const body = (declaration as ts.FunctionLikeDeclaration).body;
  if (parameter === undefined || body === undefined || !ts.isIdentifier(parameter.name)) return true;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  const visit = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node) && node.text === parameter.name.getText() && checker.getSymbolAtLocation(node) === symbol) {
      const parent = node.parent;
      const onlyUsed = ((ts.isCallExpression(parent) || ts.isPropertyAccessExpression(parent)) && parent.expression === node) || ts.isTypeOfExpression(parent);
      return !onlyUsed;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(body);
}

/** `function f(a: X): R;` followed by `function f(a: any) { … }`: the implementation the public overload hides. */
function overloadImplementation(checker: ts.TypeChecker, declaration: ts.SignatureDeclaration): ts.FunctionLikeDeclaration | undefined {
  if (!(ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration)) || declaration.body !== undefined) return undefined;
  const members: readonly ts.Declaration[] = ts.isConstructorDeclaration(declaration)
    ? declaration.parent.members.filter(ts.isConstructorDeclaration)
    : checker.getSymbolAtLocation(declaration.name ?? declaration)?.declarations ?? [];
  return members.find((member): member is ts.FunctionLikeDeclaration => (ts.isFunctionDeclaration(member) || ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && member.body !== undefined);
}

/**
 * How `call` loses the capability-bearing `argument` (of type `value`) although the parameter's
 * public type names it, or undefined when it does not:
 * - the code that runs is JavaScript (runsAsJavaScript): `untyped` behind a `.d.ts`, or when the
 *   JavaScript body hands the parameter on (handsParameterOn) whatever its JSDoc type says;
 * - an overload's implementation parameter is `any`/`unknown`/`Function`: that slot's loss;
 * - a type parameter the signature declares itself (`keep<T extends Function>(f: T)`,
 *   `erase<T>(v: T): object`), constrained to nothing or a supertype, whose call result no longer
 *   names the value: the body keeps it under its constraint. A result that names it (`id(execSync)`,
 *   `Promise.resolve(execSync)`) hands it back, and the result is judged where it goes.
 */
export function argumentLoss(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, argument: ts.Expression, value: ts.Type): SlotLoss | undefined {
  const index = call.arguments?.indexOf(argument) ?? -1;
  const declaration = index < 0 ? undefined : checker.getResolvedSignature(call)?.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (declaration === undefined || ts.isJSDocSignature(declaration)) return undefined;
  if (runsAsJavaScript(declaration)) return declaration.getSourceFile().isDeclarationFile || handsParameterOn(checker, declaration, index) ? 'untyped' : undefined;
  const implementation = overloadImplementation(checker, declaration);
  if (implementation !== undefined) {
    const parameter = parameterAt(implementation, index);
    return parameter === undefined ? undefined : slotLoss(checker, checker.getTypeAtLocation(parameter), value);
  }
  const annotation = parameterAt(declaration, index)?.type;
  if (annotation === undefined || !ts.isTypeReferenceNode(annotation)) return undefined;
  const declared = checker.getTypeFromTypeNode(annotation);
  const typeParameter = declared.getSymbol()?.declarations?.[0];
  if ((declared.flags & ts.TypeFlags.TypeParameter) === 0 || typeParameter === undefined || typeParameter.parent !== declaration) return undefined;
  const constraint = declared.getConstraint();
  const loss = constraint === undefined ? 'untyped' : isUntyped(constraint) || isSupertype(checker, constraint) ? slotLoss(checker, constraint, value) : undefined;
  return loss === undefined || resultNames(checker, call, value) ? undefined : loss;
}

/**
 * A call's result that carries a capability (`id(execSync)`, `[execSync].slice()`,
 * `Object.fromEntries([['run', execSync]])`, `new Box(execSync)`) written into `slot`: the
 * capability and how the slot loses it, or undefined. The result itself is judged as a name would be
 * (slotLoss); a capability held inside it is lost when nothing the slot holds names it and the
 * slot holds `any`/`unknown` or a supertype (`Function[]`, `Promise<unknown>`, `Box<Function>`).
 */
/**
 * Whether `resultLoss` can find anything in a result of this type, whatever the slot: the result is a
 * capability or holds one (heldTypes). Asked before the slot, whose type resolves the enclosing call.
 */
export function resultMayCarry(checker: ts.TypeChecker, result: ts.Type): boolean {
  return typeBearing(result) !== undefined || heldTypes(checker, result, []).slice(1).some((type) => typeBearing(type) !== undefined);
}

export function resultLoss(checker: ts.TypeChecker, slot: ts.Type | undefined, result: ts.Type): { readonly value: Resolved; readonly loss: SlotLoss } | undefined {
  if (slot === undefined) return undefined;
  const whole = typeBearing(result);
  if (whole !== undefined) {
    const loss = slotLoss(checker, slot, result);
    return loss === undefined ? undefined : { value: whole, loss };
  }
  const held = heldTypes(checker, result, []).slice(1).filter((type) => typeBearing(type) !== undefined);
  const value = held[0] === undefined ? undefined : typeBearing(held[0]);
  if (value === undefined) return undefined;
  const slotHolds = heldTypes(checker, slot, []);
  if (slotHolds.some((type) => held.some((bearing) => carries(type, bearing)))) return undefined;
  if (slotHolds.some(isUntyped)) return { value, loss: 'untyped' };
  return slotHolds.some((type) => isSupertype(checker, type)) ? { value, loss: 'supertype' } : undefined;
}
