import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { globalName } from './module-loads.js';
import { isValueReference, skipOuter } from './syntax.js';
import { starterOf } from './starter-values.js';
import type { Walker } from './walker.js';
import { isAssignedByPattern } from './launch-pattern-targets.js';
import { localCallable } from './launch-settings-reach.js';
import { arrayParameterOf, builtinPatchOf, readsArguments, type ArrayParameter, isReadingInstanceOf, isReadingJsonCall, isReadingTag } from './launch-read-hooks.js';

/**
 * A local value a starter receives through a `const` (`const args = [clean]; spawn(node, args)`,
 * `const opts = {}; fork(f, [], opts)`) is read as its literal is written. A `const` holds the same
 * array or object, not the same contents: `args.unshift('-r', pre)`, `args[0] = job`,
 * `Reflect.set(opts, 'execArgv', …)`, `Object.defineProperty(opts, …)`,
 * `Array.prototype.push.call(opts.execArgv, …)` change what the starter reads. Any use of the name
 * that may change it makes the launch UNANALYZED, except the writes the settings rule follows
 * exactly (`o.execArgv = […]`, `o.env.NODE_OPTIONS = …`, `o.execArgv.push(…)`: launch-settings.ts)
 * and, on an options object, a member the launch does not read a file from (`o.stdio = …`).
 */

/** Array methods that change the array they are called on. */
const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin', 'reverse', 'sort', 'pop', 'shift']);

/** Settings whose writes launch-settings.ts follows where they are written. */
const FOLLOWED_SETTINGS = new Set(['execArgv', 'NODE_OPTIONS']);
/** Pushes onto a setting that launch-settings.ts follows (`o.execArgv.push(…)`). */
const FOLLOWED_PUSHES = new Set(['push', 'unshift', 'splice']);

/** Options of a child or Worker that name no file and no program: writing them changes nothing the analysis follows. */
const INERT_OPTION_KEYS = new Set(['timeout', 'detached', 'windowsHide', 'killSignal', 'maxBuffer', 'encoding', 'silent', 'serialization', 'signal', 'uid', 'gid', 'name', 'resourceLimits', 'workerData', 'transferList', 'stdout', 'stderr', 'trackUnmanagedFds', 'input']);

/** Globals that read a value without keeping or changing it. */
const READING_GLOBALS = new Set(['String', 'Number', 'Boolean', 'JSON.stringify', 'Object.keys', 'Object.values', 'Object.entries', 'Object.getOwnPropertyNames', 'Array.isArray', 'Array.from', 'structuredClone', 'console.log', 'console.error', 'console.warn', 'console.info', 'console.debug', 'console.dir', 'console.table']);

export type LaunchValueRole = 'arguments' | 'options' | 'environment';

function passesOn(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.right === child;
}

function isAssignment(node: ts.Node, target: ts.Node): boolean {
  if (ts.isBinaryExpression(node)) return node.left === target && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) return node.operand === target && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken);
  return ts.isDeleteExpression(node) && node.expression === target;
}

/** A call that only reads its arguments, or the starter itself receiving the value. */
function isHarmlessCall(call: ts.CallExpression | ts.NewExpression, walker: Walker, current: ts.Node | undefined): boolean {
  if (call === current) return true;
  const callee = skipOuter(call.expression);
  if (starterOf(callee, walker) !== undefined) return true;
  if (ts.isIdentifier(callee)) return READING_GLOBALS.has(callee.text) && walker.scope.lookup(callee.text) === undefined;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES);
  if (owner === 'JSON' && callee.name.text === 'stringify') return isReadingJsonCall(call);
  return owner !== undefined && READING_GLOBALS.has(`${owner}.${callee.name.text}`);
}

/**
 * Does the use of the name at `stack[index]` change the value it names? `keys` collects the
 * member chain read from it (`opts.execArgv[0]` → `execArgv`, `0`; null: computed).
 */
function mutates(stack: readonly ts.Node[], index: number, role: LaunchValueRole, walker: Walker, current: ts.Node | undefined, depth = 0): boolean {
  let at = index;
  const keys: Array<string | null> = [];
  for (;;) {
    const child = stack[at];
    const parent = stack[at - 1];
    if (child === undefined || parent === undefined) return false;
    if (passesOn(parent, child)) {
      at -= 1;
      continue;
    }
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === child) {
      keys.push(constantKey(parent, walker.scope));
      at -= 1;
      continue;
    }
    break;
  }
  const top = stack[at] as ts.Node;
  const parent = stack[at - 1];
  if (parent === undefined) return false;
  const last = keys.at(-1);
  if (isAssignment(parent, top) || isAssignedByPattern(stack, at)) {
    if (keys.length === 0) return true;
    if (last !== null && last !== undefined && FOLLOWED_SETTINGS.has(last)) return false;
    if (role === 'environment' && keys.length === 1 && last !== null) return false;
    return !(role === 'options' && keys.length === 1 && last !== null && last !== undefined && INERT_OPTION_KEYS.has(last));
  }
  if (ts.isCallExpression(parent) && parent.expression === top) {
    if (last === null) return true;
    // `args.forEach((v, i, list) => list.unshift(…))`: a callback given the array itself.
    if (last !== undefined && callbackMayChange(arrayParameterOf(last, parent, walker), role, walker, depth)) return true;
    if (last === undefined || !MUTATING_METHODS.has(last)) return false;
    const owner = keys.at(-2);
    return !(owner === 'execArgv' && FOLLOWED_PUSHES.has(last));
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== top) {
    // An element of an argument list is text: nothing it is given to changes the list.
    if (role === 'arguments' && keys.length === 1) return false;
    if (keys.length === 0 && ts.isCallExpression(parent) && !isHarmlessCall(parent, walker, current)) return callbackMayChange(localParameter(parent, top, stack.slice(0, at)), role, walker, depth);
    return !isHarmlessCall(parent, walker, current);
  }
  if (keys.length > 0) return false;
  return !isKnownRead(stack, at, role, walker, current, depth);
}

/** `f(list)` where `f` is a function of this file: the parameter that receives the value (its uses decide); `unknown` otherwise. */
function localParameter(call: ts.CallExpression, argument: ts.Node, ancestors: readonly ts.Node[]): ArrayParameter | 'unknown' {
  const callee = skipOuter(call.expression);
  const position = call.arguments.indexOf(argument as ts.Expression);
  if (!ts.isIdentifier(callee) || position < 0 || call.arguments.slice(0, position).some((earlier) => ts.isSpreadElement(earlier))) return 'unknown';
  const local = localCallable(callee, ancestors);
  if (local === undefined || ts.isClassLike(local) || local.body === undefined) return 'unknown';
  const parameter = local.parameters[position];
  if (parameter === undefined || local.parameters.slice(0, position + 1).some((each) => each.dotDotDotToken !== undefined)) return 'unknown';
  if (!ts.isArrowFunction(local) && readsArguments(local.body)) return 'unknown';
  return { callback: local as ArrayParameter['callback'], parameter };
}

/** A callback's (or a local function's) parameter that receives the value: its uses there are judged as the name's are (`list.length` reads; `list.unshift(…)` writes). */
function callbackMayChange(given: ArrayParameter | 'none' | 'unknown', role: LaunchValueRole, walker: Walker, depth: number): boolean {
  if (given === 'none') return false;
  const { callback, parameter } = given === 'unknown' ? { callback: undefined, parameter: undefined } : given;
  if (callback?.body === undefined || parameter === undefined || !ts.isIdentifier(parameter.name) || depth > 3) return true;
  const name = parameter.name.text;
  const body = callback.body;
  const stack: ts.Node[] = [callback];
  let changes = false;
  const visit = (node: ts.Node): void => {
    if (changes) return;
    stack.push(node);
    if (ts.isIdentifier(node)) changes = node.text === name && node !== parameter.name && isValueReference(node, stack[stack.length - 2]) && mutates(stack, stack.length - 1, role, walker, undefined, depth + 1);
    else ts.forEachChild(node, visit);
    stack.pop();
  };
  visit(body);
  return changes;
}

/** Operators that read their operands into a new value (a comparison, a sum, a type test): the value itself is not handed on. */
const READING_OPERATORS = new Set([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.InKeyword, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken]);

/**
 * The uses of the whole value (not a member of it) known to leave it as it is: copied by a spread,
 * iterated, tested, printed as text, discarded, or held by a literal that is itself only read
 * (a starter's options `{ env }`, a `const` whose own uses change nothing). Anything else (kept under
 * another name, handed to a `with`, passed on by `||`, a literal that escapes) may change it:
 * docs/choices.md 23 ("any use that may change the array fails closed").
 */
function isKnownRead(stack: readonly ts.Node[], at: number, role: LaunchValueRole, walker: Walker, current: ts.Node | undefined, depth = 0): boolean {
  const child = stack[at] as ts.Node;
  const parent = stack[at - 1];
  if (parent === undefined) return true;
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) return true;
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.expression === child) return true;
  if (ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent) || ts.isExpressionStatement(parent)) return true;
  // `${args}` is text; a tag (`note\`${args}\``) is a function given the array itself.
  if (ts.isTemplateSpan(parent)) return isReadingTag(parent, walker, stack, at);
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isConditionalExpression(parent)) && 'expression' in parent && parent.expression === child) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === child) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
  if (ts.isBinaryExpression(parent)) {
    if (READING_OPERATORS.has(parent.operatorToken.kind)) return true;
    // `args instanceof Tweak`: a static `Symbol.hasInstance` is called with the array.
    if (parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) return parent.left === child && isReadingInstanceOf(parent, walker, stack.slice(0, at));
    // `(args, x)`: the left of a comma is discarded.
    return parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.left === child;
  }
  // `const [first] = args`: the elements of an argument list are text.
  if (role === 'arguments' && ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isArrayBindingPattern(parent.name)) return true;
  return isHeldOnlyToRead(stack, at, walker, current, depth);
}

/**
 * Held by a literal (`{ env }`, `[args]`): read when the literal is handed to a call that only reads
 * it (the starter itself, `console.log`), kept in a `const` whose own uses change nothing, or held
 * in turn by such a literal. Iterated, spread or kept anywhere else, it hands the value itself on.
 */
function isHeldOnlyToRead(stack: readonly ts.Node[], at: number, walker: Walker, current: ts.Node | undefined, depth: number): boolean {
  const holder = holderOf(stack, at);
  if (holder === undefined || depth > 3) return false;
  const literal = stack[holder];
  const above = stack[holder - 1];
  if (above === undefined) return false;
  if ((ts.isCallExpression(above) || ts.isNewExpression(above)) && above.expression !== literal) return isHarmlessCall(above, walker, current);
  if (ts.isVariableDeclaration(above) && above.initializer === literal && ts.isIdentifier(above.name)) return mutationsOf(above.name.text, 'options', walker, depth + 1).length === 0;
  if (ts.isExpressionStatement(above)) return true;
  return isHeldOnlyToRead(stack, holder, walker, current, depth + 1);
}

/** The index of the array or object literal holding `stack[at]` (as an element, a property value, a shorthand), through wrappers; undefined when none does. */
function holderOf(stack: readonly ts.Node[], at: number): number | undefined {
  let index = at;
  while (stack[index - 1] !== undefined && passesOn(stack[index - 1] as ts.Node, stack[index] as ts.Node)) index -= 1;
  const parent = stack[index - 1];
  if (parent === undefined) return undefined;
  if (ts.isArrayLiteralExpression(parent)) return index - 1;
  if ((ts.isPropertyAssignment(parent) && parent.initializer === stack[index]) || ts.isShorthandPropertyAssignment(parent)) return ts.isObjectLiteralExpression(stack[index - 2] as ts.Node) ? index - 2 : undefined;
  return undefined;
}

/** A use of the name that may change the value, with the nodes above it (the file first). */
interface Mutation {
  readonly node: ts.Node;
  readonly ancestors: readonly ts.Node[];
}

/** Every use in the file of the name that may change the value (uses of other bindings of the same name count too: more uses only fail closed). */
function mutationsOf(name: string, role: LaunchValueRole, walker: Walker, depth = 0): Mutation[] {
  const current = walker.ancestors.at(-1);
  const stack: ts.Node[] = [walker.sourceFile];
  // `Array.prototype.join = …` anywhere in the file: a read the allowlist trusts may run that code with the value (docs/choices.md 35).
  const patch = builtinPatchOf(walker);
  const found: Mutation[] = patch === undefined ? [] : [{ node: patch, ancestors: [] }];
  const visit = (node: ts.Node): void => {
    stack.push(node);
    if (ts.isIdentifier(node)) {
      if (node.text === name && isValueReference(node, stack[stack.length - 2]) && mutates(stack, stack.length - 1, role, walker, current, depth)) found.push({ node, ancestors: [...stack] });
    } else ts.forEachChild(node, visit);
    stack.pop();
  };
  ts.forEachChild(walker.sourceFile, visit);
  return found;
}

/** The first use in the file of the `const` named `name` that may change the value a starter reads. */
export function mutationOf(name: string, role: LaunchValueRole, walker: Walker): ts.Node | undefined {
  return mutationsOf(name, role, walker)[0]?.node;
}

/**
 * `const args = [clean]; args.unshift('--require', pre); spawn(node, args)`: an argument array
 * changed only by `push`/`unshift` statements of the block that declares it, written between the
 * declaration and the statement that starts the child (not inside a function: it may run later),
 * is read as those statements leave it. Undefined: a change that cannot be replayed exactly
 * (fail closed: the caller treats the list as unknown).
 */
export function replayedArguments(name: string, literal: ts.ArrayLiteralExpression, walker: Walker): readonly ts.Expression[] | undefined {
  const mutations = mutationsOf(name, 'arguments', walker);
  if (mutations.length === 0) return literal.elements;
  const blockAt = walker.ancestors.findLastIndex((node) => (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node)) && node.statements.some((statement) => declaresWith(statement, literal)));
  const block = walker.ancestors[blockAt] as ts.Block | ts.SourceFile | ts.ModuleBlock | undefined;
  if (block === undefined || walker.ancestors.slice(blockAt + 1).some((node) => ts.isFunctionLike(node) || ts.isClassLike(node))) return undefined;
  const declaredAt = block.statements.findIndex((statement) => declaresWith(statement, literal));
  const startedAt = block.statements.findIndex((statement) => statement === walker.ancestors[blockAt + 1]);
  const steps: Array<{ at: number; call: ts.CallExpression }> = [];
  for (const { ancestors } of mutations) {
    const [statement, call, access] = [ancestors.at(-4), ancestors.at(-3), ancestors.at(-2)];
    const at = statement === undefined ? -1 : block.statements.indexOf(statement as ts.Statement);
    if (ancestors.at(-5) !== block || at < 0 || !ts.isExpressionStatement(statement as ts.Node) || call === undefined || !ts.isCallExpression(call)) return undefined;
    if (access === undefined || !ts.isPropertyAccessExpression(access) || access !== call.expression || !['push', 'unshift'].includes(access.name.text)) return undefined;
    if (call.arguments.some((argument) => ts.isSpreadElement(argument))) return undefined;
    // A change after the start does not reach this child.
    if (at > declaredAt && at < startedAt) steps.push({ at, call });
    else if (at <= declaredAt) return undefined;
  }
  let elements: readonly ts.Expression[] = literal.elements;
  for (const { call } of steps.sort((a, b) => a.at - b.at)) {
    const added = call.arguments;
    elements = (call.expression as ts.PropertyAccessExpression).name.text === 'push' ? [...elements, ...added] : [...added, ...elements];
  }
  return elements;
}

function declaresWith(statement: ts.Statement, literal: ts.Expression): boolean {
  return ts.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => declaration.initializer !== undefined && skipOuter(declaration.initializer) === literal);
}

/**
 * May the use at the end of `stack` (the file first) change the value it names? The same judgement
 * as for a launch `const`'s uses, for a value named another way (`process.execArgv`: launch-execargv-uses.ts).
 */
export function mayChangeUse(stack: readonly ts.Node[], role: LaunchValueRole, walker: Walker): boolean {
  return mutates(stack, stack.length - 1, role, walker, undefined);
}
