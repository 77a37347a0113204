import ts from '../../policy/typescript.cjs';
import { parameterTypeAt, type HandedParameter } from './handed-slots.js';
import { isLibraryDeclaration } from './lossy-slot.js';

/**
 * What an implementation's parameter list, taken as a whole, takes at an argument position (red-team
 * round 15): a fixed parameter (a plain name or a destructuring pattern), a rest parameter's element,
 * or, past every declared parameter, the `arguments` object when the body reads it (`function () {
 * kept.push(arguments[0]) }` takes every argument, typed `any`). A caller that goes through a narrower
 * declared signature hands its argument to exactly that place, so a capability is judged against it.
 */
export interface ReceivingParameter {
  /** Where the finding points: the parameter's name (the first name a pattern binds), or the `arguments` read. */
  readonly name: ts.Identifier;
  /** The declared parameter's own type (the annotation, else what the checker gives it), or `any` for `arguments`. */
  readonly type: ts.Type;
  /** The parameter is annotated, a rest, or the `arguments` object: not a plain name that takes a contextual type. */
  readonly ownType: boolean;
}

/**
 * The two ways a value is reached through a declared type: called through its call signatures, built
 * through its construct signatures (`new`, `Reflect.construct`, `super(…)` of a class that extends it,
 * a mixin's `class extends B`). A signature is paired only with one of its own kind (red-team round 17:
 * `new (run: typeof execSync) => object` implemented by a class whose constructor takes `unknown`).
 */
export const SIGNATURE_KINDS: readonly ts.SignatureKind[] = [ts.SignatureKind.Call, ts.SignatureKind.Construct];

/** `this: T` is no argument position (pairParameters pairs it on its own). */
export function argumentParameters(fn: ts.SignatureDeclaration): readonly ts.ParameterDeclaration[] {
  return thisParameterOf(fn) === undefined ? fn.parameters : fn.parameters.slice(1);
}

/** The first name a binding pattern binds (`{ run }` → `run`), for the finding's position and text. */
function firstName(name: ts.BindingName): ts.Identifier | undefined {
  if (ts.isIdentifier(name)) return name;
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = firstName(element.name);
    if (found !== undefined) return found;
  }
  return undefined;
}

const argumentsReads = new WeakMap<ts.SignatureDeclaration, readonly ts.Identifier[]>();

/**
 * Every read of the function's own `arguments` object. An arrow has none of its own (it reads the
 * enclosing function's); a nested function or method has its own, so its reads are not this one's.
 */
function ownArgumentsReads(fn: ts.SignatureDeclaration): readonly ts.Identifier[] {
  const known = argumentsReads.get(fn);
  if (known !== undefined) return known;
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'arguments' && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node)) {
      found.push(node);
      return;
    }
    if (ts.isFunctionLike(node) && !ts.isArrowFunction(node)) return;
    // A class body's members are functions of their own; only computed names run in this function.
    if (ts.isClassLike(node)) {
      for (const member of node.members) if (member.name !== undefined && ts.isComputedPropertyName(member.name)) visit(member.name);
      for (const clause of node.heritageClauses ?? []) visit(clause);
      return;
    }
    ts.forEachChild(node, visit);
  };
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body !== undefined && !ts.isArrowFunction(fn)) visit(body);
  // Defaults run in the function's own scope too (`function (a = arguments[1]) {}`).
  if (!ts.isArrowFunction(fn)) for (const parameter of fn.parameters) if (parameter.initializer !== undefined) visit(parameter.initializer);
  argumentsReads.set(fn, found);
  return found;
}

/** The first read of the function's own `arguments` object (ownArgumentsReads). */
export function ownArgumentsRead(fn: ts.SignatureDeclaration): ts.Identifier | undefined {
  return ownArgumentsReads(fn)[0];
}

/**
 * The argument positions one read of `arguments` takes: `arguments.length` (and `.callee`) none,
 * `arguments[k]` with a literal `k` position k alone, and `arguments` as a value (aliased, spread,
 * handed on, indexed by a computed key) every position, a declared parameter's too (red-team round
 * 16: `const all = arguments; kept.push(all[0])` behind an exactly typed parameter).
 */
function readTakes(read: ts.Identifier, index: number): boolean {
  const parent = read.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === read) return parent.name.text !== 'length' && parent.name.text !== 'callee';
  if (ts.isElementAccessExpression(parent) && parent.expression === read && (ts.isNumericLiteral(parent.argumentExpression) || ts.isStringLiteral(parent.argumentExpression))) return parent.argumentExpression.text === String(index);
  return true;
}

/** The first read of the function's own `arguments` that takes argument `index` (readTakes). */
export function argumentsReadAt(fn: ts.SignatureDeclaration, index: number): ts.Identifier | undefined {
  return ownArgumentsReads(fn).find((read) => readTakes(read, index));
}

/**
 * What a parameter's annotation admits: a type parameter of the implementation itself (`keep<T>(run: T)`)
 * admits whatever its constraint does (`unknown` without one), since a caller through the declared
 * member fixes nothing about T.
 */
export function admittedBy(checker: ts.TypeChecker, fn: ts.SignatureDeclaration, declared: ts.Type): ts.Type {
  if ((declared.flags & ts.TypeFlags.TypeParameter) === 0) return declared;
  const owner = declared.getSymbol()?.declarations?.[0]?.parent;
  if (owner !== fn) return declared;
  return declared.getConstraint() ?? checker.getUnknownType();
}

/** What `fn`'s parameter list takes at argument `index` (undefined: the argument is dropped). */
export function receivingParameter(checker: ts.TypeChecker, fn: ts.SignatureDeclaration, index: number, instantiated?: ts.Signature): ReceivingParameter | undefined {
  const parameters = argumentParameters(fn);
  const last = parameters.at(-1);
  const rest = last?.dotDotDotToken !== undefined ? last : undefined;
  const fixed = rest === undefined ? parameters.length : parameters.length - 1;
  const parameter = index < fixed ? parameters[index] : rest;
  if (parameter === undefined) {
    const read = argumentsReadAt(fn, index);
    return read === undefined ? undefined : { name: read, type: checker.getAnyType(), ownType: true };
  }
  const name = firstName(parameter.name);
  if (name === undefined) return undefined;
  // An instantiated signature (`Store<unknown>`'s `keep(run: T)`) types the parameter as instantiated: `unknown`, not `T`.
  const symbol = instantiated?.getParameters()[parameters.indexOf(parameter)];
  const written = symbol !== undefined ? checker.getTypeOfSymbol(symbol) : parameter.type !== undefined ? checker.getTypeFromTypeNode(parameter.type) : checker.getTypeAtLocation(parameter.name);
  const whole = admittedBy(checker, fn, written);
  const ownType = parameter.type !== undefined || parameter === rest;
  if (parameter !== rest) return { name, type: whole, ownType };
  // A rest parameter: its tuple member at the position, or its element type.
  const element = checker.isTupleType(whole) ? checker.getTypeArguments(whole as ts.TypeReference)[index - fixed] : checker.getIndexTypeOfType(whole, ts.IndexKind.Number);
  return element === undefined ? undefined : { name, type: admittedBy(checker, fn, element), ownType };
}

/** How many argument positions pairing `declared` (what callers go through) with `fn` must look at: every fixed one of either, and one past for a rest or `arguments`. */
export function positionsToPair(declared: ts.Signature, fn: ts.SignatureDeclaration): number {
  return Math.max(declared.getParameters().length, argumentParameters(fn).length);
}

/** One argument position: what callers through the declared signature hand (`handed`) and what the implementation takes there. */
export interface ParameterPair {
  readonly handed: ts.Type;
  readonly receiving: ReceivingParameter;
}

/** The `this` a signature declares (`keep(this: typeof execSync)`), else undefined. */
function thisParameterOf(fn: ts.SignatureDeclaration): ts.ParameterDeclaration | undefined {
  const first = fn.parameters[0];
  return first !== undefined && ts.isIdentifier(first.name) && first.name.text === 'this' ? first : undefined;
}

/**
 * What callers through `declared` hand as `this` and what `fn` declares it takes (red-team round 16:
 * `keep(this: typeof execSync)` implemented by `keep(this: unknown)`, reached by `.call(execSync)`).
 * Only a declared `this`: without one, a method's `this` is its class or the literal's contextual type.
 */
function thisPair(checker: ts.TypeChecker, declared: ts.Signature, fn: ts.SignatureDeclaration, instantiated?: ts.Signature): ParameterPair | undefined {
  const own = thisParameterOf(fn);
  if (declared.thisParameter === undefined || own === undefined || !ts.isIdentifier(own.name)) return undefined;
  const written = instantiated?.thisParameter !== undefined ? checker.getTypeOfSymbol(instantiated.thisParameter) : own.type !== undefined ? checker.getTypeFromTypeNode(own.type) : undefined;
  if (written === undefined) return undefined;
  return { handed: checker.getTypeOfSymbol(declared.thisParameter), receiving: { name: own.name, type: admittedBy(checker, fn, written), ownType: true } };
}

/**
 * Every argument position of `declared` paired with what `fn`'s parameter list (as `instantiated`, when
 * given) takes there, the `arguments` object at every position a read of it takes (readTakes), and the
 * `this` each declares.
 */
export function pairParameters(checker: ts.TypeChecker, declared: ts.Signature, fn: ts.SignatureDeclaration, instantiated?: ts.Signature): readonly ParameterPair[] {
  const pairs: ParameterPair[] = [];
  const self = thisPair(checker, declared, fn, instantiated);
  if (self !== undefined) pairs.push(self);
  const count = positionsToPair(declared, fn);
  for (let index = 0; index < count; index += 1) {
    const handed = parameterTypeAt(checker, declared, index);
    const receiving = handed === undefined ? undefined : receivingParameter(checker, fn, index, instantiated);
    if (handed === undefined) continue;
    if (receiving !== undefined) pairs.push({ handed, receiving });
    // A declared parameter's position is the `arguments` object's as well (past the last one, receivingParameter's own).
    const read = argumentsReadAt(fn, index);
    if (read !== undefined && receiving?.name !== read) pairs.push({ handed, receiving: { name: read, type: checker.getAnyType(), ownType: true } });
  }
  return pairs;
}

/**
 * A callback's parameter list wider than what its caller hands it: `Promise.resolve(execSync).then((f:
 * Function) => …)`, `[execSync].forEach((...all: object[]) => …)`, `function () { keep(arguments[0]) }`
 * where the contextual type hands a capability. A plain unannotated name takes the contextual type itself.
 */
export function handedParameters(checker: ts.TypeChecker, node: ts.Node): readonly HandedParameter[] {
  if (ts.isClassExpression(node)) return constructedParameters(checker, node);
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return [];
  const contextual = checker.getContextualType(node);
  if (contextual === undefined) return [];
  // An `async` function's return is contextually `Keep | PromiseLike<Keep>`: every member that is a function type hands.
  const whole = checker.getNonNullableType(contextual);
  const signatures = (whole.isUnion() ? whole.types : [whole]).flatMap((member) => member.getCallSignatures().slice(0, 1));
  return signatures.flatMap((signature) => pairParameters(checker, signature, node)
    .filter((pair) => pair.receiving.ownType)
    .map((pair) => ({ name: pair.receiving.name, handed: pair.handed, declared: pair.receiving.type })));
}

/**
 * A class expression written where a construct signature is expected (`{ Maker: class { constructor(run:
 * unknown) … } }`, `use(class …)`, a mixin's argument): what the signature's callers hand (`new`,
 * `Reflect.construct`, `super(…)`) reaches the class's constructor, its base's when it declares none. A
 * constructor's parameters take no contextual type, so each is what it declares (`any` unannotated).
 */
function constructedParameters(checker: ts.TypeChecker, node: ts.ClassExpression): readonly HandedParameter[] {
  const contextual = checker.getContextualType(node);
  if (contextual === undefined) return [];
  const whole = checker.getNonNullableType(contextual);
  const declared = (whole.isUnion() ? whole.types : [whole]).flatMap((member) => member.getConstructSignatures().slice(0, 1));
  const own = declared.length === 0 ? undefined : checker.getTypeAtLocation(node).getConstructSignatures()[0];
  const fn = own?.getDeclaration() as ts.SignatureDeclaration | undefined;
  // The same list as the signature's (a generic base's instantiation has it too); a library base keeps what it declares.
  if (own === undefined || fn === undefined || isLibraryDeclaration(fn) || argumentParameters(fn).length !== own.getParameters().length) return [];
  return declared.flatMap((signature) => pairParameters(checker, signature, fn, own).map((pair) => ({ name: writtenWithin(pair.receiving.name, node) ? pair.receiving.name : node, handed: pair.handed, declared: pair.receiving.type })));
}

/** A parameter written inside the expression being paired (an arrow or a class handed right there): the finding points at it. */
export function writtenWithin(node: ts.Node, at: ts.Node): boolean {
  return node.getSourceFile() === at.getSourceFile() && node.pos >= at.pos && node.end <= at.end;
}
