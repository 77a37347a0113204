import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { carriedCapability } from './carried-capabilities.js';
import { globalName } from './module-loads.js';
import { constantKey } from './constants.js';
import { isPromiseMember } from './promised-namespaces.js';
import { isSharedNamespace, sharedObjectOf } from './shared-stores.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';
import { isLegacyDefiner, writerCallOf } from './writer-calls.js';

/**
 * `Object.assign(require('node:util'), { run: cp.execSync })`, `Reflect.set(process, 'run', …)`,
 * `Object.defineProperty(Array.prototype, 'sh', { get: () => cp.execSync })`,
 * `globalThis.__defineGetter__('run', () => cp.execSync)` (or `__defineSetter__`, handed every later write): a shared object (shared-stores.ts
 * sharedObjectOf) written through a function, judged as `=` judges it: UNANALYZED when what is
 * written (the sources, the descriptor's value or getter, the getter) carries a capability.
 * The global object handed to `Object`/`Reflect` writers is already judged as a value (only data
 * stays clean: global-data-writes.ts), so only its legacy getter is judged here.
 */
export function judgeSharedWriterCall(walker: Walker, call: ts.CallExpression): void {
  if (judgeWriterFunction(walker, call)) return;
  judgeHandedToShared(walker, call);
}

/** The `Object`/`Reflect` writers and legacy definers (above); true when it reported. */
function judgeWriterFunction(walker: Walker, call: ts.CallExpression): boolean {
  const written = writtenThrough(walker, call);
  if (written === undefined) return false;
  const owner = sharedObjectOf(walker, written.target);
  if (owner === undefined) return false;
  for (const value of written.values) {
    const carried = carriedCapability(walker, value);
    if (carried === undefined) continue;
    walker.report.unanalyzed(call, excerpt(owner), `a capability (\`${excerpt(carried.getText(walker.sourceFile))}\`) written by \`${written.writer}\` where every module reads it: each uses it under its own grants`);
    return true;
  }
  return false;
}

/**
 * A shared object handed a capability by a call that may keep it there, fail closed:
 * - a method of a shared object that is no namespace (shared-stores.ts isSharedNamespace):
 *   `process.on('x', cp.execSync)`, `process.stdout.once(…)`, `process.argv.push(cp.execSync)`:
 *   the listener or element is kept where every module takes it back (`process.listeners('x')[0]`);
 * - a function invoked indirectly with a shared object among its parties:
 *   `Object.assign.call(null, Math, …)`, `Object.assign.bind(null, JSON)(…)`,
 *   `Reflect.apply(Object.assign, null, [Math, …])`, `Function.prototype.call.call(Object.assign, null, Math, …)`,
 *   `Array.prototype.push.call(Math, …)`: which function runs, and what it writes where, is not read here.
 */
function judgeHandedToShared(walker: Walker, call: ts.CallExpression): void {
  const parties = indirectParties(walker, call);
  const callee = skipOuter(call.expression);
  const receiver = parties === undefined && (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && !isSharedNamespace(walker, callee.expression) && !isPendingImportMember(walker, callee) ? callee.expression : undefined;
  const all = parties ?? (receiver === undefined ? [] : [receiver, ...argumentValues(call.arguments)]);
  for (const party of all) {
    const owner = sharedObjectOf(walker, party);
    if (owner === undefined) continue;
    for (const other of all) {
      const carried = other === party ? undefined : carriedCapability(walker, other);
      if (carried === undefined) continue;
      walker.report.unanalyzed(call, excerpt(owner), `a capability (\`${excerpt(carried.getText(walker.sourceFile))}\`) handed to a call that may keep it in \`${excerpt(owner)}\`, where every module reads it: each uses it under its own grants`);
      return;
    }
  }
}

/**
 * `import('node:process').then(…)` (also through a `const` holding the `import()`): a member of the
 * promise `import()` returns, not of the module's object (promised-namespaces.ts isPromiseMember).
 */
function isPendingImportMember(walker: Walker, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const base = skipOuter(callee.expression);
  const binding = ts.isIdentifier(base) ? walker.scope.lookup(base.text) : undefined;
  return isPromiseMember(base, binding, constantKey(callee, walker.scope));
}

/** Arguments as values: a spread's operand, an array literal's elements too (`.apply(o, [a, b])`, `Reflect.apply(f, o, [a, b])`). */
function argumentValues(args: readonly ts.Expression[]): ts.Expression[] {
  return args.flatMap((argument) => {
    const value = skipOuter(ts.isSpreadElement(argument) ? argument.expression : argument);
    return ts.isArrayLiteralExpression(value) ? [value, ...argumentValues(value.elements)] : [value];
  });
}

/** Every value an indirect invocation hands its function (receiver and arguments), or undefined for a direct call. */
function indirectParties(walker: Walker, call: ts.CallExpression): ts.Expression[] | undefined {
  const callee = skipOuter(call.expression);
  // `f.bind(o, a)(b)`: the bound parties and the call's.
  if (ts.isCallExpression(callee)) {
    const binder = skipOuter(callee.expression);
    const binds = (ts.isPropertyAccessExpression(binder) || ts.isElementAccessExpression(binder)) && constantKey(binder, walker.scope) === 'bind';
    return binds ? [...argumentValues(callee.arguments), ...argumentValues(call.arguments)] : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const key = constantKey(callee, walker.scope);
  if (key !== 'call' && key !== 'apply' && key !== 'construct') return undefined;
  // `Reflect.apply(f, o, [a])`, `Reflect.construct(C, [a])`, `Function.prototype.call.call(f, o, a)`:
  // the first argument is the function run, no place; `f.call(o, a)`, `f.apply(o, [a])` hand all theirs.
  const invoker = skipOuter(callee.expression);
  const functionFirst = globalName(invoker, walker.scope, GLOBAL_OBJECT_NAMES) === 'Reflect'
    || ((ts.isPropertyAccessExpression(invoker) || ts.isElementAccessExpression(invoker)) && ['call', 'apply'].includes(constantKey(invoker, walker.scope) ?? ''));
  if (key === 'construct' && !functionFirst) return undefined;
  return argumentValues(functionFirst ? call.arguments.slice(1) : call.arguments);
}

/** The object a writer call writes into and the arguments that hold what it writes (writer-calls.ts). */
function writtenThrough(walker: Walker, call: ts.CallExpression): { readonly writer: string; readonly target: ts.Expression; readonly values: readonly ts.Expression[] } | undefined {
  const written = writerCallOf(call, walker.scope);
  if (written?.target === undefined || written.writer === 'method.call') return undefined;
  // A legacy definer's setter is handed every later write of the key; `.apply` hides what it defines: all its arguments may be.
  if (isLegacyDefiner(written.writer)) return { writer: written.writer, target: written.target, values: written.rest ?? call.arguments.slice(1) };
  if (isGlobalObject(walker, written.target)) return undefined;
  return { writer: written.writer, target: written.target, values: written.rest ?? [] };
}

function isGlobalObject(walker: Walker, expression: ts.Expression): boolean {
  const name = globalName(expression, walker.scope, GLOBAL_OBJECT_NAMES);
  return name !== undefined && GLOBAL_OBJECT_NAMES.includes(name);
}
