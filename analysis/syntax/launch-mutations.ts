import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { globalName } from './module-loads.js';
import { skipOuter } from './syntax.js';
import { starterOf } from './starter-values.js';
import type { Walker } from './walker.js';

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
  return owner !== undefined && READING_GLOBALS.has(`${owner}.${callee.name.text}`);
}

/**
 * Does the use of the name at `stack[index]` change the value it names? `keys` collects the
 * member chain read from it (`opts.execArgv[0]` → `execArgv`, `0`; null: computed).
 */
function mutates(stack: readonly ts.Node[], index: number, role: LaunchValueRole, walker: Walker, current: ts.Node | undefined): boolean {
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
  if (isAssignment(parent, top)) {
    if (keys.length === 0) return true;
    if (last !== null && last !== undefined && FOLLOWED_SETTINGS.has(last)) return false;
    if (role === 'environment' && keys.length === 1 && last !== null) return false;
    return !(role === 'options' && keys.length === 1 && last !== null && last !== undefined && INERT_OPTION_KEYS.has(last));
  }
  if (ts.isCallExpression(parent) && parent.expression === top) {
    if (last === null) return true;
    if (last === undefined || !MUTATING_METHODS.has(last)) return false;
    const owner = keys.at(-2);
    return !(owner === 'execArgv' && FOLLOWED_PUSHES.has(last));
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== top) {
    // An element of an argument list is text: nothing it is given to changes the list.
    if (role === 'arguments' && keys.length === 1) return false;
    return !isHarmlessCall(parent, walker, current);
  }
  // Copied (a spread), held in a literal that is itself read where it is handed on, read, tested: unchanged.
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent)) return false;
  // Kept under another name, stored, returned or exported: changed where the syntax does not look.
  if (keys.length === 0 && (ts.isVariableDeclaration(parent) || ts.isBinaryExpression(parent) || ts.isReturnStatement(parent) || ts.isExportAssignment(parent) || ts.isArrowFunction(parent))) {
    return !(ts.isBinaryExpression(parent) && (parent.operatorToken.kind < ts.SyntaxKind.FirstAssignment || parent.operatorToken.kind > ts.SyntaxKind.LastAssignment));
  }
  return false;
}

function isReference(identifier: ts.Identifier, parent: ts.Node | undefined): boolean {
  if (parent === undefined) return true;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === identifier) || ts.isQualifiedName(parent)) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === identifier) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassExpression(parent)) && parent.name === identifier) return false;
  if (ts.isBindingElement(parent) && (parent.name === identifier || parent.propertyName === identifier)) return false;
  return !ts.isTypeReferenceNode(parent) && !ts.isLabeledStatement(parent) && !ts.isBreakOrContinueStatement(parent);
}

/**
 * The first use in the file of the `const` named `name` that may change the value a starter
 * reads (uses of other bindings of the same name count too: more uses only fail closed).
 */
export function mutationOf(name: string, role: LaunchValueRole, walker: Walker): ts.Node | undefined {
  const current = walker.ancestors.at(-1);
  const stack: ts.Node[] = [walker.sourceFile];
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): boolean => {
    stack.push(node);
    if (ts.isIdentifier(node)) {
      if (node.text === name && isReference(node, stack[stack.length - 2]) && mutates(stack, stack.length - 1, role, walker, current)) found = node;
    } else ts.forEachChild(node, visit);
    stack.pop();
    return found !== undefined;
  };
  ts.forEachChild(walker.sourceFile, visit);
  return found;
}
