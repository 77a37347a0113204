import ts from '../../policy/typescript.cjs';
import { isVerifiedWrapperCall, skipOuter, type Resolved, type UntypedEscape } from '../syntax/index.js';
import { argumentLoss, resultLoss, resultMayCarry } from './call-handoff.js';
import { isLibraryDeclaration, isSupertype, isUntyped, slotLoss, type SlotLoss } from './lossy-slot.js';
import { genericArgumentStored, parameterStored } from './generic-store.js';
import { spreadLandings } from './spread-landings.js';
import { overridingMembers } from './overriding-members.js';
import { createStructuralWidening } from './structural-widening.js';
import { widerFunctionValues } from './wider-function-values.js';
import { lostPairings } from './lost-pairings.js';
import { widerImplementationParameters } from './wider-parameters.js';
import { handedParameters } from './parameter-lists.js';
import { handedValues, isForwardedArgument, isReflectedMemberRead, listedArgument, receivingSlot, type HandedParameter } from './handed-slots.js';
import { callbackMayLose, mayConstrainArguments, mayStoreArgument } from './flow-gates.js';
import { constrainedArguments } from './constrained-arguments.js';
import { handOffImplementations } from './hand-off-implementations.js';

/** How a finding names the slot that lost the value. */
const SLOT_WORDS: Readonly<Record<SlotLoss, string>> = {
  untyped: 'an any/unknown slot',
  supertype: 'a slot typed only `object`/`{}`/`Object`/`Function`',
  'project-signature': 'a slot whose function type does not name it',
};

/**
 * Builtins whose `any`/`unknown` parameter keeps nothing of the value: they print it, convert it,
 * test it or copy it as data (`structuredClone` and `JSON.stringify` cannot carry a function: the
 * first throws, the second drops it). Keyed by the checker's qualified name of the callee, and
 * only when a library declares it (a project's own `log` is not `Console.log`).
 */
const RETAINS_NOTHING: ReadonlySet<string> = new Set([
  'JSON.stringify', 'structuredClone', 'String', 'Number', 'Boolean', 'isNaN', 'isFinite',
  'ArrayConstructor.isArray', 'ObjectConstructor.is', 'ObjectConstructor.getPrototypeOf',
  '"util".inspect', '"util".format', '"util".isDeepStrictEqual', '"node:util".inspect', '"node:util".format',
  // Typed `object`/`{}`: they read a value's own keys or flags and return names or booleans, never the value.
  'ObjectConstructor.keys', 'ObjectConstructor.getOwnPropertyNames', 'ObjectConstructor.getOwnPropertySymbols', 'ObjectConstructor.hasOwn',
  'ObjectConstructor.isFrozen', 'ObjectConstructor.isSealed', 'ObjectConstructor.isExtensible', 'Reflect.ownKeys', 'Reflect.has',
  // A weak collection's key is never handed back (nothing enumerates it); WeakMap.set's value is another slot.
  'WeakMap.get', 'WeakMap.has', 'WeakMap.delete', 'WeakSet.add', 'WeakSet.has', 'WeakSet.delete',
]);

/** Builtins that keep nothing of the arguments at these positions only. */
const RETAINS_NOTHING_AT: ReadonlyMap<string, readonly number[]> = new Map([
  ['WeakMap.set', [0]],
  // A member read: the target is not kept, the result (the member) is judged where it goes (handed-slots.ts).
  ['Reflect.get', [0]],
]);

/** The expressions a value expression may evaluate to (names, member reads, call results): both arms of `c ? a : b`, `a ?? b`, `a || b`, `a && b`, the last of `(x, y)`. */
function valueLeaves(expression: ts.Expression, into: ts.Expression[]): void {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isNonNullExpression(inner) || ts.isTypeAssertionExpression(inner)) inner = inner.expression;
  if (ts.isConditionalExpression(inner)) {
    valueLeaves(inner.whenTrue, into);
    valueLeaves(inner.whenFalse, into);
  } else if (ts.isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (operator === ts.SyntaxKind.CommaToken) valueLeaves(inner.right, into);
    else if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      valueLeaves(inner.left, into);
      valueLeaves(inner.right, into);
    }
  } else if (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) || ts.isCallExpression(inner) || ts.isNewExpression(inner)) {
    into.push(inner);
  }
}

/** `written` is the initializer of a `const` in the project's code. */
function isConstInitializer(written: ts.Expression): boolean {
  const declaration = written.parent;
  return ts.isVariableDeclaration(declaration) && declaration.initializer === written && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** Where a value written at `node` goes, when the slot is a place the type checker can type. */
type Slot =
  /** The contextual type of the expression decides (an argument, an initializer, a property, an element, a return). */
  | 'contextual'
  /** `throw x`: a `catch` binding is `any` or `unknown`, always. */
  | 'thrown'
  /** `x as any`, `<unknown>x`: the cast itself is the slot. */
  | 'cast';

/**
 * How the flow check orders its questions. `gated` (the default) asks the cheap side of a flow first
 * and skips the other when the answer cannot matter: a value whose type holds no capability needs no
 * slot (the slot's type resolves the enclosing call, most of a typed run's cost), a slot that loses
 * nothing needs no value. `exhaustive` asks both sides everywhere, as the check did before the gates:
 * the reference the gated one must agree with (tests/analysis/typed-flow-gates.test.ts).
 */
export type FlowCheck = 'gated' | 'exhaustive';

/**
 * Finds, in one file, every capability-bearing value handed to a place typed `any` or `unknown`
 * (an argument, an initializer, an object property or array element, a return, an assignment,
 * a `throw`, a cast), where the type checker loses it: whoever takes it back out (`signal.reason`,
 * `error.cause`, a `catch` binding, `map.get(k)`) calls it without a type that names it.
 * `bearing` says what a value is (undefined: not a capability).
 */
export function createEscapeFinder(
  checker: ts.TypeChecker,
  bearing: (node: ts.Expression) => Resolved | undefined,
  judgedAtImport: (node: ts.Expression, value: Resolved) => boolean,
  bearingType: (type: ts.Type) => Resolved | undefined,
  flow: FlowCheck = 'gated',
): (sourceFile: ts.SourceFile) => readonly UntypedEscape[] {
  const found = new WeakMap<ts.SourceFile, readonly UntypedEscape[]>();
  const widened = createStructuralWidening(checker, bearingType);
  const gated = flow === 'gated';
  /** A value of this type may lose something nested in some slot (structural-widening.ts); only then is the slot asked. */
  const mayLoseHeld = (source: ts.Type): boolean => !gated || widened.mayLose(source);

  /** A value that is no capability but holds one where `target` widens (structural-widening.ts). */
  const checkHeld = (node: ts.Expression, source: ts.Type, target: ts.Type | undefined, escapes: UntypedEscape[]): void => {
    const lost = target === undefined ? undefined : widened.lossIn(source, target);
    if (lost !== undefined) escapes.push({ node, value: lost.value, slot: SLOT_WORDS[lost.loss], judgedAtImport: false });
  };

  /** A library builtin that keeps nothing of its argument `written` (RETAINS_NOTHING, RETAINS_NOTHING_AT). */
  const retainsNothing = (call: ts.CallExpression | ts.NewExpression, written: ts.Expression): boolean => {
    let callee: ts.Expression = call.expression;
    while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
    const at = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = checker.getSymbolAtLocation(at);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (symbol === undefined || declaration === undefined || !isLibraryDeclaration(declaration)) return false;
    const name = checker.getFullyQualifiedName(symbol);
    const positions = RETAINS_NOTHING_AT.get(name);
    if (positions !== undefined) return positions.includes(call.arguments?.indexOf(written) ?? -1);
    return RETAINS_NOTHING.has(name) || name.startsWith('Console.');
  };

  /**
   * `Object.assign(untypedTarget, { f: execSync })`: every source is copied into a target the checker
   * has lost (`any`, `unknown`, or a supertype such as the `{}` of a JavaScript `const box = {}`). Known
   * by the signature it resolves to, so `const merge = Object.assign; merge(box, …)` is the same call.
   * A fresh literal target (`Object.assign({}, …)`) is not lost: the call's typed result holds it.
   */
  const assignsIntoUntyped = (literal: ts.ObjectLiteralExpression): boolean => {
    const call = literal.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] === literal || call.arguments[0] === undefined) return false;
    const declaration = checker.getResolvedSignature(call)?.declaration;
    if (declaration === undefined || !ts.isMethodSignature(declaration) || !ts.isIdentifier(declaration.name) || declaration.name.text !== 'assign') return false;
    const owner = declaration.parent;
    if (!ts.isInterfaceDeclaration(owner) || owner.name.text !== 'ObjectConstructor' || !isLibraryDeclaration(declaration)) return false;
    const target = call.arguments[0];
    if (ts.isObjectLiteralExpression(skipOuter(target))) return false;
    const type = checker.getTypeAtLocation(target);
    return isUntyped(type) || isSupertype(checker, type);
  };

  const aliased = (symbol: ts.Symbol | undefined): ts.Symbol | undefined => (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol);

  /**
   * `Module as unknown as typeof Module & { _cache: … }`: a cast through `unknown` whose final type
   * still names the value (`typeof` of the same declaration) keeps it typed; it only adds members.
   */
  const retypedAsItself = (cast: ts.AsExpression | ts.TypeAssertion): boolean => {
    let outer: ts.Node = cast;
    while (ts.isAsExpression(outer.parent) || ts.isTypeAssertionExpression(outer.parent) || ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    if (outer === cast || !(ts.isAsExpression(outer) || ts.isTypeAssertionExpression(outer))) return false;
    const inner = cast.expression;
    const valueSymbol = aliased(checker.getSymbolAtLocation(ts.isPropertyAccessExpression(inner) ? inner.name : inner));
    if (valueSymbol === undefined) return false;
    const namesValue = (node: ts.Node): boolean => {
      if (ts.isTypeQueryNode(node)) return aliased(checker.getSymbolAtLocation(ts.isQualifiedName(node.exprName) ? node.exprName.right : node.exprName)) === valueSymbol;
      return ts.forEachChild(node, namesValue) ?? false;
    };
    return namesValue(outer.type);
  };

  /** A member of a spread array literal or of an `apply` list (`Reflect.apply(keep, null, [execSync])`) that a generic body stores (generic-store.ts). */
  const listedStored = (written: ts.Expression, leaf: ts.Expression): SlotLoss | undefined => {
    const listed = leaf === skipOuter(written) ? listedArgument(checker, written) : undefined;
    return listed === undefined ? undefined : parameterStored(checker, listed.signature.getDeclaration() as ts.Declaration | undefined, listed.index);
  };

  /**
   * Whether the slot `written` fills loses the capability `leaf` (lossy-slot.ts). An argument of a
   * function written in a JavaScript file is `any` like any other: its body may store the value
   * (`bag.run = f`) where no type names it. Only the compiled interop wrappers the syntax layer
   * verified (`__importStar(fs_1)`, `_interopNamespaceDefault(fs)`, `__webpack_require__.n(m)`)
   * are followed, because their bodies are known to hand the module back.
   */
  const slotLoses = (written: ts.Expression, leaf: ts.Expression): SlotLoss | undefined => {
    const value = checker.getTypeAtLocation(leaf);
    const parent = written.parent;
    // `f.call/bind(…, x)`: the slot is `f`'s parameter (handed-slots.ts), not the generic `call`'s `any[]`.
    const loss = slotLoss(checker, receivingSlot(checker, written), value)
      ?? (!isForwardedArgument(checker, written) && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && leaf === skipOuter(written)
        ? argumentLoss(checker, parent, written, value) ?? genericArgumentStored(checker, parent, written)
        : undefined)
      ?? listedStored(written, leaf);
    if (loss === undefined) return ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) && assignsIntoUntyped(parent.parent) ? 'untyped' : undefined;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== written) {
      if (retainsNothing(parent, written)) return undefined;
      if (loss === 'untyped' && ts.isCallExpression(parent) && isVerifiedWrapperCall(parent)) return undefined;
    }
    // `const run: (c: string) => Buffer = execSync`: a const's value is its initializer; the oracle judges `run(…)` by it.
    return loss === 'project-signature' && isConstInitializer(written) ? undefined : loss;
  };

  /**
   * A call's result written into a slot (call-handoff.ts resultLoss). A call whose callee is itself a
   * capability (`execSync(…)`, `require(…)`, `import(…)`) is a use, judged as one; only a result that carries a
   * capability handed to the call is followed here.
   */
  const checkResult = (written: ts.Expression, call: ts.CallExpression | ts.NewExpression, slot: Slot, escapes: UntypedEscape[]): void => {
    if (slot !== 'contextual' || call.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    const result = checker.getTypeAtLocation(call);
    if (gated && !resultMayCarry(checker, result)) return;
    const contextual = receivingSlot(checker, written);
    const lost = contextual === undefined ? undefined : resultLoss(checker, contextual, result);
    if (lost === undefined || retainsNothingOf(written) || bearing(call.expression) !== undefined) return;
    escapes.push({ node: call, value: lost.value, slot: SLOT_WORDS[lost.loss], judgedAtImport: false });
  };

  /** A call's result that holds a capability where the slot widens: only a call that is no use of a capability itself (checkResult). */
  const checkHeldResult = (written: ts.Expression, call: ts.CallExpression | ts.NewExpression, slot: Slot, escapes: UntypedEscape[]): void => {
    if (slot !== 'contextual' || call.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    const result = checker.getTypeAtLocation(call);
    if (!mayLoseHeld(result) || retainsNothingOf(written) || bearing(call.expression) !== undefined) return;
    checkHeld(call, result, receivingSlot(checker, written), escapes);
  };

  /** `written` is an argument of a builtin that keeps nothing of it (RETAINS_NOTHING). */
  const retainsNothingOf = (written: ts.Expression): boolean => {
    const parent = written.parent;
    return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== written && retainsNothing(parent, written);
  };

  const check = (written: ts.Expression, slot: Slot, escapes: UntypedEscape[]): void => {
    if (slot === 'contextual') checkSatisfiedLiteral(written, escapes);
    const leaves: ts.Expression[] = [];
    valueLeaves(written, leaves);
    for (const leaf of leaves) {
      // `Reflect.get(ns, 'member')` is a member read typed as the member (handed-slots.ts); any other call's result is judged by checkResult.
      const reflected = ts.isCallExpression(leaf) && isReflectedMemberRead(checker, leaf);
      if (!reflected && (ts.isCallExpression(leaf) || ts.isNewExpression(leaf))) {
        const before = escapes.length;
        checkResult(written, leaf, slot, escapes);
        if (escapes.length === before) checkHeldResult(written, leaf, slot, escapes);
        continue;
      }
      const value = reflected ? bearingType(checker.getTypeAtLocation(leaf)) : bearing(leaf);
      if (value === undefined) {
        const type = slot === 'contextual' ? checker.getTypeAtLocation(leaf) : undefined;
        if (type !== undefined && mayLoseHeld(type) && !retainsNothingOf(written)) checkHeld(leaf, type, receivingSlot(checker, written), escapes);
        continue;
      }
      const loss = slot === 'contextual' ? slotLoses(written, leaf) : undefined;
      if (slot === 'contextual' && loss === undefined) continue;
      const where = slot === 'thrown' ? 'a thrown value' : slot === 'cast' ? 'a cast to any/unknown/object/Function' : SLOT_WORDS[loss ?? 'untyped'];
      escapes.push({ node: leaf, value, slot: where, judgedAtImport: judgedAtImport(leaf, value) });
    }
  };

  /**
   * `{ run: execSync } satisfies { run: typeof execSync }` written into `{ run: unknown }`: the literal's
   * members are checked against the `satisfies` type (no loss there); the whole literal then goes
   * on into the wider slot, which is judged here (structural-widening.ts).
   */
  const checkSatisfiedLiteral = (written: ts.Expression, escapes: UntypedEscape[]): void => {
    let inner = written;
    let satisfied = false;
    while (ts.isParenthesizedExpression(inner) || ts.isSatisfiesExpression(inner)) {
      satisfied ||= ts.isSatisfiesExpression(inner);
      inner = inner.expression;
    }
    if (!satisfied || !(ts.isObjectLiteralExpression(inner) || ts.isArrayLiteralExpression(inner))) return;
    const type = checker.getTypeAtLocation(inner);
    if (mayLoseHeld(type) && !retainsNothingOf(written)) checkHeld(inner, type, receivingSlot(checker, written), escapes);
  };

  /** The type a literal's property `name` gets in `target`: its own property, else the string index (`Record<string, Function>`). */
  const propertySlot = (target: ts.Type, name: string): ts.Type | undefined => {
    const own = target.getProperty(name);
    if (own !== undefined) return checker.getTypeOfSymbol(own);
    return checker.getIndexInfosOfType(target).find((info) => (info.keyType.flags & ts.TypeFlags.String) !== 0)?.type;
  };

  /** `{ execSync }`: the property's type in the literal's contextual type. */
  const checkShorthand = (property: ts.ShorthandPropertyAssignment, escapes: UntypedEscape[]): void => {
    const symbol = checker.getShorthandAssignmentValueSymbol(property);
    if (symbol === undefined) return;
    const value = bearing(property.name);
    if (value === undefined) return;
    const literal = property.parent;
    const target = checker.getContextualType(literal);
    const slot = target === undefined ? undefined : isUntyped(target) ? target : propertySlot(target, property.name.text);
    const loss = assignsIntoUntyped(literal) ? 'untyped' : slotLoss(checker, slot, checker.getTypeOfSymbol(symbol));
    if (loss !== undefined) escapes.push({ node: property.name, value, slot: SLOT_WORDS[loss], judgedAtImport: judgedAtImport(property.name, value) });
  };

  /** Argument positions where a caller hands `handed` to a parameter list that takes `declared` (handed-slots.ts HandedParameter). */
  const judgeHanded = (parameters: readonly HandedParameter[], escapes: UntypedEscape[]): void => {
    for (const parameter of parameters) {
      // `typeof execSync | undefined` (an optional parameter or property) hands the capability as much as `typeof execSync`.
      const handed = (parameter.handed.isUnion() ? parameter.handed.types : [parameter.handed]).find((member) => bearingType(member) !== undefined);
      const value = handed === undefined ? undefined : bearingType(handed);
      const loss = handed === undefined ? undefined : slotLoss(checker, parameter.declared, handed);
      if (value !== undefined && loss !== undefined) escapes.push({ node: parameter.name, value, slot: SLOT_WORDS[loss], judgedAtImport: false });
      // Wider inside (`box: { run: unknown }` for `{ run: typeof execSync }`, `unknown[]`, a function taking `unknown` where `Keep` is handed).
      else if (handed === undefined) checkHeld(parameter.name, parameter.handed, parameter.declared, escapes);
    }
  };

  /** A callback parameter annotated wider than the capability its caller hands it (handed-slots.ts). */
  const checkHandedParameters = (node: ts.Node, escapes: UntypedEscape[]): void => {
    // A callback's parameters (what its caller hands), an implementation's (what the member it is called through
    // admits: wider-parameters.ts), a function value's written into a narrower function type (wider-function-values.ts),
    // an implementation met with the declared type only where the checker lost the pairing (lost-pairings.ts).
    const callbackParameters = !gated || callbackMayLose(checker, node, widened.mayWiden) ? handedParameters(checker, node) : [];
    judgeHanded([...callbackParameters, ...widerImplementationParameters(checker, node), ...widerFunctionValues(checker, node), ...lostPairings(checker, node)], escapes);
  };

  /**
   * A capability handed straight to a signature the project declares (`keeper.keep(execSync)`): the
   * implementations that stand in it are followed back from the call (hand-off-implementations.ts) and
   * paired with it; when one cannot be found (a decorator, a Proxy, a downcast, an untyped result), the
   * hand-off itself is the finding. An implementation in another file is reported at the argument.
   */
  const checkHandOff = (call: ts.CallExpression, escapes: UntypedEscape[]): void => {
    const handed: Array<{ readonly argument: ts.Expression; readonly value: Resolved }> = [];
    for (const argument of call.arguments) {
      const leaf = ts.isSpreadElement(argument) ? undefined : skipOuter(argument);
      const value = leaf !== undefined && (ts.isIdentifier(leaf) || ts.isPropertyAccessExpression(leaf) || ts.isElementAccessExpression(leaf)) ? bearing(leaf) : undefined;
      if (leaf !== undefined && value !== undefined) handed.push({ argument: leaf, value });
    }
    const first = handed[0];
    if (first === undefined) return;
    // A library's signature (`f.call`, `Reflect.apply`, a callback's host) keeps what it declares; only the project's own is followed.
    const declaration = checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
    if (declaration === undefined || isLibraryDeclaration(declaration) || bearing(call.expression) !== undefined) return;
    const found = handOffImplementations(checker, call);
    const file = call.getSourceFile();
    judgeHanded(found.handed.map((parameter) => (parameter.name.getSourceFile() === file ? parameter : { ...parameter, name: first.argument })), escapes);
    if (found.lost === undefined) return;
    for (const { argument, value } of handed) escapes.push({ node: argument, value, slot: `a signature whose implementation the checker never paired (${found.lost})`, judgedAtImport: false });
  };

  /** A class member overriding a base member typed wider than the capability it holds (overriding-members.ts). */
  const checkOverridingMembers = (node: ts.Node, escapes: UntypedEscape[]): void => {
    for (const member of overridingMembers(checker, node, widened.holdsCapability, widened.mayWiden)) {
      const value = bearingType(member.handed);
      const loss = member.declared.map((declared) => slotLoss(checker, declared, member.handed)).find((each) => each === 'untyped' || each === 'supertype');
      if (value !== undefined && loss !== undefined) escapes.push({ node: member.name, value, slot: SLOT_WORDS[loss], judgedAtImport: false });
      // A member that holds a capability inside (`make() { return () => execSync; }` over `make(): () => unknown`).
      else if (value === undefined) for (const declared of member.declared) checkHeld(member.name, member.handed, declared, escapes);
    }
  };

  /**
   * A spread's members (or a list handed to `apply`), each judged against the parameter it lands in
   * (spread-landings.ts): a capability into a slot that loses it or into a generic body that stores it,
   * a value holding one where the slot widens it.
   */
  const checkLandings = (written: ts.Expression, escapes: UntypedEscape[]): void => {
    const whole = skipOuter(written);
    // An array literal's members are placed one by one (receivingSlot); a builtin that keeps nothing takes none.
    if (ts.isArrayLiteralExpression(whole) || retainsNothingOf(ts.isSpreadElement(written.parent) ? written.parent : written)) return;
    for (const landing of spreadLandings(checker, written)) {
      const value = bearingType(landing.member);
      if (value === undefined) {
        checkHeld(written, landing.member, landing.slot, escapes);
        checkHeldStored(written, landing.member, () => landing.declaration, landing.index, escapes);
        continue;
      }
      const loss = slotLoss(checker, landing.slot, landing.member) ?? parameterStored(checker, landing.declaration, landing.index);
      if (loss !== undefined) escapes.push({ node: written, value, slot: SLOT_WORDS[loss], judgedAtImport: false });
    }
  };

  /** A value that holds a capability (`[execSync]`, `{ run: execSync }`) handed to a generic parameter whose body stores it (generic-store.ts). */
  const checkHeldStored = (written: ts.Expression, type: ts.Type, declaration: () => ts.Declaration | undefined, index: number, escapes: UntypedEscape[]): void => {
    if (bearingType(type) !== undefined) return;
    const value = widened.heldCapability(type);
    const loss = value === undefined ? undefined : parameterStored(checker, declaration(), index);
    if (value !== undefined && loss !== undefined) escapes.push({ node: written, value, slot: SLOT_WORDS[loss], judgedAtImport: false });
  };

  /** `{ ...held }`, `[...pair]` in a literal: what the spread holds meets the literal's slot. */
  const checkLiteralSpread = (spread: ts.SpreadElement | ts.SpreadAssignment, escapes: UntypedEscape[]): void => {
    const literal = spread.parent;
    // The members of an object literal spread are judged as the literal's own properties.
    if (ts.isObjectLiteralExpression(skipOuter(spread.expression)) || !(ts.isObjectLiteralExpression(literal) || ts.isArrayLiteralExpression(literal))) return;
    const type = checker.getTypeAtLocation(spread.expression);
    if (!mayLoseHeld(type)) return;
    const target = checker.getContextualType(literal);
    if (target !== undefined) checkHeld(spread.expression, type, target, escapes);
  };

  const visitNode = (node: ts.Node, escapes: UntypedEscape[]): void => {
    for (const written of handedValues(node)) check(written, 'contextual', escapes);
    checkHandedParameters(node, escapes);
    checkOverridingMembers(node, escapes);
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression: {
        const call = node as ts.CallExpression | ts.NewExpression;
        const declaration = (): ts.Declaration | undefined => checker.getResolvedSignature(call)?.getDeclaration() as ts.Declaration | undefined;
        // An argument inferred for a type parameter meets the constraint its body calls it through (constrained-arguments.ts).
        if (call.expression.kind !== ts.SyntaxKind.ImportKeyword && (!gated || mayConstrainArguments(checker, call))) judgeHanded(constrainedArguments(checker, call), escapes);
        (call.arguments ?? []).forEach((argument, index) => {
          check(argument, 'contextual', escapes);
          // Only a generic body can store what an argument holds: asked of the callee's declarations before the argument's type (a callback's resolves the call).
          if (!ts.isSpreadElement(argument) && (!gated || mayStoreArgument(checker, call, index)) && !retainsNothingOf(argument)) checkHeldStored(argument, checker.getTypeAtLocation(argument), declaration, index, escapes);
          // `f.apply(thisArg, list)`, `Reflect.apply(f, thisArg, list)`: the list's members are `f`'s arguments.
          if (!ts.isSpreadElement(argument)) checkLandings(argument, escapes);
        });
        if (ts.isCallExpression(call)) checkHandOff(call, escapes);
        break;
      }
      case ts.SyntaxKind.SpreadElement: {
        const spread = node as ts.SpreadElement;
        checkLandings(spread.expression, escapes);
        checkLiteralSpread(spread, escapes);
        break;
      }
      case ts.SyntaxKind.SpreadAssignment:
        checkLiteralSpread(node as ts.SpreadAssignment, escapes);
        break;
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.PropertyDeclaration:
      case ts.SyntaxKind.PropertyAssignment: {
        const initializer = (node as ts.VariableDeclaration | ts.PropertyDeclaration | ts.PropertyAssignment).initializer;
        if (initializer !== undefined) check(initializer, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        checkShorthand(node as ts.ShorthandPropertyAssignment, escapes);
        break;
      case ts.SyntaxKind.ArrayLiteralExpression:
        for (const element of (node as ts.ArrayLiteralExpression).elements) if (!ts.isSpreadElement(element) && !ts.isOmittedExpression(element)) check(element, 'contextual', escapes);
        break;
      case ts.SyntaxKind.ReturnStatement:
      case ts.SyntaxKind.YieldExpression: {
        const expression = (node as ts.ReturnStatement | ts.YieldExpression).expression;
        if (expression !== undefined) check(expression, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.ArrowFunction: {
        const body = (node as ts.ArrowFunction).body;
        if (!ts.isBlock(body)) check(body, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken) check(binary.right, 'contextual', escapes);
        break;
      }
      case ts.SyntaxKind.ThrowStatement:
        check((node as ts.ThrowStatement).expression, 'thrown', escapes);
        break;
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.TypeAssertionExpression: {
        const cast = node as ts.AsExpression | ts.TypeAssertion;
        // Only a cast whose result goes somewhere: `(execSync as any)(…)` and `(m as unknown as T).x` are judged where they are used.
        let outer: ts.Expression = cast;
        while (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isTypeAssertionExpression(outer.parent)) outer = outer.parent;
        const parent = outer.parent;
        const used = (ts.isCallExpression(parent) || ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === outer;
        const loss = used ? undefined : slotLoss(checker, checker.getTypeFromTypeNode(cast.type), checker.getTypeAtLocation(cast.expression));
        if ((loss === 'untyped' || loss === 'supertype') && !retypedAsItself(cast)) check(cast.expression, 'cast', escapes);
        // `o as { run: unknown }`, `o as unknown`: the outermost cast is the type the value goes on with; what it held inside is judged against it.
        if (!used && outer === cast && !retypedAsItself(cast)) checkHeld(skipOuter(cast.expression), checker.getTypeAtLocation(skipOuter(cast.expression)), checker.getTypeFromTypeNode(cast.type), escapes);
        break;
      }
      default:
        break;
    }
    ts.forEachChild(node, (child) => visitNode(child, escapes));
  };

  return (sourceFile) => {
    const known = found.get(sourceFile);
    if (known !== undefined) return known;
    const escapes: UntypedEscape[] = [];
    ts.forEachChild(sourceFile, (child) => visitNode(child, escapes));
    // One value met through two slots (an argument that is also an array element) is one escape.
    const unique = escapes.filter((escape, index) => escapes.findIndex((other) => other.node === escape.node) === index);
    found.set(sourceFile, unique);
    return unique;
  };
}
