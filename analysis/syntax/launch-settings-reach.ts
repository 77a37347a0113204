import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { declarationOf } from './entry-path-consts.js';
import { globalName } from './module-loads.js';
import { hasExportModifier, isValueReference, skipOuter } from './syntax.js';
import { flowOf } from './value-flow.js';
import { assignedPattern, isAssignedByPattern } from './launch-pattern-targets.js';
import type { Walker } from './walker.js';

/**
 * Can launch settings written into an object (`{ execArgv }`, `{ env: { NODE_OPTIONS } }`,
 * `o.NODE_OPTIONS = …`) reach a starter of Node? Within the file, a starter that receives the
 * object through anything but a literal or a `const` sees options it cannot read and fails closed
 * there (child-entries-args.ts); the settings rule (launch-settings.ts) is for the starters the
 * syntax does not see: a dependency's (`pm2.start(o)`), a test runner's config, an export. So the
 * object counts wherever it may be handed on (a call's argument, a spread into one, a return, an
 * export, a store), and not where every use of it is a plain read: tested, printed, discarded, a
 * member read that is itself a plain read (`o.execArgv.includes(…)`, `.length`); text made of it
 * (`String(o)`, `${o}`, `.join(' ')`) is judged by its own use, since it carries the settings; given to a
 * function or a class of this file whose parameter is only read (a class may keep it on `this`:
 * then the instance's uses decide). Anything not recognised reaches, which is the safe answer.
 */

/** Globals that print, count or list keys: they keep nothing a starter could later receive. */
const INERT_CALLS = new Set(['Number', 'Boolean', 'Array.isArray', 'Object.keys', 'Object.getOwnPropertyNames', 'console.log', 'console.error', 'console.warn', 'console.info', 'console.debug', 'console.dir', 'console.table']);

/** Globals that turn the value into text: the text carries the settings (`nodeArgs: String(o.execArgv)`), so its own use decides. */
const TEXT_CALLS = new Set(['String', 'JSON.stringify']);

/** Methods whose call on a value reads it and returns a boolean or a position. */
const READ_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf', 'some', 'every', 'findIndex', 'hasOwnProperty', 'startsWith', 'endsWith', 'has']);

/** Methods that return the value as text (`o.execArgv.join(' ')`), or the list itself or its elements after changing it in place (`sort`, `splice`): the result's use decides. */
const TEXT_METHODS = new Set(['join', 'toString', 'fill', 'sort', 'reverse', 'copyWithin', 'splice', 'pop', 'shift']);

/** Methods that add to the list in place and return its length: the list stays where it is, and is judged by its other uses. */
const COUNTING_METHODS = new Set(['push', 'unshift']);

/** Uses of a name, through aliases, parameters and instances, are followed this deep. */
const MAX_DEPTH = 4;

interface Reading {
  readonly walker: Walker;
  readonly depth: number;
  /** In a class constructor: `this.x = parameter` keeps the value in the instance (its uses were judged already). */
  readonly keptOnThis: boolean;
}

/** Nodes that hand their operand's value on unchanged (or one of two values). */
function passesOn(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isAwaitExpression(parent)) return true;
  if (ts.isConditionalExpression(parent)) return parent.condition !== child;
  if (!ts.isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  if (operator === ts.SyntaxKind.CommaToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) return parent.right === child;
  return operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken;
}

/**
 * Steps from a value to the expression holding it: a wrapper, an object literal it is a property
 * value or a spread of, an array literal it is an element or a spread of. Returns how many
 * ancestors up the holder is (0: none).
 */
function holderStep(stack: readonly ts.Node[], at: number): number {
  const child = stack[at];
  const parent = stack[at - 1];
  const grandparent = stack[at - 2];
  if (child === undefined || parent === undefined) return 0;
  if (passesOn(parent, child) || ts.isArrayLiteralExpression(parent)) return 1;
  const inLiteral = grandparent !== undefined && (ts.isObjectLiteralExpression(grandparent) || ts.isArrayLiteralExpression(grandparent));
  if (inLiteral && ((ts.isPropertyAssignment(parent) && parent.initializer === child) || ts.isShorthandPropertyAssignment(parent) || ts.isSpreadAssignment(parent) || ts.isSpreadElement(parent))) return 2;
  return 0;
}

/** Can the value at `stack[index]` reach a starter? */
export function valueMayReachStarter(stack: readonly ts.Node[], index: number, reading: Reading): boolean {
  if (reading.depth > MAX_DEPTH) return true;
  let at = index;
  for (let step = holderStep(stack, at); step > 0; step = holderStep(stack, at)) at -= step;
  const child = stack[at];
  const parent = stack[at - 1];
  if (child === undefined || parent === undefined) return true;
  const flow = flowOf(stack, at).kind;
  if (flow === 'tested' || flow === 'discarded' || ts.isDeleteExpression(parent) || ts.isTypeOfExpression(parent)) return false;
  // Converted to text, which carries the settings: `${o}`, `'x' + o` are judged by their own use (a tag function receives the value itself).
  if (ts.isTemplateSpan(parent)) return stack[at - 3] === undefined || ts.isTaggedTemplateExpression(stack[at - 3] as ts.Node) || valueMayReach(stack, at - 2, reading);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) return valueMayReach(stack, at - 1, reading);
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === child) return memberMayReach(stack, at - 1, parent, reading);
  // The source of a destructuring assignment hands its values to the targets (each judged as its own write, launch-settings.ts); the assignment's value is the source itself.
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child && assignedPattern(parent) !== undefined) return valueMayReach(stack, at - 1, reading);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) return !(reading.keptOnThis && isThisMember(parent.left));
  if (ts.isCallExpression(parent) && parent.expression !== child) return argumentMayReach(stack, at - 1, parent, child, reading);
  if (ts.isNewExpression(parent) && parent.expression !== child) return argumentMayReach(stack, at - 1, parent, child, reading);
  if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) return declaredMayReach(stack, at - 1, parent.name, reading);
  return true;
}

function isThisMember(target: ts.Expression): boolean {
  const inner = skipOuter(target);
  return (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) && inner.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/** `o.x`: a write into the object, a length, a read method's call read nothing out; any other member value is judged in turn. */
function memberMayReach(stack: readonly ts.Node[], index: number, access: ts.PropertyAccessExpression | ts.ElementAccessExpression, reading: Reading): boolean {
  const above = stack[index - 1];
  if (above !== undefined && ts.isBinaryExpression(above) && above.left === access && above.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && above.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if (isAssignedByPattern(stack, index)) return false;
  const key = ts.isPropertyAccessExpression(access) ? access.name.text : ts.isStringLiteralLike(access.argumentExpression) ? access.argumentExpression.text : undefined;
  if (key === undefined) return true;
  if (key === 'length') return false;
  const called = above !== undefined && ts.isCallExpression(above) && above.expression === access;
  if (called && (READ_METHODS.has(key) || COUNTING_METHODS.has(key))) return false;
  if (called && TEXT_METHODS.has(key)) return valueMayReach(stack, index - 1, reading);
  return valueMayReach(stack, index, reading);
}

function valueMayReach(stack: readonly ts.Node[], index: number, reading: Reading): boolean {
  return valueMayReachStarter(stack, index, { ...reading, depth: reading.depth + 1 });
}

/** The value given to a call or a construction: data to a printing global; a function or class of this file decides by its parameter. */
function argumentMayReach(stack: readonly ts.Node[], index: number, call: ts.CallExpression | ts.NewExpression, argument: ts.Node, reading: Reading): boolean {
  const args: readonly ts.Expression[] = call.arguments ?? [];
  const position = args.indexOf(argument as ts.Expression);
  if (position < 0 || args.slice(0, position).some((earlier) => ts.isSpreadElement(earlier))) return true;
  const callee = skipOuter(call.expression);
  if (ts.isCallExpression(call) && isGlobalCall(callee, reading.walker, INERT_CALLS)) return false;
  if (ts.isCallExpression(call) && isGlobalCall(callee, reading.walker, TEXT_CALLS)) return valueMayReach(stack, index, reading);
  if (!ts.isIdentifier(callee)) return true;
  const local = localCallable(callee, stack.slice(0, index + 1));
  if (local === undefined) return true;
  const isClass = ts.isClassLike(local);
  if (isClass && (!ts.isNewExpression(call) || local.heritageClauses !== undefined)) return true;
  const target = isClass ? local.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined) : local;
  // A class without a constructor keeps nothing of its arguments.
  if (target === undefined) return isClass ? valueMayReach(stack, index, reading) : true;
  const parameter = target.parameters[position];
  if (parameter === undefined || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken !== undefined || target.body === undefined) return true;
  if (usesMayReach(target.body, parameter.name.text, { ...reading, depth: reading.depth + 1, keptOnThis: isClass })) return true;
  // Kept on the instance: the instance's own uses decide.
  return isClass ? valueMayReach(stack, index, reading) : false;
}

function isGlobalCall(callee: ts.Expression, walker: Walker, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(callee)) return names.has(callee.text) && walker.scope.lookup(callee.text) === undefined;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES);
  return owner !== undefined && names.has(`${owner}.${callee.name.text}`);
}

export type LocalCallable = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.ClassDeclaration | ts.ClassExpression;

/** A function or class declared in this file under that name (`function f`, `class C`, `const f = () => …`). */
export function localCallable(callee: ts.Identifier, ancestors: readonly ts.Node[]): LocalCallable | undefined {
  const declared = declarationOf(callee, ancestors);
  if (declared?.kind === 'declared') return declared.node;
  if (declared?.kind !== 'const' || declared.key !== undefined) return undefined;
  const value = skipOuter(declared.initializer);
  return ts.isFunctionExpression(value) || ts.isArrowFunction(value) || ts.isClassExpression(value) ? value : undefined;
}

/** `const o = …` (not exported): the uses of `o` in its block decide. */
function declaredMayReach(stack: readonly ts.Node[], index: number, name: ts.Identifier, reading: Reading): boolean {
  const statement = stack[index - 2];
  if (statement === undefined || (ts.isVariableStatement(statement) && hasExportModifier(statement))) return true;
  const container = [...stack.slice(0, index)].reverse().find((node) => ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isFunctionLike(node));
  if (container === undefined) return true;
  return usesMayReach(container, name.text, { ...reading, depth: reading.depth + 1, keptOnThis: false });
}


/**
 * Does any use of `name` under `container` reach a starter? Uses of another binding of the same
 * name (shadowing) are judged too: more uses can only make the answer "reaches".
 */
function usesMayReach(container: ts.Node, name: string, reading: Reading): boolean {
  const stack: ts.Node[] = [container];
  const visit = (node: ts.Node): boolean => {
    stack.push(node);
    const found = ts.isIdentifier(node) ? node.text === name && isValueReference(node, stack[stack.length - 2]) && valueMayReachStarter(stack, stack.length - 1, reading) : (ts.forEachChild(node, visit) ?? false);
    stack.pop();
    return found;
  };
  return ts.forEachChild(container, visit) ?? false;
}

/**
 * The object a setting is written into (`env` of `env.NODE_OPTIONS = …`, `o` of
 * `o.execArgv.push(…)`): when its root is a name of this file bound to an object literal, that
 * name's uses decide; any other root (`process.env`, `cluster.settings`, a parameter) reaches.
 */
export function writtenObjectMayReach(walker: Walker, target: ts.Expression): boolean {
  let root = skipOuter(target);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (!ts.isIdentifier(root)) return true;
  const declared = declarationOf(root, walker.ancestors, true);
  if (declared?.kind !== 'const' || declared.key !== undefined || !ts.isObjectLiteralExpression(skipOuter(declared.initializer))) return true;
  if (isExportedName(walker.sourceFile, root.text)) return true;
  return usesMayReach(walker.sourceFile, root.text, { walker, depth: 0, keptOnThis: false });
}

/** `export const env = {}` / `export let env`: the object leaves the module. */
function isExportedName(sourceFile: ts.SourceFile, name: string): boolean {
  return sourceFile.statements.some((statement) => ts.isVariableStatement(statement) && hasExportModifier(statement) && statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name));
}

/** The object literal holding a setting property (on top of the walk's ancestors, the property above it): can it reach a starter? */
export function settingPropertyMayReach(walker: Walker, property: ts.Node): boolean {
  const stack = walker.ancestors;
  const index = stack.length - 1;
  if (stack[index] !== property || stack[index - 1] === undefined) return true;
  return valueMayReachStarter(stack, index - 1, { walker, depth: 0, keptOnThis: false });
}
