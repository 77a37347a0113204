import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';
import { functionsNamed } from './stdio-destinations.js';

/**
 * Where a standard stream (or a holder of one) is handed on by a call rather than bound or stored
 * (docs/choices.md 89): the value a place receives is read back from the place, so every place a call
 * may put it counts: a method of the stream that returns the stream, the `this` and the parameters of a
 * function a call may run with it, the receiver of a method it is handed to (`m.set(k, s)`,
 * `list.push(s)`, `ee.emit(e, s)`), the listeners an `emit` reaches, a pipe's destination, a tag's
 * parameters, and what a callback parameter is handed (a thenable's `resolve(s)`).
 */

/**
 * Methods of a standard stream that return the stream itself (`this` in @types/node's events, stream,
 * net and tty declarations): EventEmitter's listener methods, Readable's and Writable's, the socket's
 * and the TTY's. `connect` returns it too, but reading it already takes the stream apart.
 */
export const RETURNS_STREAM: ReadonlySet<string> = new Set([
  'addListener', 'on', 'once', 'prependListener', 'prependOnceListener', 'off', 'removeListener', 'removeAllListeners', 'setMaxListeners',
  'destroy', 'end', 'pause', 'resume', 'setDefaultEncoding', 'setEncoding', 'unpipe', 'wrap',
  'ref', 'unref', 'resetAndDestroy', 'setKeepAlive', 'setNoDelay', 'setTimeout', 'setRawMode',
]);

/** EventEmitter methods that register a listener: an `emit` anywhere in the file may call it with what it is handed. */
const LISTENER_METHODS: ReadonlySet<string> = new Set(['addListener', 'on', 'once', 'prependListener', 'prependOnceListener']);

/** `Function.prototype` members that run their receiver with the arguments handed to them. */
const INVOKING_METHODS: ReadonlySet<string> = new Set(['call', 'apply']);

/** The functions a callee or argument names: one written there, or those the file declares under its name. */
export function functionsOf(node: ts.Expression, file: ts.SourceFile): readonly ts.SignatureDeclaration[] {
  const value = skipOuter(node);
  if (tsv.isArrowFunction(value) || tsv.isFunctionExpression(value)) return [value];
  return tsv.isIdentifier(value) ? functionsNamed(file, value.text) : [];
}

/**
 * The functions a call may run with every one of its arguments: one handed beside them
 * (`setTimeout(f, 0, s)`, `process.nextTick(f, s)`, `Reflect.apply(f, null, [s])`, `arr.forEach(f, s)`)
 * and the receiver of `.call`/`.apply` (`f.call(null, s)`). Which argument lands in which parameter,
 * or in `this`, is not read: each parameter and `this` may be the stream.
 */
export function functionsRunWith(call: ts.CallExpression | ts.NewExpression, argument: ts.Node, file: ts.SourceFile): readonly ts.SignatureDeclaration[] {
  const beside = (call.arguments ?? []).filter((other) => other !== argument).flatMap((other) => functionsOf(other, file));
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) || !INVOKING_METHODS.has(callee.name.text)) return beside;
  return [...beside, ...functionsOf(callee.expression, file)];
}

/** The names of a function's own parameters, `this` excluded. */
export function parameterNames(fn: ts.SignatureDeclaration): readonly ts.BindingName[] {
  return fn.parameters.filter((parameter) => !(tsv.isIdentifier(parameter.name) && parameter.name.text === 'this')).map((parameter) => parameter.name);
}

/**
 * The name a method call's receiver roots in (`m` of `m.set(k, s)`, `list` of `list.push(s)`): a method
 * may keep what it is handed, so the receiver holds it; a method borrowed through `.call`/`.apply` or
 * `Reflect.apply` keeps it in the `this` it is handed. Not the global object (its free names are read by
 * storedGlobal).
 */
export function keepingReceiver(call: ts.CallExpression, argument: ts.Node): string | undefined {
  const index = call.arguments.indexOf(argument as ts.Expression);
  if (index < 0) return undefined;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) && !tsv.isElementAccessExpression(callee)) return undefined;
  const method = tsv.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  // A method borrowed through `.call`/`.apply` (`Array.prototype.push.call(list, s)`) or `Reflect.apply(push, list, [s])`
  // runs on the `this` it is handed.
  const borrowedThis = method !== undefined && INVOKING_METHODS.has(method) ? 0 : isReflectApply(callee) ? 1 : undefined;
  if (borrowedThis !== undefined) return index > borrowedThis ? rootName(call.arguments[borrowedThis]) : undefined;
  return rootName(callee.expression);
}

function isReflectApply(callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const owner = skipOuter(callee.expression);
  return tsv.isPropertyAccessExpression(callee) && callee.name.text === 'apply' && tsv.isIdentifier(owner) && owner.text === 'Reflect';
}

/** The name an expression's members and calls root in (`m` of `m.inner.list`), not the global object. */
function rootName(expression: ts.Expression | undefined): string | undefined {
  if (expression === undefined) return undefined;
  let root = skipOuter(expression);
  while (tsv.isPropertyAccessExpression(root) || tsv.isElementAccessExpression(root) || tsv.isCallExpression(root)) root = skipOuter(root.expression);
  return tsv.isIdentifier(root) && !GLOBAL_OBJECT_NAMES.includes(root.text) ? root.text : undefined;
}

/** `x.emit(event, …args)`: what it is handed reaches every listener registered in the file. */
export function isEmitCall(call: ts.CallExpression, argument: ts.Node): boolean {
  const callee = skipOuter(call.expression);
  return tsv.isPropertyAccessExpression(callee) && callee.name.text === 'emit' && call.arguments.indexOf(argument as ts.Expression) > 0;
}

const listenersByFile = new WeakMap<ts.SourceFile, readonly ts.SignatureDeclaration[]>();

/** Every function the file registers as a listener (`x.on(e, f)`, `x.once(e, function () {…})`), on any emitter. */
export function listenersOfFile(file: ts.SourceFile): readonly ts.SignatureDeclaration[] {
  let found = listenersByFile.get(file);
  if (found !== undefined) return found;
  const listeners: ts.SignatureDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (tsv.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      if (tsv.isPropertyAccessExpression(callee) && LISTENER_METHODS.has(callee.name.text)) listeners.push(...node.arguments.flatMap((argument) => functionsOf(argument, file)));
    }
    tsv.forEachChild(node, visit);
  };
  visit(file);
  listenersByFile.set(file, (found = listeners));
  return found;
}

/**
 * The `this` of a function runs as judged by `judge`, each with the walk's stack from `prefix` (the
 * ancestors of `fn`, outermost first) down to it. Nested arrow functions share `this`; other functions
 * and classes have their own.
 */
export function thisUsesTake(fn: ts.SignatureDeclaration, prefix: readonly ts.Node[], judge: (ancestors: readonly ts.Node[], index: number) => boolean): boolean {
  if (tsv.isArrowFunction(fn)) return false;
  const stack: ts.Node[] = [...prefix, fn];
  let taken = false;
  const visit = (node: ts.Node): void => {
    if (taken) return;
    if ((tsv.isFunctionLike(node) && !tsv.isArrowFunction(node)) || tsv.isClassLike(node)) return;
    stack.push(node);
    if (node.kind === tsv.SyntaxKind.ThisKeyword) taken = judge(stack, stack.length - 1);
    else tsv.forEachChild(node, visit);
    stack.pop();
  };
  tsv.forEachChild(fn, visit);
  return taken;
}

/**
 * What `this` is in a member write at `ancestors[at]` (`this.s = s` in a static block, a method or a
 * constructor): the class or object literal that owns the nearest non-arrow function, and its index.
 */
export function thisOwnerAt(ancestors: readonly ts.Node[], at: number): number | undefined {
  for (let index = at; index > 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (tsv.isArrowFunction(node)) continue;
    if (tsv.isClassStaticBlockDeclaration(node) || tsv.isPropertyDeclaration(node) || tsv.isFunctionLike(node)) {
      const owner = ancestors[index - 1];
      return owner !== undefined && (tsv.isClassLike(owner) || tsv.isObjectLiteralExpression(owner)) ? index - 1 : undefined;
    }
  }
  return undefined;
}

/** `globalThis.name = s`, `global['name'] = s`: read back anywhere as the free name `name`. */
export function storedGlobal(target: ts.Expression, scope: Scope): string | undefined {
  const left = skipOuter(target);
  if (!tsv.isPropertyAccessExpression(left) && !tsv.isElementAccessExpression(left)) return undefined;
  const owner = skipOuter(left.expression);
  if (!tsv.isIdentifier(owner) || !GLOBAL_OBJECT_NAMES.includes(owner.text)) return undefined;
  return constantKey(left, scope) ?? undefined;
}

/** A callee that is a parameter of an enclosing function (a callback): the index of that function in `ancestors`. */
export function callbackOwnerAt(call: ts.CallExpression, ancestors: readonly ts.Node[], at: number): number | undefined {
  const callee = skipOuter(call.expression);
  if (!tsv.isIdentifier(callee)) return undefined;
  for (let index = at; index > 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (tsv.isFunctionLike(node) && node.parameters.some((parameter) => tsv.isIdentifier(parameter.name) && parameter.name.text === callee.text)) return index;
  }
  return undefined;
}
