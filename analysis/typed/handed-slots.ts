import ts from '../../policy/typescript.cjs';
import { isLibraryDeclaration } from './lossy-slot.js';

/**
 * Where a value written in an argument-like position goes, and the type of the slot that takes it.
 * The checker's contextual type answers for a plain argument, an initializer, a JSX attribute or a
 * tagged template's substitution; it does not see through the places that move an argument to
 * another position: `f.call(thisArg, x)`, `f.apply(thisArg, [x])`, `f.bind(thisArg, x)` (the slot is
 * `f`'s parameter, not `call`'s generic one, which the checker infers from `x` itself) and a spread
 * of an array literal (`f(...[x] as const)`, which has no contextual type at all).
 */

/** `Function.prototype.call`/`apply`/`bind` as the library declares them (Function, CallableFunction, NewableFunction). */
const FORWARDERS: ReadonlySet<string> = new Set(['call', 'apply', 'bind']);
const FORWARDER_OWNERS: ReadonlySet<string> = new Set(['Function', 'CallableFunction', 'NewableFunction']);

/** The expression whose value `node` is, climbing over parentheses and type-only wrappers (`[x] as const`). */
export function outermost(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent) || ts.isNonNullExpression(current.parent) || ts.isTypeAssertionExpression(current.parent)) current = current.parent;
  return current;
}

/** The type of a signature's parameter at `index`, a rest parameter's element (or tuple member) included. */
export function parameterTypeAt(checker: ts.TypeChecker, signature: ts.Signature, index: number): ts.Type | undefined {
  const parameters = signature.getParameters();
  const last = parameters.at(-1);
  const lastDeclaration = last?.valueDeclaration;
  const hasRest = lastDeclaration !== undefined && ts.isParameter(lastDeclaration) && lastDeclaration.dotDotDotToken !== undefined;
  const fixed = hasRest ? parameters.length - 1 : parameters.length;
  if (index < fixed) return checker.getTypeOfSymbol(parameters[index]!);
  if (!hasRest || last === undefined) return undefined;
  const rest = checker.getTypeOfSymbol(last);
  if (checker.isTupleType(rest)) return checker.getTypeArguments(rest as ts.TypeReference)[index - fixed];
  return checker.getIndexTypeOfType(rest, ts.IndexKind.Number);
}

/** The signature a call of `target` with `count` arguments takes: its only one, else the first whose arity admits `count`. */
export function signatureFor(checker: ts.TypeChecker, target: ts.Expression, count: number): ts.Signature | undefined {
  const type = checker.getTypeAtLocation(target);
  const signatures = type.getCallSignatures().length > 0 ? type.getCallSignatures() : type.getConstructSignatures();
  if (signatures.length <= 1) return signatures[0];
  return signatures.find((signature) => {
    const parameters = signature.getParameters();
    const declaration = parameters.at(-1)?.valueDeclaration;
    return parameters.length >= count || (declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined);
  });
}

/** `f.call`/`f.apply`/`f.bind` resolved to the library's declaration: which one, and `f`. */
export function forwarded(checker: ts.TypeChecker, call: ts.CallExpression): { readonly how: string; readonly target: ts.Expression } | undefined {
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression : undefined;
  if (callee === undefined || !FORWARDERS.has(callee.name.text)) return undefined;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (declaration === undefined || !(ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration)) || !isLibraryDeclaration(declaration)) return undefined;
  const owner = declaration.parent;
  return ts.isInterfaceDeclaration(owner) && FORWARDER_OWNERS.has(owner.name.text) ? { how: callee.name.text, target: callee.expression } : undefined;
}

/** `Reflect.apply(f, thisArg, list)` as the library declares it. */
export function isReflectApply(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'apply') return false;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (declaration === undefined || !ts.isFunctionDeclaration(declaration) || !isLibraryDeclaration(declaration)) return false;
  const owner = declaration.parent.parent;
  return ts.isModuleDeclaration(owner) && owner.name.text === 'Reflect';
}

/** A signature and the index of the parameter an argument fills. */
export interface ParameterPosition {
  readonly signature: ts.Signature;
  readonly index: number;
}

/** The parameter the argument at `position` of `call` fills (counting `...[a, b]` members as arguments), through call/bind. */
function argumentPosition(checker: ts.TypeChecker, call: ts.CallExpression | ts.NewExpression, position: number, count: number): ParameterPosition | undefined {
  const forward = ts.isCallExpression(call) ? forwarded(checker, call) : undefined;
  if (forward === undefined) {
    const signature = checker.getResolvedSignature(call);
    return signature === undefined ? undefined : { signature, index: position };
  }
  // Position 0 is `thisArg`; `apply`'s arguments are the members of its second argument (apply handles those).
  if (position === 0 || forward.how === 'apply') return undefined;
  const signature = signatureFor(checker, forward.target, count - 1);
  return signature === undefined ? undefined : { signature, index: position - 1 };
}

/**
 * Where the array literal `list` is spread into a call's arguments (`f(...[x])`): the call and its
 * first position; or is the argument list of `f.apply(thisArg, list)` or `Reflect.apply(f, thisArg,
 * list)`: `target` is `f`, whose parameters the members fill from the first.
 */
export function argumentListOf(checker: ts.TypeChecker, list: ts.ArrayLiteralExpression): { readonly call: ts.CallExpression | ts.NewExpression; readonly start: number; readonly target?: ts.Expression } | undefined {
  const whole = outermost(list);
  const spread = whole.parent;
  if (ts.isSpreadElement(spread) && (ts.isCallExpression(spread.parent) || ts.isNewExpression(spread.parent))) {
    const call = spread.parent;
    const args = call.arguments ?? [];
    const index = args.findIndex((argument) => argument === spread);
    // A spread before this one hides the positions.
    if (args.slice(0, index).some(ts.isSpreadElement)) return undefined;
    return { call, start: index };
  }
  if (!ts.isCallExpression(spread)) return undefined;
  const forward = spread.arguments[1] === whole ? forwarded(checker, spread) : undefined;
  if (forward?.how === 'apply') return { call: spread, start: 0, target: forward.target };
  const reflected = spread.arguments[2] === whole && spread.arguments[0] !== undefined && isReflectApply(checker, spread);
  return reflected ? { call: spread, start: 0, target: spread.arguments[0] } : undefined;
}

/** A member of a spread array literal or of an `apply` list: the parameter it fills. */
export function listedArgument(checker: ts.TypeChecker, written: ts.Expression): ParameterPosition | undefined {
  const parent = written.parent;
  if (!ts.isArrayLiteralExpression(parent)) return undefined;
  const list = argumentListOf(checker, parent);
  const index = parent.elements.indexOf(written);
  if (list === undefined || parent.elements.slice(0, index).some(ts.isSpreadElement)) return undefined;
  if (list.target !== undefined) {
    const signature = signatureFor(checker, list.target, parent.elements.length);
    return signature === undefined ? undefined : { signature, index };
  }
  return argumentPosition(checker, list.call, list.start + index, (list.call.arguments?.length ?? 0) - 1 + parent.elements.length);
}

/**
 * The type of the slot `written` fills. A member of a spread array literal or of an `apply` list
 * is the argument at its position; an argument of `f.call`/`f.bind` is `f`'s parameter; anything
 * else is the checker's contextual type.
 */
export function receivingSlot(checker: ts.TypeChecker, written: ts.Expression): ts.Type | undefined {
  const parent = written.parent;
  const listed = listedArgument(checker, written);
  if (listed !== undefined) return parameterTypeAt(checker, listed.signature, listed.index);
  // `thisArg` (position 0) keeps the contextual type.
  if (ts.isCallExpression(parent) && parent.arguments.indexOf(written) > 0 && forwarded(checker, parent) !== undefined) {
    const position = argumentPosition(checker, parent, parent.arguments.indexOf(written), parent.arguments.length);
    return position === undefined ? undefined : parameterTypeAt(checker, position.signature, position.index);
  }
  return checker.getContextualType(written);
}

/**
 * Values written into a slot at `node` that the escape finder's walk does not meet as arguments,
 * initializers or elements: a tagged template's substitutions (the tag's rest parameter), a JSX
 * attribute's value (the component's prop), a binding element's or a parameter's default (the
 * binding's declared type: `const { run = execSync }: { run?: Function } = {}`).
 */
export function handedValues(node: ts.Node): readonly ts.Expression[] {
  if (ts.isTaggedTemplateExpression(node) && ts.isTemplateExpression(node.template)) return node.template.templateSpans.map((span) => span.expression);
  if (ts.isJsxAttribute(node) && node.initializer !== undefined && ts.isJsxExpression(node.initializer) && node.initializer.expression !== undefined) return [node.initializer.expression];
  if ((ts.isBindingElement(node) || ts.isParameter(node)) && node.initializer !== undefined) return [node.initializer];
  return [];
}

/**
 * An argument position where a caller hands `handed` and the function's own parameter list takes
 * `declared` (parameter-lists.ts): the escape finder judges whether that, at any depth, loses a capability.
 */
export interface HandedParameter {
  /** Where a finding points: the parameter (or `arguments`, `this`), else the place the value was paired. */
  readonly name: ts.Expression;
  readonly handed: ts.Type;
  readonly declared: ts.Type;
}

/** `Reflect.get(target, key)` as the library declares it: a member read whose result type is the member's. */
export function isReflectedMemberRead(checker: ts.TypeChecker, expression: ts.Expression): expression is ts.CallExpression {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression) || expression.expression.name.text !== 'get') return false;
  const declaration = checker.getResolvedSignature(expression)?.declaration;
  if (declaration === undefined || !ts.isFunctionDeclaration(declaration) || !isLibraryDeclaration(declaration)) return false;
  const owner = declaration.parent.parent;
  return ts.isModuleDeclaration(owner) && owner.name.text === 'Reflect';
}

/** `x` in `f.call(thisArg, x)` / `f.bind(thisArg, x)`: its slot is `f`'s parameter, not the generic method's. */
export function isForwardedArgument(checker: ts.TypeChecker, written: ts.Expression): boolean {
  const parent = written.parent;
  return ts.isCallExpression(parent) && parent.arguments.indexOf(written) > 0 && forwarded(checker, parent) !== undefined;
}
