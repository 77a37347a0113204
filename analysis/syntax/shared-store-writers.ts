import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { carriedCapability } from './carried-capabilities.js';
import { constantKey } from './constants.js';
import { writerOf } from './launch-reflective-writes.js';
import { globalName } from './module-loads.js';
import { sharedObjectOf } from './shared-stores.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** The legacy accessor definer: `o.__defineGetter__('k', () => v)` makes reading `o.k` hand out `v`. */
const LEGACY_GETTER = '__defineGetter__';

/**
 * `Object.assign(require('node:util'), { run: cp.execSync })`, `Reflect.set(process, 'run', …)`,
 * `Object.defineProperty(Array.prototype, 'sh', { get: () => cp.execSync })`,
 * `globalThis.__defineGetter__('run', () => cp.execSync)`: a shared object (shared-stores.ts
 * sharedObjectOf) written through a function, judged as `=` judges it: UNANALYZED when what is
 * written (the sources, the descriptor's value or getter, the getter) carries a capability.
 * The global object handed to `Object`/`Reflect` writers is already judged as a value (only data
 * stays clean: global-data-writes.ts), so only its legacy getter is judged here.
 */
export function judgeSharedWriterCall(walker: Walker, call: ts.CallExpression): void {
  const written = writtenThrough(walker, call);
  if (written === undefined) return;
  const owner = sharedObjectOf(walker, written.target);
  if (owner === undefined) return;
  for (const value of written.values) {
    const carried = carriedCapability(walker, value);
    if (carried === undefined) continue;
    walker.report.unanalyzed(call, excerpt(owner), `a capability (\`${excerpt(carried.getText(walker.sourceFile))}\`) written by \`${written.writer}\` where every module reads it: each uses it under its own grants`);
    return;
  }
}

/** The object a writer call writes into and the arguments that hold what it writes. */
function writtenThrough(walker: Walker, call: ts.CallExpression): { readonly writer: string; readonly target: ts.Expression; readonly values: readonly ts.Expression[] } | undefined {
  const callee = skipOuter(call.expression);
  const [first, ...rest] = call.arguments;
  const writer = writerOf(callee, walker);
  if (writer !== undefined && writer !== 'method.call') {
    if (first === undefined || ts.isSpreadElement(first) || isGlobalObject(walker, first)) return undefined;
    return { writer, target: first, values: rest };
  }
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const key = constantKey(callee, walker.scope);
  if (key === LEGACY_GETTER) return { writer: LEGACY_GETTER, target: callee.expression, values: call.arguments.slice(1) };
  // `Object.prototype.__defineGetter__.call(target, 'k', getter)`.
  const method = skipOuter(callee.expression);
  const borrowed = (key === 'call' || key === 'apply') && (ts.isPropertyAccessExpression(method) || ts.isElementAccessExpression(method)) && constantKey(method, walker.scope) === LEGACY_GETTER;
  if (!borrowed || first === undefined || ts.isSpreadElement(first)) return undefined;
  return { writer: LEGACY_GETTER, target: first, values: rest };
}

function isGlobalObject(walker: Walker, expression: ts.Expression): boolean {
  const name = globalName(expression, walker.scope, GLOBAL_OBJECT_NAMES);
  return name !== undefined && GLOBAL_OBJECT_NAMES.includes(name);
}
